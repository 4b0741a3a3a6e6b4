/**
 * optax.cosine_decay_schedule: from `initValue` down to `alpha · initValue` along half a cosine
 * (raised to `exponent`) over `decaySteps` steps, then held there (PyTorch's CosineAnnealingLR
 * rises again past its horizon; optax stays at the floor).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegative, PositiveInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { ScheduleError } from '../../core/errors.js'
import { finite, nonNegative, positiveInteger, withDefault } from '../../core/validate.js'
import { cosineDecayFn, optaxLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.cosine_decay_schedule` (optax's arguments in camelCase, optax's
 * defaults). Arguments:
 * - `initValue`: The value at step 0.
 * - `decaySteps`: The length of the decay: a positive integer (optax raises otherwise).
 * - `alpha`: The floor, as a fraction of `initValue`. Default 0.
 * - `exponent`: The power of the cosine factor: a finite number >= 0 (a negative one is infinite at the end). Default 1.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.CosineDecayScheduleConfig.is({ type: 'optax.cosine_decay_schedule', initValue: 0.1, decaySteps: 1000, alpha: 0.01 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineDecayScheduleConfig = schedulerConfig(
  'optax.cosine_decay_schedule',
  { initValue: Finite, decaySteps: PositiveInteger },
  { alpha: Finite, exponent: NonNegative }
)

/**
 * The JSON config of `optax.cosine_decay_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.CosineDecayScheduleConfig = { type: 'optax.cosine_decay_schedule', initValue: 0.1, decaySteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayScheduleConfig = t.TypeOf<typeof CosineDecayScheduleConfig>

/**
 * The arguments of `cosineDecaySchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.CosineDecayScheduleOptions = { initValue: 0.1, decaySteps: 1000, alpha: 0.01, exponent: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayScheduleOptions = Omit<CosineDecayScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const cosineDecaySchedule = (options: CosineDecayScheduleOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const decaySteps = positiveInteger('decaySteps', options.decaySteps)
  const alpha = finite('alpha', withDefault(options.alpha, 0.0))
  const exponent = nonNegative('exponent', withDefault(options.exponent, 1.0))
  // the floor initValue · alpha, and 1 - alpha, must be finite (optax would give Infinity or NaN)
  if (!Number.isFinite(initValue * alpha) || !Number.isFinite(1 - alpha))
    throw new ScheduleError('alpha', `a floor with initValue · alpha finite (initValue is ${initValue})`, alpha)
  return optaxLeaf(
    'optax.cosine_decay_schedule',
    { initValue, decaySteps, alpha, exponent },
    cosineDecayFn(initValue, decaySteps, alpha, exponent)
  )
}
