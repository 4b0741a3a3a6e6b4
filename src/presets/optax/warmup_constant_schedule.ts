/**
 * optax.warmup_constant_schedule: a linear warmup from `initValue` to `peakValue` over
 * `warmupSteps` steps, then `peakValue` for ever.
 *
 * Follows optax 0.2.8's `warmup_constant_schedule` (`optax/schedules/_schedule.py`), which is its
 * `linear_schedule(init_value, peak_value, warmup_steps)`. As optax: `warmupSteps <= 0` gives a
 * constant schedule at `initValue` (not `peakValue`): optax's linear schedule with no transition
 * holds its initial value.
 *
 * @since 0.1.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { Integer, checkSpan, fromOptax, linearFn } from './internal.js'

const args = {
  initValue: required(Finite, 'The value at step 0.'),
  peakValue: required(Finite, 'The value from `warmupSteps` on.'),
  warmupSteps: required(Integer, 'The length of the warmup: an integer; <= 0 holds `initValue` for ever (as optax).')
}

/**
 * The definition of `optax.warmup_constant_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupConstantSchedule = define({
  type: 'optax.warmup_constant_schedule',
  summary: 'A linear warmup from `initValue` to `peakValue` over `warmupSteps` steps, then `peakValue`.',
  args,
  make: (p) => {
    checkSpan('peakValue', p.initValue, p.peakValue, p.warmupSteps, ['initValue', 'peakValue'])
    return fromOptax(linearFn(p.initValue, p.peakValue, p.warmupSteps, 0))
  }
})

/**
 * The arguments of `warmupConstantSchedule` (optax's, in camelCase).
 *
 * @category model
 * @since 0.1.0
 */
export type WarmupConstantScheduleOptions = OptionsOf<typeof args>

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
export const warmupConstantSchedule = WarmupConstantSchedule.make
