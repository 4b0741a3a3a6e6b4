/**
 * PolynomialLR: decays the lr to 0 over `totalIters` steps as `(1 - t / totalIters)^power`.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { NonNegative, PositiveInteger, schedulerConfig } from '../core/codec.js'
import type { Scheduler } from '../core/model.js'
import { type Clock, type EpochState, leaf } from '../internal/leaf.js'
import { nonNegative, positiveInteger, withDefault } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of PolynomialLR (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `PolynomialLROptions`. Arguments:
 * - `totalIters`: Steps to reach 0: a positive integer. Default 5.
 * - `power`: The power, >= 0. Default 1.
 *
 * @example
 * import { PolynomialLRConfig } from 'lr-schedule'
 * PolynomialLRConfig.is({ type: 'PolynomialLR', totalIters: 100, power: 2 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PolynomialLRConfig = schedulerConfig('PolynomialLR', {}, { totalIters: PositiveInteger, power: NonNegative })

/**
 * The JSON config of PolynomialLR.
 *
 * @example
 * import type { PolynomialLRConfig } from 'lr-schedule'
 * const c: PolynomialLRConfig = { type: 'PolynomialLR', totalIters: 100, power: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialLRConfig = t.TypeOf<typeof PolynomialLRConfig>

/**
 * PolynomialLR's arguments: its config without `type` (see `PolynomialLRConfig`).
 *
 * @example
 * import type { PolynomialLROptions } from 'lr-schedule'
 * const o: PolynomialLROptions = { totalIters: 100, power: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialLROptions = Omit<PolynomialLRConfig, 'type'>

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
  const p: Plan = { totalIters: total, power }
  return leaf({
    name: 'PolynomialLR',
    config: p,
    lr: (e, lr, _base, _i, initial) => (initial ? lr : lr * factor(p, e)),
    factors: (clock) => (factors, at, count) => fastFactors(p, clock, factors, at, count),
    closedForm: (e, base) => base * (1.0 - Math.min(total, e) / total) ** power,
    multiplier: (e) => (1.0 - Math.min(total, e) / total) ** power
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

type Plan = Required<PolynomialLROptions>

// torch: the lr times ((1 - last_epoch / total_iters) / (1 - (last_epoch - 1) / total_iters)) ** power
// up to total_iters, the lr after: the factor of a step that multiplies every group's lr. A function of the scheduler's numbers, at module level: V8 compiles (and inlines) it once for every
// PolynomialLR (see Fast in internal/leaf.ts)
const factor = (p: Plan, e: number): number =>
  e > p.totalIters ? 1 : ((1.0 - e / p.totalIters) / (1.0 - (e - 1) / p.totalIters)) ** p.power
// the fast path: the factors of the next `count` steps, into `factors` from `at` (see FastFactors in internal/leaf.ts)
const fastFactors = (p: Plan, clock: Clock, factors: Float64Array, at: number, count: number): void => {
  for (let j = 0; j < count; j++) factors[at + j] = factor(p, ++clock.e)
}
