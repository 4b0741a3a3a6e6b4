/**
 * optax.cosine_decay_schedule: from `initValue` down to `alpha · initValue` along half a cosine
 * (raised to `exponent`) over `decaySteps` steps, then held there (PyTorch's CosineAnnealingLR
 * rises again past its horizon; optax stays at the floor).
 *
 * Follows optax 0.2.8's `cosine_decay_schedule` (`optax/schedules/_schedule.py`).
 *
 * @since 0.1.0
 */
import { Finite, NonNegative, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { cosineDecayFn, fromOptax } from './internal.js'

const args = {
  initValue: required(Finite, 'The value at step 0.'),
  decaySteps: required(PositiveInteger, 'The length of the decay: a positive integer (optax raises otherwise).'),
  alpha: withDefault(Finite, 'The floor, as a fraction of `initValue`.', 0.0),
  exponent: withDefault(NonNegative, 'The power of the cosine factor: a finite number >= 0 (a negative one is infinite at the end).', 1.0)
}

/**
 * The definition of `optax.cosine_decay_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineDecaySchedule = define({
  type: 'optax.cosine_decay_schedule',
  summary: 'Half a cosine from `initValue` down to `alpha · initValue` over `decaySteps` steps, held there afterwards.',
  args,
  make: (p) => {
    // the floor initValue · alpha must be finite (optax would give Infinity or NaN)
    if (!Number.isFinite(p.initValue * p.alpha))
      throw new ScheduleError('alpha', `a floor with initValue · alpha finite (initValue is ${p.initValue})`, p.alpha)
    return fromOptax(cosineDecayFn(p.initValue, p.decaySteps, p.alpha, p.exponent))
  }
})

/**
 * The arguments of `cosineDecaySchedule` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayScheduleOptions = OptionsOf<typeof args>

/**
 * optax's `cosine_decay_schedule`: `initValue · ((1 - alpha) · (½ (1 + cos(π k / decaySteps)))^exponent + alpha)`
 * with `k = min(t, decaySteps)`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.cosineDecaySchedule({ initValue: 1, decaySteps: 2 }), [1], 3).lr // [[1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineDecaySchedule = CosineDecaySchedule.make
