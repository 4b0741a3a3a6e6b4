/**
 * ConstantLR: multiplies the lr by `factor` for the first `totalIters` steps, then restores it.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { InRange, PositiveInteger, schedulerConfig } from '../core/codec.js'
import type { Scheduler } from '../core/model.js'
import { type Clock, type EpochState, leaf } from '../internal/leaf.js'
import { inRange, positiveInteger, withDefault } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of ConstantLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `ConstantLROptions`. Arguments:
 * - `factor`: The factor, in (0, 1]. Default 1/3. (PyTorch accepts 0, then divides by it at `totalIters`.)
 * - `totalIters`: Steps at the reduced lr: a positive integer. Default 5.
 *
 * @example
 * import { ConstantLRConfig } from 'lr-schedule'
 * ConstantLRConfig.is({ type: 'ConstantLR', factor: 0.5, totalIters: 4 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ConstantLRConfig = schedulerConfig('ConstantLR', {}, { factor: InRange(0, 1, { lo: true }), totalIters: PositiveInteger })

/**
 * The JSON config of ConstantLR.
 *
 * @example
 * import type { ConstantLRConfig } from 'lr-schedule'
 * const c: ConstantLRConfig = { type: 'ConstantLR', factor: 0.5, totalIters: 4 }
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantLRConfig = t.TypeOf<typeof ConstantLRConfig>

/**
 * ConstantLR's arguments: its config without `type` (see `ConstantLRConfig`).
 *
 * @example
 * import type { ConstantLROptions } from 'lr-schedule'
 * const o: ConstantLROptions = { factor: 0.5, totalIters: 4 }
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantLROptions = Omit<ConstantLRConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Holds the lr at `factor` times its value for `totalIters` steps.
 *
 * @example
 * import { constantLR, trace } from 'lr-schedule'
 * trace(constantLR({ factor: 0.5, totalIters: 2 }), [1], 3).lr // [[0.5], [0.5], [1], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const constantLR = (options: ConstantLROptions = {}): Scheduler<EpochState> => {
  const factor = inRange('factor', withDefault(options.factor, 1 / 3), 0, 1, { lo: true })
  const totalIters = positiveInteger('totalIters', withDefault(options.totalIters, 5))
  const p: Plan = { factor, totalIters }
  return leaf({
    name: 'ConstantLR',
    config: p,
    lr: (e, lr) => lr * stepFactor(p, e),
    factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count),
    // torch: base * (factor + (last_epoch >= total_iters) * (1 - factor))
    closedForm: (e, base) => base * (factor + (e >= totalIters ? 1 : 0) * (1 - factor)),
    multiplier: (e) => (e < totalIters ? factor : 1)
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

type Plan = Required<ConstantLROptions>

// torch: lr * factor at the initial step, lr * (1.0 / factor) at total_iters, else the lr: the
// factor of the step that multiplies every group's lr (lr · 1 is lr exactly). A function of the scheduler's numbers, at module level: V8 compiles (and inlines) it once for every
// ConstantLR (see Fast in internal/leaf.ts)
const stepFactor = (p: Plan, e: number): number => (e === 0 ? p.factor : e !== p.totalIters ? 1 : 1.0 / p.factor)
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = stepFactor(p, ++clock.e)
}
