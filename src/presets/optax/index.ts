/**
 * The optax presets: optax 0.2.8's schedules (`optax/schedules/_schedule.py`, `_join.py`) as
 * schedulers, with optax's values. Every schedule is a function of the step count giving an
 * absolute value: every param group gets it (the group's own lr is ignored), row k of a trace is
 * optax's value at `count = k`, and the closed form is that same function. JSON configs use the
 * type `optax.<function>` and optax's arguments in camelCase. And `optax.reduce_on_plateau`
 * (optax.contrib's gradient transformation): the group's initial lr × its scale, which reacts to the
 * value passed with every update.
 *
 * @since 0.1.0
 */
export { constantSchedule, type ConstantScheduleOptions } from './constant_schedule.js'
export { linearSchedule, type LinearScheduleOptions } from './linear_schedule.js'
export { polynomialSchedule, type PolynomialScheduleOptions } from './polynomial_schedule.js'
export { piecewiseConstantSchedule, type PiecewiseConstantScheduleOptions } from './piecewise_constant_schedule.js'
export { piecewiseInterpolateSchedule, type PiecewiseInterpolateScheduleOptions } from './piecewise_interpolate_schedule.js'
export { exponentialDecay, type ExponentialDecayOptions } from './exponential_decay.js'
export { cosineDecaySchedule, type CosineDecayScheduleOptions } from './cosine_decay_schedule.js'
export { warmupConstantSchedule, type WarmupConstantScheduleOptions } from './warmup_constant_schedule.js'
export { warmupCosineDecaySchedule, type WarmupCosineDecayScheduleOptions } from './warmup_cosine_decay_schedule.js'
export { warmupExponentialDecaySchedule, type WarmupExponentialDecayScheduleOptions } from './warmup_exponential_decay_schedule.js'
export { cosineOnecycleSchedule, type CosineOnecycleScheduleOptions } from './cosine_onecycle_schedule.js'
export { linearOnecycleSchedule, type LinearOnecycleScheduleOptions } from './linear_onecycle_schedule.js'
export { sgdrSchedule, type SgdrScheduleOptions, type CosineKwargs } from './sgdr_schedule.js'
export { joinSchedules, type JoinSchedulesOptions } from './join_schedules.js'
export { reduceOnPlateau, type ReduceOnPlateauOptions, type ReduceOnPlateauState } from './reduce_on_plateau.js'
