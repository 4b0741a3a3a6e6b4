/**
 * optax.warmup_constant_schedule: a linear warmup from `initValue` to `peakValue` over
 * `warmupSteps` steps, then `peakValue` for ever (optax's `linear_schedule`).
 *
 * As optax: `warmupSteps <= 0` gives a constant schedule at `initValue` (not `peakValue`): optax's
 * linear schedule with no transition holds its initial value.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite } from '../../core/validate.js'
import { Integer, checkSpan, integer, optaxLeaf, polynomialFn } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.warmup_constant_schedule` (optax's arguments in camelCase). Arguments:
 * - `initValue`: The value at step 0.
 * - `peakValue`: The value from `warmupSteps` on.
 * - `warmupSteps`: The length of the warmup: an integer; <= 0 holds `initValue` for ever (as optax).
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.WarmupConstantScheduleConfig.is({ type: 'optax.warmup_constant_schedule', initValue: 0, peakValue: 0.1, warmupSteps: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const WarmupConstantScheduleConfig = schedulerConfig(
  'optax.warmup_constant_schedule',
  { initValue: Finite, peakValue: Finite, warmupSteps: Integer },
  {}
)

/**
 * The JSON config of `optax.warmup_constant_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.WarmupConstantScheduleConfig = { type: 'optax.warmup_constant_schedule', initValue: 0, peakValue: 0.1, warmupSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupConstantScheduleConfig = t.TypeOf<typeof WarmupConstantScheduleConfig>

/**
 * The arguments of `warmupConstantSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.WarmupConstantScheduleOptions = { initValue: 0, peakValue: 0.1, warmupSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupConstantScheduleOptions = Omit<WarmupConstantScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `warmup_constant_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.warmupConstantSchedule({ initValue: 0, peakValue: 1, warmupSteps: 2 }), [1], 3).lr // [[0], [0.5], [1], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const warmupConstantSchedule = (options: WarmupConstantScheduleOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const peakValue = finite('peakValue', options.peakValue)
  const warmupSteps = integer('warmupSteps', options.warmupSteps)
  checkSpan('peakValue', initValue, peakValue, warmupSteps, ['initValue', 'peakValue'])
  return optaxLeaf(
    'optax.warmup_constant_schedule',
    { initValue, peakValue, warmupSteps },
    polynomialFn(initValue, peakValue, 1, warmupSteps, 0)
  )
}
