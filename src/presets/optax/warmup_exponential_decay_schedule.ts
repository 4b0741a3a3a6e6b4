/**
 * optax.warmup_exponential_decay_schedule: a linear warmup from `initValue` to `peakValue` over
 * `warmupSteps` steps, then optax's `exponential_decay` from `peakValue`, counting steps from the
 * end of the warmup (`transitionBegin` is counted from there too).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Bool, Finite, NonNegative, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { boolean, finite, nonNegative, withDefault } from '../../core/validate.js'
import { Integer, checkSpan, exponentialFn, integer, joinFn, optaxLeaf, polynomialFn } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.warmup_exponential_decay_schedule` (optax's arguments in camelCase,
 * optax's defaults). Arguments:
 * - `initValue`: The value at step 0.
 * - `peakValue`: The value at the end of the warmup, where the decay starts.
 * - `warmupSteps`: The length of the warmup: an integer (<= 0: no warmup, as optax).
 * - `transitionSteps`: Steps per factor of `decayRate`: an integer; <= 0 holds `peakValue` after the warmup (as optax).
 * - `decayRate`: The factor per `transitionSteps` steps: a finite number >= 0 (0 holds `peakValue`, as optax).
 * - `transitionBegin`: Steps after the warmup before the decay starts: an integer (negative counts as 0). Default 0.
 * - `staircase`: Decay in whole steps of `transitionSteps`. Default false.
 * - `endValue`: A bound the value stops at (floor if `decayRate < 1`, else ceiling). Default none.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.WarmupExponentialDecayScheduleConfig.is({ type: 'optax.warmup_exponential_decay_schedule', initValue: 0, peakValue: 0.1, warmupSteps: 100, transitionSteps: 1000, decayRate: 0.5 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const WarmupExponentialDecayScheduleConfig = schedulerConfig(
  'optax.warmup_exponential_decay_schedule',
  { initValue: Finite, peakValue: Finite, warmupSteps: Integer, transitionSteps: Integer, decayRate: NonNegative },
  { transitionBegin: Integer, staircase: Bool, endValue: Finite }
)

/**
 * The JSON config of `optax.warmup_exponential_decay_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.WarmupExponentialDecayScheduleConfig = { type: 'optax.warmup_exponential_decay_schedule', initValue: 0, peakValue: 0.1, warmupSteps: 100, transitionSteps: 1000, decayRate: 0.5 }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupExponentialDecayScheduleConfig = t.TypeOf<typeof WarmupExponentialDecayScheduleConfig>

/**
 * The arguments of `warmupExponentialDecaySchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.WarmupExponentialDecayScheduleOptions = { initValue: 0, peakValue: 0.1, warmupSteps: 100, transitionSteps: 1000, decayRate: 0.5, staircase: true }
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupExponentialDecayScheduleOptions = Omit<WarmupExponentialDecayScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `warmup_exponential_decay_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.warmupExponentialDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 2, transitionSteps: 1, decayRate: 0.5 }), [1], 4).lr // [[0], [0.5], [1], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const warmupExponentialDecaySchedule = (options: WarmupExponentialDecayScheduleOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const peakValue = finite('peakValue', options.peakValue)
  const warmupSteps = integer('warmupSteps', options.warmupSteps)
  const transitionSteps = integer('transitionSteps', options.transitionSteps)
  const decayRate = nonNegative('decayRate', options.decayRate)
  const transitionBegin = integer('transitionBegin', withDefault(options.transitionBegin, 0))
  const staircase = boolean('staircase', withDefault(options.staircase, false))
  const endValue = options.endValue === undefined ? undefined : finite('endValue', options.endValue)
  checkSpan('peakValue', initValue, peakValue, warmupSteps, ['initValue', 'peakValue'])
  return optaxLeaf(
    'optax.warmup_exponential_decay_schedule',
    {
      initValue,
      peakValue,
      warmupSteps,
      transitionSteps,
      decayRate,
      transitionBegin,
      staircase,
      ...(endValue === undefined ? {} : { endValue })
    },
    joinFn(
      [
        polynomialFn(initValue, peakValue, 1, warmupSteps, 0),
        exponentialFn(peakValue, transitionSteps, decayRate, transitionBegin, staircase, endValue)
      ],
      [warmupSteps]
    )
  )
}
