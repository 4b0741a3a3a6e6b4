/**
 * optax.linear_schedule: from `initValue` to `endValue` in a straight line over `transitionSteps`
 * steps, starting at `transitionBegin`; the end value is held afterwards.
 *
 * Follows optax 0.2.8's `linear_schedule` (`optax/schedules/_schedule.py`), which is its
 * `polynomial_schedule` with power 1. As optax: `transitionSteps <= 0` gives a constant schedule at
 * `initValue`, and a negative `transitionBegin` falls back to 0.
 *
 * @since 0.1.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { Integer, checkSpan, fromOptax, linearFn } from './internal.js'

const args = {
  initValue: required(Finite, 'The value up to `transitionBegin`.'),
  endValue: required(Finite, 'The value from `transitionBegin + transitionSteps` on.'),
  transitionSteps: required(Integer, 'The length of the transition: an integer; <= 0 holds `initValue` for ever (as optax).'),
  transitionBegin: withDefault(Integer, 'Steps before the transition starts: an integer (negative counts as 0, as optax).', 0)
}

/**
 * The definition of `optax.linear_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const LinearSchedule = define({
  type: 'optax.linear_schedule',
  summary: 'A straight line from `initValue` to `endValue` over `transitionSteps` steps, from `transitionBegin` on.',
  args,
  make: (p) => {
    checkSpan('endValue', p.initValue, p.endValue, p.transitionSteps, ['initValue', 'endValue'])
    return fromOptax(linearFn(p.initValue, p.endValue, p.transitionSteps, p.transitionBegin))
  }
})

/**
 * The arguments of `linearSchedule` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type LinearScheduleOptions = OptionsOf<typeof args>

/**
 * optax's `linear_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.linearSchedule({ initValue: 1, endValue: 0, transitionSteps: 4, transitionBegin: 1 }), [1], 6).lr // [[1], [1], [0.75], [0.5], [0.25], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const linearSchedule = LinearSchedule.make
