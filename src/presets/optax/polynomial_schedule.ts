/**
 * optax.polynomial_schedule: from `initValue` to `endValue` along `(1 - t / transitionSteps)^power`,
 * starting at `transitionBegin`; the end value is held from `transitionBegin + transitionSteps` on.
 *
 * Follows optax 0.2.8's `polynomial_schedule` (`optax/schedules/_schedule.py`). As optax:
 * `transitionSteps <= 0` gives a constant schedule at `initValue` (optax logs this and returns a
 * constant), and a negative `transitionBegin` falls back to 0.
 *
 * @since 0.1.0
 */
import { Finite, NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { Integer, checkSpan, fromOptax, polynomialFn } from './internal.js'

const args = {
  initValue: required(Finite, 'The value before and at the start of the transition.'),
  endValue: required(Finite, 'The value at and after the end of the transition.'),
  power: required(NonNegative, 'The power of the polynomial: a finite number >= 0 (a negative power is infinite at the end).'),
  transitionSteps: required(Integer, 'The length of the transition: an integer; <= 0 holds `initValue` for ever (as optax).'),
  transitionBegin: withDefault(Integer, 'Steps before the transition starts: an integer (negative counts as 0, as optax).', 0)
}

/**
 * The definition of `optax.polynomial_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialSchedule = define({
  type: 'optax.polynomial_schedule',
  summary: 'From `initValue` to `endValue` along `(1 - t / transitionSteps)^power`, from `transitionBegin` on.',
  args,
  make: (p) => {
    checkSpan('endValue', p.initValue, p.endValue, p.transitionSteps, ['initValue', 'endValue'])
    return fromOptax(polynomialFn(p.initValue, p.endValue, p.power, p.transitionSteps, p.transitionBegin))
  }
})

/**
 * The arguments of `polynomialSchedule` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialScheduleOptions = OptionsOf<typeof args>

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
export const polynomialSchedule = PolynomialSchedule.make
