/**
 * optax.warmup_cosine_decay_schedule: a linear warmup from `initValue` to `peakValue` over
 * `warmupSteps` steps, then a cosine decay to `endValue` reached at step `decaySteps` (the decay
 * length includes the warmup), held afterwards.
 *
 * Follows optax 0.2.8's `warmup_cosine_decay_schedule` (`optax/schedules/_schedule.py`), composed
 * as optax composes it: `join_schedules([linear_schedule, cosine_decay_schedule], [warmup_steps])`
 * (`warmupCosineFn` in internal.ts). As optax: the decay runs from `peakValue` to
 * `peakValue · (endValue / peakValue)` (0 when `peakValue` is 0), so the floor is `endValue` up to
 * rounding; with `warmupSteps` 0 the decay starts at step 0 (from `peakValue`).
 *
 * @since 0.1.0
 */
import { Finite, NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { Integer, fromOptax, warmupCosineFn } from './internal.js'

const args = {
  initValue: required(Finite, 'The value at step 0.'),
  peakValue: required(Finite, 'The value at the end of the warmup.'),
  warmupSteps: required(Integer, 'The length of the warmup: an integer (<= 0: no warmup, as optax).'),
  decaySteps: required(Integer, 'The whole length, warmup included: an integer > `warmupSteps` (optax raises otherwise).'),
  endValue: withDefault(Finite, 'The value from `decaySteps` on.', 0.0),
  exponent: withDefault(NonNegative, 'The power of the cosine factor: a finite number >= 0.', 1.0)
}

/**
 * The definition of `optax.warmup_cosine_decay_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupCosineDecaySchedule = define({
  type: 'optax.warmup_cosine_decay_schedule',
  summary: 'A linear warmup to `peakValue`, then a cosine decay to `endValue` at step `decaySteps` (warmup included).',
  args,
  make: (p) => fromOptax(warmupCosineFn('', p))
})

/**
 * The arguments of `warmupCosineDecaySchedule` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupCosineDecayScheduleOptions = OptionsOf<typeof args>

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
export const warmupCosineDecaySchedule = WarmupCosineDecaySchedule.make
