/**
 * optax.polynomial_schedule: from `initValue` to `endValue` along `(1 - t / transitionSteps)^power`,
 * starting at `transitionBegin`; the end value is held from `transitionBegin + transitionSteps` on.
 *
 * As optax: `transitionSteps <= 0` gives a constant schedule at `initValue` (optax logs this and
 * returns a constant), and a negative `transitionBegin` falls back to 0.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegative, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegative, withDefault } from '../../core/validate.js'
import { Integer, checkSpan, integer, optaxLeaf, polynomialFn } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.polynomial_schedule` (optax's arguments in camelCase, optax's
 * defaults). Arguments:
 * - `initValue`: The value before and at the start of the transition.
 * - `endValue`: The value at and after the end of the transition.
 * - `power`: The power of the polynomial: a finite number >= 0 (a negative power is infinite at the end).
 * - `transitionSteps`: The length of the transition: an integer; <= 0 holds `initValue` for ever (as optax).
 * - `transitionBegin`: Steps before the transition starts: an integer (negative counts as 0, as optax). Default 0.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.PolynomialScheduleConfig.is({ type: 'optax.polynomial_schedule', initValue: 1, endValue: 0.01, power: 2, transitionSteps: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PolynomialScheduleConfig = schedulerConfig(
  'optax.polynomial_schedule',
  { initValue: Finite, endValue: Finite, power: NonNegative, transitionSteps: Integer },
  { transitionBegin: Integer }
)

/**
 * The JSON config of `optax.polynomial_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.PolynomialScheduleConfig = { type: 'optax.polynomial_schedule', initValue: 1, endValue: 0.01, power: 2, transitionSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialScheduleConfig = t.TypeOf<typeof PolynomialScheduleConfig>

/**
 * The arguments of `polynomialSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.PolynomialScheduleOptions = { initValue: 1, endValue: 0.01, power: 2, transitionSteps: 100, transitionBegin: 5 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialScheduleOptions = Omit<PolynomialScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `polynomial_schedule`: `(init - end) · (1 - k / transitionSteps)^power + end` with
 * `k = clip(t - transitionBegin, 0, transitionSteps)`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.polynomialSchedule({ initValue: 1, endValue: 0, power: 2, transitionSteps: 2 }), [1], 3).lr // [[1], [0.25], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const polynomialSchedule = (options: PolynomialScheduleOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const endValue = finite('endValue', options.endValue)
  const power = nonNegative('power', options.power)
  const transitionSteps = integer('transitionSteps', options.transitionSteps)
  const transitionBegin = integer('transitionBegin', withDefault(options.transitionBegin, 0))
  checkSpan('endValue', initValue, endValue, transitionSteps, ['initValue', 'endValue'])
  return optaxLeaf(
    'optax.polynomial_schedule',
    { initValue, endValue, power, transitionSteps, transitionBegin },
    polynomialFn(initValue, endValue, power, transitionSteps, transitionBegin)
  )
}
