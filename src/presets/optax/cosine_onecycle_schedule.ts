/**
 * optax.cosine_onecycle_schedule: the 1cycle policy with cosine transitions, built as optax builds
 * it: `piecewise_interpolate_schedule('cosine', peakValue / divFactor, {int(pctStart · T): divFactor,
 * T: 1 / (divFactor · finalDivFactor)})`. The value rises from `peakValue / divFactor` to `peakValue`
 * at step `int(pctStart · T)`, falls to `peakValue / (divFactor · finalDivFactor)` at step `T`, and
 * is held there afterwards (PyTorch's OneCycleLR refuses to step past its total steps).
 *
 * As optax, the boundaries are the keys of a Python dict: when `int(pctStart · T)` equals `T`
 * (`pctStart` 1) the later key replaces the earlier one, and the peak is never reached.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, Positive, PositiveInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, positive, positiveInteger, withDefault } from '../../core/validate.js'
import { checkOnecycle, dictPairs, finiteProducts, optaxLeaf, piecewiseInterpolateFn, truncatedStep } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.cosine_onecycle_schedule` (optax's arguments in camelCase, optax's
 * defaults). Arguments:
 * - `transitionSteps`: The length of the cycle: a positive integer (optax raises otherwise).
 * - `peakValue`: The value at step `int(pctStart · transitionSteps)`.
 * - `pctStart`: The fraction of the cycle spent rising. Default 0.3.
 * - `divFactor`: The start value is `peakValue / divFactor`: a finite number > 0. Default 25.
 * - `finalDivFactor`: The end value is `peakValue / (divFactor · finalDivFactor)`: a finite number > 0. Default 1e4.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.CosineOnecycleScheduleConfig.is({ type: 'optax.cosine_onecycle_schedule', transitionSteps: 1000, peakValue: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineOnecycleScheduleConfig = schedulerConfig(
  'optax.cosine_onecycle_schedule',
  { transitionSteps: PositiveInteger, peakValue: Finite },
  { pctStart: Finite, divFactor: Positive, finalDivFactor: Positive }
)

/**
 * The JSON config of `optax.cosine_onecycle_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.CosineOnecycleScheduleConfig = { type: 'optax.cosine_onecycle_schedule', transitionSteps: 1000, peakValue: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineOnecycleScheduleConfig = t.TypeOf<typeof CosineOnecycleScheduleConfig>

/**
 * The arguments of `cosineOnecycleSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.CosineOnecycleScheduleOptions = { transitionSteps: 1000, peakValue: 0.1, pctStart: 0.25 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineOnecycleScheduleOptions = Omit<CosineOnecycleScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `cosine_onecycle_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.cosineOnecycleSchedule({ transitionSteps: 4, peakValue: 2, pctStart: 0.5, divFactor: 2, finalDivFactor: 1 }), [1], 5).lr // [[1], [1.5], [2], [1.5], [1], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineOnecycleSchedule = (options: CosineOnecycleScheduleOptions): Scheduler<EpochState> => {
  const transitionSteps = positiveInteger('transitionSteps', options.transitionSteps)
  const peakValue = finite('peakValue', options.peakValue)
  const pctStart = finite('pctStart', withDefault(options.pctStart, 0.3))
  const divFactor = positive('divFactor', withDefault(options.divFactor, 25.0))
  const finalDivFactor = positive('finalDivFactor', withDefault(options.finalDivFactor, 1e4))
  checkOnecycle(peakValue, divFactor, finalDivFactor, [divFactor, 1.0 / (divFactor * finalDivFactor)])
  const init = peakValue / divFactor
  const pairs = dictPairs([
    [truncatedStep('pctStart', pctStart, transitionSteps), divFactor],
    [transitionSteps, 1.0 / (divFactor * finalDivFactor)]
  ])
  finiteProducts('peakValue', init, pairs)
  return optaxLeaf(
    'optax.cosine_onecycle_schedule',
    { transitionSteps, peakValue, pctStart, divFactor, finalDivFactor },
    piecewiseInterpolateFn('cosine', init, pairs)
  )
}
