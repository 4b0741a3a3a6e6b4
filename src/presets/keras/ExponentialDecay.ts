/**
 * keras.ExponentialDecay: Keras's `ExponentialDecay` — `initialLearningRate · decayRate^(step / decaySteps)`,
 * the exponent floored with `staircase`. The value is absolute: every param group gets it.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Bool, Finite, NonNegative, Positive, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { boolean, finite, nonNegative, positive, withDefault } from '../../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of keras.ExponentialDecay (Keras's arguments in camelCase, Keras's defaults).
 * Arguments:
 * - `initialLearningRate`: The value at step 0 (finite).
 * - `decaySteps`: Steps per factor of `decayRate`, > 0 (Keras checks only that; non-integers work).
 * - `decayRate`: The factor per `decaySteps` steps, >= 0 (a negative rate gives NaN in Keras).
 * - `staircase`: Floor `step / decaySteps` (decay in discrete intervals). Default false.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * keras.ExponentialDecayConfig.is({ type: 'keras.ExponentialDecay', initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.96 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ExponentialDecayConfig = schedulerConfig(
  'keras.ExponentialDecay',
  { initialLearningRate: Finite, decaySteps: Positive, decayRate: NonNegative },
  { staircase: Bool }
)

/**
 * The JSON config of keras.ExponentialDecay.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const c: keras.ExponentialDecayConfig = { type: 'keras.ExponentialDecay', initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.96 }
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialDecayConfig = t.TypeOf<typeof ExponentialDecayConfig>

/**
 * keras.ExponentialDecay's arguments: its config without `type`.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const o: keras.ExponentialDecayOptions = { initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.96, staircase: true }
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialDecayOptions = Omit<ExponentialDecayConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Keras's ExponentialDecay: `initialLearningRate · decayRate^(step / decaySteps)` at every step.
 *
 * @example
 * import { keras, trace } from 'lr-schedule'
 * trace(keras.exponentialDecay({ initialLearningRate: 1, decaySteps: 2, decayRate: 0.5, staircase: true }), [0.1], 4).lr // [[1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const exponentialDecay = (options: ExponentialDecayOptions): Scheduler<EpochState> => {
  const initialLearningRate = finite('initialLearningRate', options.initialLearningRate)
  const decaySteps = positive('decaySteps', options.decaySteps)
  const decayRate = nonNegative('decayRate', options.decayRate)
  const staircase = boolean('staircase', withDefault(options.staircase, false))
  // Keras's operation order: p = step / decay_steps, floored with staircase; lr · rate^p
  const value = (step: number): number => {
    const p = step / decaySteps
    return initialLearningRate * Math.pow(decayRate, staircase ? Math.floor(p) : p)
  }
  return leaf({
    name: 'keras.ExponentialDecay',
    config: { initialLearningRate, decaySteps, decayRate, staircase },
    lr: (e) => value(e),
    closedForm: (e) => value(e)
  })
}
