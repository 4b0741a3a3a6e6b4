/**
 * keras.ExponentialDecay: `initialLearningRate · decayRate^(step / decaySteps)`, the exponent
 * floored with `staircase`. The value is absolute: every param group gets it.
 *
 * Follows Keras 3's `keras.optimizers.schedules.ExponentialDecay`
 * (keras/src/optimizers/schedules/learning_rate_schedule.py), in its operation order.
 *
 * @since 0.1.0
 */
import { Bool, Finite, NonNegative, Positive } from '../../core/codec.js'
import { type ArgsOf, type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { fromStep } from '../../internal/builders.js'

const args = {
  initialLearningRate: required(Finite, 'The value at step 0: a finite number.'),
  decaySteps: required(Positive, 'Steps per factor of `decayRate`, > 0 (Keras checks only that; non-integers work).'),
  decayRate: required(NonNegative, 'The factor per `decaySteps` steps, ≥ 0 (a negative rate gives NaN in Keras).'),
  staircase: withDefault(Bool, 'Floor `step / decaySteps` (decay in discrete intervals).', false)
}

/**
 * The definition of keras.ExponentialDecay (Keras's arguments in camelCase, Keras's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const ExponentialDecay = define({
  type: 'keras.ExponentialDecay',
  summary: "Keras's ExponentialDecay: `initialLearningRate · decayRate^(step / decaySteps)`.",
  args,
  make: (p) => fromStep({ lr: (e) => value(p, e) })
})

/**
 * keras.ExponentialDecay's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialDecayOptions = OptionsOf<typeof args>

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
export const exponentialDecay = ExponentialDecay.make

// Keras: p = step / decay_steps, floored with staircase; initial_learning_rate · decay_rate^p
const value = (p: ArgsOf<typeof args>, step: number): number => {
  const q = step / p.decaySteps
  return p.initialLearningRate * Math.pow(p.decayRate, p.staircase ? Math.floor(q) : q)
}
