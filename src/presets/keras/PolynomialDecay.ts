/**
 * keras.PolynomialDecay: from `initialLearningRate` to `endLearningRate` along
 * `(1 - step / decaySteps)^power` in `decaySteps` steps. Past `decaySteps` it stays at
 * `endLearningRate`; with `cycle` the horizon grows to the first multiple of `decaySteps` that is
 * >= the step (so an exact multiple gives `endLearningRate`, the next step jumps back up), and step
 * 0 uses one `decaySteps` (the value is `initialLearningRate`). The value is absolute: every param
 * group gets it.
 *
 * Follows Keras 3's `keras.optimizers.schedules.PolynomialDecay`
 * (keras/src/optimizers/schedules/learning_rate_schedule.py), in its operation order.
 *
 * @since 0.1.0
 */
import { Bool, Finite, NonNegative, Positive } from '../../core/codec.js'
import { type ArgsOf, type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { fromStep } from '../../internal/builders.js'

const args = {
  initialLearningRate: required(Finite, 'The value at step 0: a finite number.'),
  decaySteps: required(Positive, 'Steps to reach `endLearningRate`, > 0 (Keras checks only that; non-integers work).'),
  endLearningRate: withDefault(Finite, 'The value from `decaySteps` on: a finite number (above the initial value, the curve rises).', 0.0001),
  power: withDefault(NonNegative, 'The power of the polynomial, ≥ 0 (a negative power gives Infinity at the horizon).', 1.0),
  cycle: withDefault(Bool, 'Start again after each multiple of `decaySteps` (the horizon grows to the next multiple).', false)
}

/**
 * The definition of keras.PolynomialDecay (Keras's arguments in camelCase, Keras's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialDecay = define({
  type: 'keras.PolynomialDecay',
  summary: "Keras's PolynomialDecay: `(initial - end) · (1 - step / decaySteps)^power + end`, optionally cycling.",
  args,
  make: (p) => fromStep({ lr: (e) => value(p, e) })
})

/**
 * keras.PolynomialDecay's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialDecayOptions = OptionsOf<typeof args>

/**
 * Keras's PolynomialDecay: `(initial - end) · (1 - step / decaySteps)^power + end`, optionally cycling.
 *
 * @example
 * import { keras, trace } from 'lr-schedule'
 * trace(keras.polynomialDecay({ initialLearningRate: 1, decaySteps: 2, endLearningRate: 0 }), [0.1], 3).lr // [[1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const polynomialDecay = PolynomialDecay.make

// Keras's _decay_function, in its operation order
const value = (p: ArgsOf<typeof args>, e: number): number => {
  let step = e
  let horizon = p.decaySteps
  if (p.cycle) horizon = horizon * (step === 0 ? 1.0 : Math.ceil(step / p.decaySteps))
  else step = Math.min(step, horizon)
  const q = step / horizon
  return (p.initialLearningRate - p.endLearningRate) * Math.pow(1 - q, p.power) + p.endLearningRate
}
