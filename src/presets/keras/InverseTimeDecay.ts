/**
 * keras.InverseTimeDecay: Keras's `InverseTimeDecay` — `initialLearningRate / (1 + decayRate · step / decaySteps)`,
 * `step / decaySteps` floored with `staircase`. The value is absolute: every param group gets it.
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
 * The JSON config of keras.InverseTimeDecay (Keras's arguments in camelCase, Keras's defaults).
 * Arguments:
 * - `initialLearningRate`: The value at step 0 (finite).
 * - `decaySteps`: The step unit, > 0 (Keras checks only that; non-integers work).
 * - `decayRate`: The rate, >= 0 (a negative rate divides by zero at some step).
 * - `staircase`: Floor `step / decaySteps`. Default false.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * keras.InverseTimeDecayConfig.is({ type: 'keras.InverseTimeDecay', initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const InverseTimeDecayConfig = schedulerConfig(
  'keras.InverseTimeDecay',
  { initialLearningRate: Finite, decaySteps: Positive, decayRate: NonNegative },
  { staircase: Bool }
)

/**
 * The JSON config of keras.InverseTimeDecay.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const c: keras.InverseTimeDecayConfig = { type: 'keras.InverseTimeDecay', initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 }
 *
 * @category model
 * @since 0.1.0
 */
export type InverseTimeDecayConfig = t.TypeOf<typeof InverseTimeDecayConfig>

/**
 * keras.InverseTimeDecay's arguments: its config without `type`.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const o: keras.InverseTimeDecayOptions = { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true }
 *
 * @category model
 * @since 0.1.0
 */
export type InverseTimeDecayOptions = Omit<InverseTimeDecayConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Keras's InverseTimeDecay: `initialLearningRate / (1 + decayRate · step / decaySteps)` at every step.
 *
 * @example
 * import { keras, trace } from 'lr-schedule'
 * trace(keras.inverseTimeDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 1 }), [0.1], 3).lr // [[1], [0.5], [0.3333333333333333], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const inverseTimeDecay = (options: InverseTimeDecayOptions): Scheduler<EpochState> => {
  const initialLearningRate = finite('initialLearningRate', options.initialLearningRate)
  const decaySteps = positive('decaySteps', options.decaySteps)
  const decayRate = nonNegative('decayRate', options.decayRate)
  const staircase = boolean('staircase', withDefault(options.staircase, false))
  // Keras's operation order: p = step / decay_steps (floored with staircase); lr / (1 + rate · p)
  const value = (step: number): number => {
    const p = step / decaySteps
    return initialLearningRate / (1 + decayRate * (staircase ? Math.floor(p) : p))
  }
  return leaf({
    name: 'keras.InverseTimeDecay',
    config: { initialLearningRate, decaySteps, decayRate, staircase },
    lr: (e) => value(e),
    closedForm: (e) => value(e)
  })
}
