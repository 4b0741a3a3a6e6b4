/**
 * keras.CosineDecay: Keras's `CosineDecay` — an optional linear warmup from `initialLearningRate` to
 * `warmupTarget` over `warmupSteps` steps, then a half cosine from the warmup target (or, without
 * one, from `initialLearningRate`) down to `alpha` times it over `decaySteps` further steps; past
 * `warmupSteps + decaySteps` it stays at that floor (PyTorch's CosineAnnealingLR rises again).
 * The decay length excludes the warmup. The value is absolute: every param group gets it.
 *
 * As in Keras, `warmupSteps` does nothing without `warmupTarget`, and with a `warmupTarget` but
 * `warmupSteps` 0 the cosine starts from `warmupTarget` at step 0.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegative, Positive, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { finite, nonNegative, positive, withDefault } from '../../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of keras.CosineDecay (Keras's arguments in camelCase, Keras's defaults).
 * Arguments:
 * - `initialLearningRate`: The value at step 0 (finite): the warmup's start, or the cosine's top without warmup.
 * - `decaySteps`: Steps of the cosine, > 0, after the warmup (Keras checks only that; non-integers work).
 * - `alpha`: The floor as a fraction of the cosine's top (finite). Default 0.
 * - `warmupTarget`: The value the warmup reaches, and the cosine's top (finite). Default: none (no warmup; Keras's `None`).
 * - `warmupSteps`: Steps of the linear warmup, >= 0 (used only with `warmupTarget`). Default 0.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * keras.CosineDecayConfig.is({ type: 'keras.CosineDecay', initialLearningRate: 0, decaySteps: 1000, warmupTarget: 0.1, warmupSteps: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineDecayConfig = schedulerConfig(
  'keras.CosineDecay',
  { initialLearningRate: Finite, decaySteps: Positive },
  { alpha: Finite, warmupTarget: Finite, warmupSteps: NonNegative }
)

/**
 * The JSON config of keras.CosineDecay.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const c: keras.CosineDecayConfig = { type: 'keras.CosineDecay', initialLearningRate: 0.1, decaySteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayConfig = t.TypeOf<typeof CosineDecayConfig>

/**
 * keras.CosineDecay's arguments: its config without `type`.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const o: keras.CosineDecayOptions = { initialLearningRate: 0, decaySteps: 1000, warmupTarget: 0.1, warmupSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayOptions = Omit<CosineDecayConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const cosineDecay = (options: CosineDecayOptions): Scheduler<EpochState> => {
  const initialLearningRate = finite('initialLearningRate', options.initialLearningRate)
  const decaySteps = positive('decaySteps', options.decaySteps)
  const alpha = finite('alpha', withDefault(options.alpha, 0.0))
  const warmupTarget = options.warmupTarget === undefined ? undefined : finite('warmupTarget', options.warmupTarget)
  const warmupSteps = nonNegative('warmupSteps', withDefault(options.warmupSteps, 0))

  // Keras's _decay_function and _warmup_function, in its operation order
  const decay = (step: number, from: number): number => {
    const completedFraction = step / decaySteps
    const cosineDecayed = 0.5 * (1.0 + Math.cos(Math.PI * completedFraction))
    const decayed = (1 - alpha) * cosineDecayed + alpha
    return from * decayed
  }
  const value =
    warmupTarget === undefined
      ? (e: number): number => decay(Math.min(e, decaySteps), initialLearningRate)
      : (e: number): number => {
          const step = Math.min(e, decaySteps + warmupSteps)
          return step < warmupSteps
            ? (warmupTarget - initialLearningRate) * (step / warmupSteps) + initialLearningRate
            : decay(step - warmupSteps, warmupTarget)
        }
  return leaf({
    name: 'keras.CosineDecay',
    config: { initialLearningRate, decaySteps, alpha, ...(warmupTarget === undefined ? {} : { warmupTarget }), warmupSteps },
    lr: (e) => value(e),
    closedForm: (e) => value(e)
  })
}
