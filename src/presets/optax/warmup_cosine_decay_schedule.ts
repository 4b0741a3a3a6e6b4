/**
 * optax.warmup_cosine_decay_schedule: a linear warmup from `initValue` to `peakValue` over
 * `warmupSteps` steps, then a cosine decay to `endValue` reached at step `decaySteps` (the decay
 * length includes the warmup), held afterwards.
 *
 * As optax: the decay runs from `peakValue` to `peakValue · (endValue / peakValue)` (0 when
 * `peakValue` is 0), so the floor is `endValue` up to rounding; with `warmupSteps` 0 the decay
 * starts at step 0 (from `peakValue`).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegative, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegative, withDefault } from '../../core/validate.js'
import { Integer, checkAlpha, checkDecayAfterWarmup, checkSpan, integer, optaxLeaf, warmupCosineDecayFn } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.warmup_cosine_decay_schedule` (optax's arguments in camelCase, optax's
 * defaults). Arguments:
 * - `initValue`: The value at step 0.
 * - `peakValue`: The value at the end of the warmup.
 * - `warmupSteps`: The length of the warmup: an integer (<= 0: no warmup, as optax).
 * - `decaySteps`: The whole length, warmup included: an integer > `warmupSteps` (optax raises otherwise).
 * - `endValue`: The value from `decaySteps` on. Default 0.
 * - `exponent`: The power of the cosine factor: a finite number >= 0. Default 1.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.WarmupCosineDecayScheduleConfig.is({ type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 0.1, warmupSteps: 100, decaySteps: 1000 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const WarmupCosineDecayScheduleConfig = schedulerConfig(
  'optax.warmup_cosine_decay_schedule',
  { initValue: Finite, peakValue: Finite, warmupSteps: Integer, decaySteps: Integer },
  { endValue: Finite, exponent: NonNegative }
)

/**
 * The JSON config of `optax.warmup_cosine_decay_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.WarmupCosineDecayScheduleConfig = { type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 0.1, warmupSteps: 100, decaySteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupCosineDecayScheduleConfig = t.TypeOf<typeof WarmupCosineDecayScheduleConfig>

/**
 * The arguments of `warmupCosineDecaySchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.WarmupCosineDecayScheduleOptions = { initValue: 0, peakValue: 0.1, warmupSteps: 100, decaySteps: 1000, endValue: 1e-5 }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupCosineDecayScheduleOptions = Omit<WarmupCosineDecayScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `warmup_cosine_decay_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.warmupCosineDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 4 }), [1], 5).lr // [[0], [0.5], [1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const warmupCosineDecaySchedule = (options: WarmupCosineDecayScheduleOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const peakValue = finite('peakValue', options.peakValue)
  const warmupSteps = integer('warmupSteps', options.warmupSteps)
  const decaySteps = integer('decaySteps', options.decaySteps)
  const endValue = finite('endValue', withDefault(options.endValue, 0.0))
  const exponent = nonNegative('exponent', withDefault(options.exponent, 1.0))
  checkDecayAfterWarmup('decaySteps', decaySteps, warmupSteps)
  checkSpan('peakValue', initValue, peakValue, warmupSteps, ['initValue', 'peakValue'])
  checkAlpha('endValue', peakValue, endValue)
  return optaxLeaf(
    'optax.warmup_cosine_decay_schedule',
    { initValue, peakValue, warmupSteps, decaySteps, endValue, exponent },
    warmupCosineDecayFn(initValue, peakValue, warmupSteps, decaySteps, endValue, exponent)
  )
}
