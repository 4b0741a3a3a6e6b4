/**
 * ExponentialLR: multiplies the lr by `gamma` every step.
 *
 * @since 0.1.0
 */
import type { Scheduler } from '../Schedule.js'
import { type EpochState, leaf } from '../internal/leaf.js'
import { positive } from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * ExponentialLR's arguments.
 *
 * @example
 * import type { ExponentialLROptions } from 'lr-schedule'
 * const o: ExponentialLROptions = { gamma: 0.95 }
 *
 * @category model
 * @since 0.1.0
 */
export interface ExponentialLROptions {
  /** Multiplicative factor per step, > 0 (no default, as in PyTorch). */
  readonly gamma: number
}

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
  return leaf({
    name: 'ExponentialLR',
    lr: (_e, lr, _base, _i, initial) => (initial ? lr : lr * gamma),
    closedForm: (e, base) => base * gamma ** e,
    multiplier: (e) => gamma ** e
  })
}
