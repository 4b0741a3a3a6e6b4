/**
 * keras.PolynomialDecay: Keras's `PolynomialDecay` — from `initialLearningRate` to
 * `endLearningRate` along `(1 - step / decaySteps)^power` in `decaySteps` steps. Past `decaySteps`
 * it stays at `endLearningRate`; with `cycle` the horizon grows to the first multiple of
 * `decaySteps` that is >= the step (so an exact multiple gives `endLearningRate`, the next step jumps
 * back up), and step 0 uses one `decaySteps` (the value is `initialLearningRate`). The value is
 * absolute: every param group gets it.
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
 * The JSON config of keras.PolynomialDecay (Keras's arguments in camelCase, Keras's defaults).
 * Arguments:
 * - `initialLearningRate`: The value at step 0 (finite).
 * - `decaySteps`: Steps to reach `endLearningRate`, > 0 (Keras checks only that; non-integers work).
 * - `endLearningRate`: The value from `decaySteps` on (finite). Default 0.0001.
 * - `power`: The power of the polynomial, >= 0 (a negative power gives Infinity at the horizon). Default 1.
 * - `cycle`: Start again after each multiple of `decaySteps`. Default false.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * keras.PolynomialDecayConfig.is({ type: 'keras.PolynomialDecay', initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01, power: 0.5 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PolynomialDecayConfig = schedulerConfig(
  'keras.PolynomialDecay',
  { initialLearningRate: Finite, decaySteps: Positive },
  { endLearningRate: Finite, power: NonNegative, cycle: Bool }
)

/**
 * The JSON config of keras.PolynomialDecay.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const c: keras.PolynomialDecayConfig = { type: 'keras.PolynomialDecay', initialLearningRate: 0.1, decaySteps: 10000 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialDecayConfig = t.TypeOf<typeof PolynomialDecayConfig>

/**
 * keras.PolynomialDecay's arguments: its config without `type`.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const o: keras.PolynomialDecayOptions = { initialLearningRate: 0.1, decaySteps: 10000, cycle: true }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialDecayOptions = Omit<PolynomialDecayConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const polynomialDecay = (options: PolynomialDecayOptions): Scheduler<EpochState> => {
  const initialLearningRate = finite('initialLearningRate', options.initialLearningRate)
  const decaySteps = positive('decaySteps', options.decaySteps)
  const endLearningRate = finite('endLearningRate', withDefault(options.endLearningRate, 0.0001))
  const power = nonNegative('power', withDefault(options.power, 1.0))
  const cycle = boolean('cycle', withDefault(options.cycle, false))
  // Keras's operation order
  const value = (e: number): number => {
    let step = e
    let horizon = decaySteps
    if (cycle) horizon = horizon * (step === 0 ? 1.0 : Math.ceil(step / decaySteps))
    else step = Math.min(step, horizon)
    const p = step / horizon
    return (initialLearningRate - endLearningRate) * Math.pow(1 - p, power) + endLearningRate
  }
  return leaf({
    name: 'keras.PolynomialDecay',
    config: { initialLearningRate, decaySteps, endLearningRate, power, cycle },
    lr: (e) => value(e),
    closedForm: (e) => value(e)
  })
}
