/**
 * The optax presets: optax 0.2.8's schedules (`optax/schedules/_schedule.py`, `_join.py`) as
 * schedulers, with optax's values. Every schedule is a function of the step count giving an
 * absolute value: every param group gets it (the group's own lr is ignored), row k of a trace is
 * optax's value at `count = k`, and the closed form is that same function. JSON configs use the
 * type `optax.<function>` and optax's arguments in camelCase.
 *
 * @since 0.1.0
 */
import type { Family } from '../../core/codec.js'
import { leafFamilies } from './families.js'
import { joinFamily } from './join_schedules.js'

export * from './constant_schedule.js'
export * from './linear_schedule.js'
export * from './polynomial_schedule.js'
export * from './piecewise_constant_schedule.js'
export * from './piecewise_interpolate_schedule.js'
export * from './exponential_decay.js'
export * from './cosine_decay_schedule.js'
export * from './warmup_constant_schedule.js'
export * from './warmup_cosine_decay_schedule.js'
export * from './warmup_exponential_decay_schedule.js'
export * from './cosine_onecycle_schedule.js'
export * from './linear_onecycle_schedule.js'
export * from './sgdr_schedule.js'
export {
  JoinSchedulesConfig,
  type JoinSchedulesOptions,
  OptaxScheduleConfig,
  joinSchedules
} from './join_schedules.js'

/**
 * The optax family of the declarative format, by `type` (`optax.<function>`): each schedule's
 * config codec and builder.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * Object.keys(optax.optaxFamilies).includes('optax.warmup_cosine_decay_schedule') // true
 *
 * @category families
 * @since 0.1.0
 */
export const optaxFamilies: Readonly<Record<string, Family>> = {
  ...leafFamilies,
  'optax.join_schedules': joinFamily
}
