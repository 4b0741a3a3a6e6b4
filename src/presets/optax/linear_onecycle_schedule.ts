/**
 * optax.linear_onecycle_schedule: the 1cycle policy with three linear phases, built as optax builds
 * it: `piecewise_interpolate_schedule('linear', peakValue / divFactor, {int(pctStart · T): divFactor,
 * int(pctFinal · T): 1 / divFactor, T: 1 / finalDivFactor})`. The value rises from
 * `peakValue / divFactor` to `peakValue` at step `int(pctStart · T)`, falls back to
 * `peakValue / divFactor` at step `int(pctFinal · T)`, then to `peakValue / divFactor / finalDivFactor`
 * at step `T`, and is held there afterwards (PyTorch's OneCycleLR refuses to step past its total
 * steps).
 *
 * As optax, the boundaries are the keys of a Python dict: equal keys (`int(pctStart · T)` =
 * `int(pctFinal · T)`, or `int(pctFinal · T)` = `T`) keep the later scale only.
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
 * The JSON config of `optax.linear_onecycle_schedule` (optax's arguments in camelCase, optax's
 * defaults). Arguments:
 * - `transitionSteps`: The length of the cycle: a positive integer (optax raises otherwise).
 * - `peakValue`: The value at step `int(pctStart · transitionSteps)`.
 * - `pctStart`: The fraction of the cycle spent rising. Default 0.3.
 * - `pctFinal`: The fraction of the cycle at whose end the value is back at the start value. Default 0.85.
 * - `divFactor`: The start value is `peakValue / divFactor`: a finite number > 0. Default 25.
 * - `finalDivFactor`: The end value is the start value `/ finalDivFactor`: a finite number > 0. Default 1e4.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.LinearOnecycleScheduleConfig.is({ type: 'optax.linear_onecycle_schedule', transitionSteps: 1000, peakValue: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const LinearOnecycleScheduleConfig = schedulerConfig(
  'optax.linear_onecycle_schedule',
  { transitionSteps: PositiveInteger, peakValue: Finite },
  { pctStart: Finite, pctFinal: Finite, divFactor: Positive, finalDivFactor: Positive }
)

/**
 * The JSON config of `optax.linear_onecycle_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.LinearOnecycleScheduleConfig = { type: 'optax.linear_onecycle_schedule', transitionSteps: 1000, peakValue: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearOnecycleScheduleConfig = t.TypeOf<typeof LinearOnecycleScheduleConfig>

/**
 * The arguments of `linearOnecycleSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.LinearOnecycleScheduleOptions = { transitionSteps: 1000, peakValue: 0.1, pctStart: 0.25, pctFinal: 0.9 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearOnecycleScheduleOptions = Omit<LinearOnecycleScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `linear_onecycle_schedule`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.linearOnecycleSchedule({ transitionSteps: 8, peakValue: 4, pctStart: 0.25, pctFinal: 0.5, divFactor: 4, finalDivFactor: 2 }), [1], 9).lr
 * // [[1], [2.5], [4], [2.5], [1], [0.875], [0.75], [0.625], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const linearOnecycleSchedule = (options: LinearOnecycleScheduleOptions): Scheduler<EpochState> => {
  const transitionSteps = positiveInteger('transitionSteps', options.transitionSteps)
  const peakValue = finite('peakValue', options.peakValue)
  const pctStart = finite('pctStart', withDefault(options.pctStart, 0.3))
  const pctFinal = finite('pctFinal', withDefault(options.pctFinal, 0.85))
  const divFactor = positive('divFactor', withDefault(options.divFactor, 25.0))
  const finalDivFactor = positive('finalDivFactor', withDefault(options.finalDivFactor, 1e4))
  checkOnecycle(peakValue, divFactor, finalDivFactor, [divFactor, 1.0 / divFactor, 1.0 / finalDivFactor])
  const init = peakValue / divFactor
  const pairs = dictPairs([
    [truncatedStep('pctStart', pctStart, transitionSteps), divFactor],
    [truncatedStep('pctFinal', pctFinal, transitionSteps), 1.0 / divFactor],
    [transitionSteps, 1.0 / finalDivFactor]
  ])
  finiteProducts('peakValue', init, pairs)
  return optaxLeaf(
    'optax.linear_onecycle_schedule',
    { transitionSteps, peakValue, pctStart, pctFinal, divFactor, finalDivFactor },
    piecewiseInterpolateFn('linear', init, pairs)
  )
}
