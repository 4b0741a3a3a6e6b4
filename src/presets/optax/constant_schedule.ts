/**
 * optax.constant_schedule: the same value at every step.
 *
 * Follows optax 0.2.8's `constant_schedule` (`optax/schedules/_schedule.py`).
 *
 * @since 0.1.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { constantFn, fromOptax } from './internal.js'

const args = {
  value: required(Finite, 'The value held at every step: a finite number.')
}

/**
 * The definition of `optax.constant_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ConstantSchedule = define({
  type: 'optax.constant_schedule',
  summary: 'The same value at every step.',
  args,
  make: (p) => fromOptax(constantFn(p.value))
})

/**
 * The arguments of `constantSchedule` (optax's, in camelCase).
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantScheduleOptions = OptionsOf<typeof args>

/**
 * optax's `constant_schedule(value)`: every group gets `value` at every step.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.constantSchedule({ value: 0.5 }), [0.1, 0.2], 2).lr // [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const constantSchedule = ConstantSchedule.make
