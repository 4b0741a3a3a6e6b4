/**
 * optax.constant_schedule: the same value at every step.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite } from '../../core/validate.js'
import { constantFn, optaxLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.constant_schedule` (optax's arguments in camelCase). Arguments:
 * - `value`: The value held at every step: a finite number.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.ConstantScheduleConfig.is({ type: 'optax.constant_schedule', value: 0.001 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ConstantScheduleConfig = schedulerConfig('optax.constant_schedule', { value: Finite }, {})

/**
 * The JSON config of `optax.constant_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.ConstantScheduleConfig = { type: 'optax.constant_schedule', value: 0.001 }
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantScheduleConfig = t.TypeOf<typeof ConstantScheduleConfig>

/**
 * The arguments of `constantSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.ConstantScheduleOptions = { value: 0.001 }
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantScheduleOptions = Omit<ConstantScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const constantSchedule = (options: ConstantScheduleOptions): Scheduler<EpochState> => {
  const value = finite('value', options.value)
  return optaxLeaf('optax.constant_schedule', { value }, constantFn(value))
}
