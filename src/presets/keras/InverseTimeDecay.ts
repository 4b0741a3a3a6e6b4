/**
 * keras.InverseTimeDecay: `initialLearningRate / (1 + decayRate · step / decaySteps)`,
 * `step / decaySteps` floored with `staircase`. The value is absolute: every param group gets it.
 *
 * Follows Keras 3's `keras.optimizers.schedules.InverseTimeDecay`
 * (keras/src/optimizers/schedules/learning_rate_schedule.py), in its operation order.
 *
 * @since 0.1.0
 */
import { Bool, Finite, NonNegative, Positive } from '../../core/codec.js'
import { type ArgsOf, type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { fromStep } from '../../internal/builders.js'

const args = {
  initialLearningRate: required(Finite, 'The value at step 0: a finite number.'),
  decaySteps: required(Positive, 'The step unit of the decay, > 0 (Keras checks only that; non-integers work).'),
  decayRate: required(NonNegative, 'The rate of the decay, ≥ 0 (a negative rate divides by zero at some step).'),
  staircase: withDefault(Bool, 'Floor `step / decaySteps`.', false)
}

/**
 * The definition of keras.InverseTimeDecay (Keras's arguments in camelCase, Keras's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const InverseTimeDecay = define({
  type: 'keras.InverseTimeDecay',
  summary: "Keras's InverseTimeDecay: `initialLearningRate / (1 + decayRate · step / decaySteps)`.",
  args,
  make: (p) => fromStep({ lr: (e) => value(p, e) })
})

/**
 * keras.InverseTimeDecay's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type InverseTimeDecayOptions = OptionsOf<typeof args>

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
export const inverseTimeDecay = InverseTimeDecay.make

// Keras: p = step / decay_steps (floored with staircase); initial_learning_rate / (1 + decay_rate · p)
const value = (p: ArgsOf<typeof args>, step: number): number => {
  const q = step / p.decaySteps
  return p.initialLearningRate / (1 + p.decayRate * (p.staircase ? Math.floor(q) : q))
}
