/**
 * StepLR: decays the lr of every group by `gamma` every `stepSize` steps.
 *
 * Follows `torch.optim.lr_scheduler.StepLR` (chainable form in the reducer, PyTorch's closed form
 * `base · gamma^⌊t / stepSize⌋` as `closedForm`).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { PositiveInteger, Positive, schedulerConfig } from '../config/codec.js'
import type { Scheduler } from '../Schedule.js'
import { type Clock, type EpochState, leaf } from '../internal/leaf.js'
import { positive, positiveInteger, withDefault } from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of StepLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `StepLROptions`. Arguments:
 * - `stepSize`: Period of the decay, in steps: a positive integer.
 * - `gamma`: Multiplicative factor, > 0. Default 0.1.
 *
 * @example
 * import { StepLRConfig } from 'lr-schedule'
 * StepLRConfig.is({ type: 'StepLR', stepSize: 30, gamma: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const StepLRConfig = schedulerConfig('StepLR', { stepSize: PositiveInteger }, { gamma: Positive })

/**
 * The JSON config of StepLR.
 *
 * @example
 * import type { StepLRConfig } from 'lr-schedule'
 * const c: StepLRConfig = { type: 'StepLR', stepSize: 30, gamma: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type StepLRConfig = t.TypeOf<typeof StepLRConfig>

/**
 * StepLR's arguments: its config without `type` (see `StepLRConfig`).
 *
 * @example
 * import type { StepLROptions } from 'lr-schedule'
 * const o: StepLROptions = { stepSize: 30, gamma: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type StepLROptions = Omit<StepLRConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Decays the lr by `gamma` every `stepSize` steps.
 *
 * @example
 * import { stepLR, trace } from 'lr-schedule'
 * trace(stepLR({ stepSize: 2, gamma: 0.5 }), [1], 4).lr // [[1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const stepLR = (options: StepLROptions): Scheduler<EpochState> => {
  const stepSize = positiveInteger('stepSize', options.stepSize)
  const gamma = positive('gamma', withDefault(options.gamma, 0.1))
  const p: Plan = { stepSize, gamma }
  return leaf({
    name: 'StepLR',
    config: p,
    lr: (e, lr) => lr * factor(p, e),
    factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count),
    closedForm: (e, base) => base * gamma ** Math.floor(e / stepSize),
    multiplier: (e) => gamma ** Math.floor(e / stepSize)
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

// torch: `if last_epoch == 0 or last_epoch % step_size != 0: keep lr else lr * gamma`, as the factor
// of the step that multiplies every group's lr (lr · 1 is lr exactly). A function of the
// scheduler's numbers, at module level: V8 compiles and inlines it once for every StepLR (see
// Fast in internal/leaf.ts)
type Plan = Required<StepLROptions>
const factor = (p: Plan, e: number): number => (e === 0 || e % p.stepSize !== 0 ? 1 : p.gamma)
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = factor(p, ++clock.e)
}
