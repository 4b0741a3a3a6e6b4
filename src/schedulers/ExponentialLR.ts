/**
 * ExponentialLR: multiplies the lr by `gamma` every step.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Positive, schedulerConfig } from '../core/codec.js'
import type { Scheduler } from '../core/model.js'
import { type Clock, type EpochState, type LeafLr, leaf } from '../internal/leaf.js'
import { positive } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of ExponentialLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `ExponentialLROptions`. Arguments:
 * - `gamma`: Multiplicative factor per step, > 0 (no default, as in PyTorch).
 *
 * @example
 * import { ExponentialLRConfig } from 'lr-schedule'
 * ExponentialLRConfig.is({ type: 'ExponentialLR', gamma: 0.95 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ExponentialLRConfig = schedulerConfig('ExponentialLR', { gamma: Positive }, {})

/**
 * The JSON config of ExponentialLR.
 *
 * @example
 * import type { ExponentialLRConfig } from 'lr-schedule'
 * const c: ExponentialLRConfig = { type: 'ExponentialLR', gamma: 0.95 }
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialLRConfig = t.TypeOf<typeof ExponentialLRConfig>

/**
 * ExponentialLR's arguments: its config without `type` (see `ExponentialLRConfig`).
 *
 * @example
 * import type { ExponentialLROptions } from 'lr-schedule'
 * const o: ExponentialLROptions = { gamma: 0.95 }
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialLROptions = Omit<ExponentialLRConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Decays the lr by `gamma` every step.
 *
 * @example
 * import { exponentialLR, trace } from 'lr-schedule'
 * trace(exponentialLR({ gamma: 0.5 }), [1], 2).lr // [[1], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const exponentialLR = (options: ExponentialLROptions): Scheduler<EpochState> => {
  const gamma = positive('gamma', options.gamma)
  const lr: LeafLr = (_e, lr, _base, _i, initial) => (initial ? lr : lr * gamma)
  return leaf({
    name: 'ExponentialLR',
    config: { gamma },
    lr,
    factors: (clock) => (factors, at, count) => fastFactors(gamma, clock, factors, at, count),
    closedForm: (e, base) => base * gamma ** e,
    multiplier: (e) => gamma ** e
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (gamma: number, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  clock.e += count
  factors.fill(gamma, at, at + count)
}
