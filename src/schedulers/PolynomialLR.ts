/**
 * PolynomialLR: decays the lr to 0 over `totalIters` steps as `(1 - t / totalIters)^power`.
 *
 * @since 0.1.0
 */
import type { Scheduler } from '../Schedule.js'
import { type EpochState, leaf } from '../internal/leaf.js'
import { nonNegative, positiveInteger, withDefault } from '../internal/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * PolynomialLR's arguments.
 *
 * @example
 * import type { PolynomialLROptions } from 'lr-schedule'
 * const o: PolynomialLROptions = { totalIters: 100, power: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export interface PolynomialLROptions {
  /** Steps to reach 0: a positive integer. Default 5. */
  readonly totalIters?: number
  /** The power, >= 0. Default 1. */
  readonly power?: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Decays the lr polynomially to 0 at `totalIters`, then holds it.
 *
 * @example
 * import { polynomialLR, trace } from 'lr-schedule'
 * trace(polynomialLR({ totalIters: 2, power: 1 }), [1], 3).lr // [[1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const polynomialLR = (options: PolynomialLROptions = {}): Scheduler<EpochState> => {
  const total = positiveInteger('totalIters', withDefault(options.totalIters, 5))
  const power = nonNegative('power', withDefault(options.power, 1))
  return leaf({
    name: 'PolynomialLR',
    lr: (e, lr, _base, _i, initial) =>
      initial || e > total ? lr : lr * ((1.0 - e / total) / (1.0 - (e - 1) / total)) ** power,
    closedForm: (e, base) => base * (1.0 - Math.min(total, e) / total) ** power,
    multiplier: (e) => (1.0 - Math.min(total, e) / total) ** power
  })
}
