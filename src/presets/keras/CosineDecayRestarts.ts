/**
 * keras.CosineDecayRestarts: Keras's `CosineDecayRestarts` (SGDR) — a half cosine from
 * `initialLearningRate` to `alpha · initialLearningRate` over `firstDecaySteps` steps, then a warm
 * restart: period i lasts `firstDecaySteps · tMul^i` steps and starts at `mMul^i` times the initial
 * value (the floor stays `alpha · initialLearningRate`). The value is absolute: every param group
 * gets it.
 *
 * Keras finds the period of a step with a float logarithm, `floor(log(1 - f · (1 - tMul)) / log(tMul))`
 * for `f = step / firstDecaySteps`, which can land just below the integer at an exact restart
 * (`log(243) / log(3)` is 4.999999999999999), putting that step at the end of the previous period
 * (the floor) instead of the start of the next. This schedule does the same, with the logarithm
 * rounded as Keras's (V8's `Math.log` can be one unit off, which would move such a step).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, Positive, argument, schedulerConfig } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { log } from '../../internal/log.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { finite, positive, withDefault } from '../../core/validate.js'

/** A finite number >= 1: with tMul < 1 the periods shrink towards a finite horizon, past which Keras computes NaN. */
const atLeastOne = (path: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 1) throw new ScheduleError(path, 'a finite number >= 1', v)
  return v
}

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of keras.CosineDecayRestarts (Keras's arguments in camelCase, Keras's defaults).
 * Arguments:
 * - `initialLearningRate`: The value at step 0 (finite).
 * - `firstDecaySteps`: Length of the first period, > 0 (Keras checks only that; non-integers work).
 * - `tMul`: Each period is `tMul` times longer than the one before, >= 1 (below 1 the periods
 *   shrink to a finite horizon, past which Keras gives NaN). Default 2.
 * - `mMul`: Each restart starts at `mMul` times the previous start (finite). Default 1.
 * - `alpha`: The floor as a fraction of `initialLearningRate` (finite). Default 0.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * keras.CosineDecayRestartsConfig.is({ type: 'keras.CosineDecayRestarts', initialLearningRate: 0.1, firstDecaySteps: 1000 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineDecayRestartsConfig = schedulerConfig(
  'keras.CosineDecayRestarts',
  { initialLearningRate: Finite, firstDecaySteps: Positive },
  { tMul: argument('AtLeastOne', atLeastOne), mMul: Finite, alpha: Finite }
)

/**
 * The JSON config of keras.CosineDecayRestarts.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const c: keras.CosineDecayRestartsConfig = { type: 'keras.CosineDecayRestarts', initialLearningRate: 0.1, firstDecaySteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayRestartsConfig = t.TypeOf<typeof CosineDecayRestartsConfig>

/**
 * keras.CosineDecayRestarts's arguments: its config without `type`.
 *
 * @example
 * import type { keras } from 'lr-schedule'
 * const o: keras.CosineDecayRestartsOptions = { initialLearningRate: 0.1, firstDecaySteps: 1000, tMul: 1, mMul: 0.9 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineDecayRestartsOptions = Omit<CosineDecayRestartsConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const cosineDecayRestarts = (options: CosineDecayRestartsOptions): Scheduler<EpochState> => {
  const initialLearningRate = finite('initialLearningRate', options.initialLearningRate)
  const firstDecaySteps = positive('firstDecaySteps', options.firstDecaySteps)
  const tMul = atLeastOne('tMul', withDefault(options.tMul, 2.0))
  const mMul = finite('mMul', withDefault(options.mMul, 1.0))
  const alpha = finite('alpha', withDefault(options.alpha, 0.0))

  // Keras's sum_r: where period i starts, in units of firstDecaySteps
  const start = (i: number): number => (1.0 - Math.pow(tMul, i)) / (1.0 - tMul)
  // Keras's operation order throughout
  const value = (e: number): number => {
    let completedFraction = e / firstDecaySteps
    let i: number
    if (tMul === 1.0) {
      i = Math.floor(completedFraction)
      completedFraction -= i
    } else {
      // the logarithm rounded as glibc's (V8's Math.log can be one unit off, which moves an exact
      // restart step to the other period)
      i = Math.floor(log(1.0 - completedFraction * (1.0 - tMul)) / log(tMul))
      completedFraction = (completedFraction - start(i)) / Math.pow(tMul, i)
    }
    const mFac = Math.pow(mMul, i)
    const cosineDecayed = 0.5 * mFac * (1.0 + Math.cos(Math.PI * completedFraction))
    const decayed = (1 - alpha) * cosineDecayed + alpha
    return initialLearningRate * decayed
  }
  return leaf({
    name: 'keras.CosineDecayRestarts',
    config: { initialLearningRate, firstDecaySteps, tMul, mMul, alpha },
    lr: (e) => value(e),
    closedForm: (e) => value(e)
  })
}
