/**
 * keras.CosineDecay: an optional linear warmup from `initialLearningRate` to `warmupTarget` over
 * `warmupSteps` steps, then a half cosine from the warmup target (or, without one, from
 * `initialLearningRate`) down to `alpha` times it over `decaySteps` further steps; past
 * `warmupSteps + decaySteps` it stays at that floor (PyTorch's CosineAnnealingLR rises again). The
 * decay length excludes the warmup. The value is absolute: every param group gets it.
 *
 * Follows Keras 3's `keras.optimizers.schedules.CosineDecay`
 * (keras/src/optimizers/schedules/learning_rate_schedule.py): its `_warmup_function` and
 * `_decay_function`, in their operation order. As in Keras, `warmupSteps` does nothing without
 * `warmupTarget`, and with a `warmupTarget` but `warmupSteps` 0 the cosine starts from
 * `warmupTarget` at step 0.
 *
 * @since 0.1.0
 */
import { Finite, NonNegative, Positive } from '../../core/codec.js'
import { type ArgsOf, type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { fromStep } from '../../internal/builders.js'

const args = {
  initialLearningRate: required(Finite, "The value at step 0: the warmup's start, or the cosine's top without warmup."),
  decaySteps: required(Positive, 'Steps of the cosine, after the warmup: > 0 (Keras checks only that; non-integers work).'),
  alpha: withDefault(Finite, "The floor as a fraction of the cosine's top.", 0.0),
  warmupTarget: optional(Finite, "The value the warmup reaches, and the cosine's top (none: no warmup, Keras's `None`)."),
  warmupSteps: withDefault(NonNegative, 'Steps of the linear warmup, ≥ 0 (used only with `warmupTarget`).', 0)
}

/**
 * The definition of keras.CosineDecay (Keras's arguments in camelCase, Keras's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineDecay = define({
  type: 'keras.CosineDecay',
  summary: "Keras's CosineDecay: optional linear warmup, then a half cosine to `alpha` times its top, then flat.",
  args,
  make: (p) => fromStep({ lr: (e) => value(p, e) })
})

/**
 * keras.CosineDecay's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayOptions = OptionsOf<typeof args>

/**
 * Keras's CosineDecay: optional linear warmup, then a half cosine to `alpha` times its top, then flat.
 *
 * @example
 * import { keras, trace } from 'lr-schedule'
 * trace(keras.cosineDecay({ initialLearningRate: 0, decaySteps: 2, warmupTarget: 1, warmupSteps: 2 }), [0.1], 5).lr // [[0], [0.5], [1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineDecay = CosineDecay.make

type Plan = ArgsOf<typeof args>

// Keras's __call__: without a warmup target, the cosine from initial_learning_rate; with one, the
// warmup then the cosine from the target
const value = (p: Plan, e: number): number => {
  if (p.warmupTarget === undefined) return decay(p, Math.min(e, p.decaySteps), p.initialLearningRate)
  const step = Math.min(e, p.decaySteps + p.warmupSteps)
  return step < p.warmupSteps ? warmup(p, p.warmupTarget, step) : decay(p, step - p.warmupSteps, p.warmupTarget)
}

// Keras's _warmup_function
const warmup = (p: Plan, target: number, step: number): number =>
  (target - p.initialLearningRate) * (step / p.warmupSteps) + p.initialLearningRate

// Keras's _decay_function
const decay = (p: Plan, step: number, from: number): number => {
  const completedFraction = step / p.decaySteps
  const cosineDecayed = 0.5 * (1.0 + Math.cos(Math.PI * completedFraction))
  const decayed = (1 - p.alpha) * cosineDecayed + p.alpha
  return from * decayed
}
