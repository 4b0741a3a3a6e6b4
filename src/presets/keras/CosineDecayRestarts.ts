/**
 * keras.CosineDecayRestarts (SGDR): a half cosine from `initialLearningRate` to
 * `alpha · initialLearningRate` over `firstDecaySteps` steps, then a warm restart: period i lasts
 * `firstDecaySteps · tMul^i` steps and starts at `mMul^i` times the initial value (the floor stays
 * `alpha · initialLearningRate`). The value is absolute: every param group gets it.
 *
 * Follows Keras 3's `keras.optimizers.schedules.CosineDecayRestarts`
 * (keras/src/optimizers/schedules/learning_rate_schedule.py), in its operation order. Keras finds
 * the period of a step with a float logarithm, `floor(log(1 - f · (1 - tMul)) / log(tMul))` for
 * `f = step / firstDecaySteps`, which can land just below the integer at an exact restart
 * (`log(243) / log(3)` is 4.999999999999999), putting that step at the end of the previous period
 * (the floor) instead of the start of the next. This schedule does the same, with the logarithm
 * rounded as Keras's (V8's `Math.log` can be one unit off, which would move such a step).
 *
 * @since 0.1.0
 */
import { Finite, Positive, argument } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type ArgsOf, type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { fromStep } from '../../internal/builders.js'
import { log } from '../../internal/log.js'

/** A finite number >= 1: with tMul < 1 the periods shrink towards a finite horizon, past which Keras computes NaN. */
const AtLeastOne = argument('AtLeastOne', (path, v) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 1) throw new ScheduleError(path, 'a finite number >= 1', v)
  return v
})

const args = {
  initialLearningRate: required(Finite, 'The value at step 0: a finite number.'),
  firstDecaySteps: required(Positive, 'Length of the first period, > 0 (Keras checks only that; non-integers work).'),
  tMul: withDefault(AtLeastOne, 'Each period is `tMul` times longer than the one before: ≥ 1 (below 1, Keras gives NaN past a horizon).', 2.0),
  mMul: withDefault(Finite, 'Each restart starts at `mMul` times the previous start.', 1.0),
  alpha: withDefault(Finite, 'The floor as a fraction of `initialLearningRate`.', 0.0)
}

/**
 * The definition of keras.CosineDecayRestarts (Keras's arguments in camelCase, Keras's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineDecayRestarts = define({
  type: 'keras.CosineDecayRestarts',
  summary: "Keras's CosineDecayRestarts: cosine periods growing by `tMul`, restarting at `mMul` times the previous start.",
  args,
  make: (p) => fromStep({ lr: (e) => value(p, e) })
})

/**
 * keras.CosineDecayRestarts's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayRestartsOptions = OptionsOf<typeof args>

/**
 * Keras's CosineDecayRestarts: cosine periods growing by `tMul`, restarting at `mMul` times the previous start.
 *
 * @example
 * import { keras, trace } from 'lr-schedule'
 * trace(keras.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 2, tMul: 1, mMul: 0.5 }), [0.1], 4).lr // [[1], [0.5], [0.5], [0.25], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineDecayRestarts = CosineDecayRestarts.make

type Plan = ArgsOf<typeof args>

// Keras's __call__, in its operation order
const value = (p: Plan, e: number): number => {
  const { tMul } = p
  let completedFraction = e / p.firstDecaySteps
  let i: number
  if (tMul === 1.0) {
    i = Math.floor(completedFraction)
    completedFraction -= i
  } else {
    // the logarithm rounded as glibc's (V8's Math.log can be one unit off, which moves an exact
    // restart step to the other period)
    i = Math.floor(log(1.0 - completedFraction * (1.0 - tMul)) / log(tMul))
    completedFraction = (completedFraction - start(tMul, i)) / Math.pow(tMul, i)
  }
  const mFac = Math.pow(p.mMul, i)
  const cosineDecayed = 0.5 * mFac * (1.0 + Math.cos(Math.PI * completedFraction))
  const decayed = (1 - p.alpha) * cosineDecayed + p.alpha
  return p.initialLearningRate * decayed
}

// Keras's `sum_r`: where period i starts, in units of firstDecaySteps
const start = (tMul: number, i: number): number => (1.0 - Math.pow(tMul, i)) / (1.0 - tMul)
