/**
 * optax.warmup_exponential_decay_schedule: a linear warmup from `initValue` to `peakValue` over
 * `warmupSteps` steps, then optax's `exponential_decay` from `peakValue`, counting steps from the
 * end of the warmup (`transitionBegin` is counted from there too).
 *
 * Follows optax 0.2.8's `warmup_exponential_decay_schedule` (`optax/schedules/_schedule.py`),
 * composed as optax composes it: `join_schedules([linear_schedule, exponential_decay],
 * [warmup_steps])`.
 *
 * @since 0.1.0
 */
import { Bool, Finite, NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { Integer, checkSpan, exponentialFn, fromOptax, joinFn, linearFn } from './internal.js'

const args = {
  initValue: required(Finite, 'The value at step 0.'),
  peakValue: required(Finite, 'The value at the end of the warmup, where the decay starts.'),
  warmupSteps: required(Integer, 'The length of the warmup: an integer (<= 0: no warmup, as optax).'),
  transitionSteps: required(Integer, 'Steps per factor of `decayRate`: an integer; <= 0 holds `peakValue` after the warmup (as optax).'),
  decayRate: required(NonNegative, 'The factor per `transitionSteps` steps: a finite number >= 0 (0 holds `peakValue`, as optax).'),
  transitionBegin: withDefault(Integer, 'Steps after the warmup before the decay starts: an integer (negative counts as 0).', 0),
  staircase: withDefault(Bool, 'Decay in whole steps of `transitionSteps`.', false),
  endValue: optional(Finite, 'A bound the value stops at (a floor if `decayRate < 1`, else a ceiling).')
}

/**
 * The definition of `optax.warmup_exponential_decay_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupExponentialDecaySchedule = define({
  type: 'optax.warmup_exponential_decay_schedule',
  summary: 'A linear warmup to `peakValue`, then an exponential decay from there.',
  args,
  make: (p) => {
    checkSpan('peakValue', p.initValue, p.peakValue, p.warmupSteps, ['initValue', 'peakValue'])
    const warmup = linearFn(p.initValue, p.peakValue, p.warmupSteps, 0)
    const decay = exponentialFn(p.peakValue, p.transitionSteps, p.decayRate, p.transitionBegin, p.staircase, p.endValue)
    return fromOptax(joinFn([warmup, decay], [p.warmupSteps]))
  }
})

/**
 * The arguments of `warmupExponentialDecaySchedule` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupExponentialDecayScheduleOptions = OptionsOf<typeof args>

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
export const warmupExponentialDecaySchedule = WarmupExponentialDecaySchedule.make
