/**
 * optax.linear_onecycle_schedule: the 1cycle policy with three linear phases. The value rises from
 * `peakValue / divFactor` to `peakValue` at step `int(pctStart · T)`, falls back to
 * `peakValue / divFactor` at step `int(pctFinal · T)`, then to `peakValue / divFactor / finalDivFactor`
 * at step `T`, and is held there afterwards (PyTorch's OneCycleLR refuses to step past its total
 * steps).
 *
 * Follows optax 0.2.8's `linear_onecycle_schedule` (`optax/schedules/_schedule.py`), composed as
 * optax composes it: `piecewise_interpolate_schedule('linear', peakValue / divFactor,
 * {int(pctStart · T): divFactor, int(pctFinal · T): 1 / divFactor, T: 1 / finalDivFactor})`. As
 * optax, the boundaries are the keys of a Python dict: equal keys (`int(pctStart · T)` =
 * `int(pctFinal · T)`, or `int(pctFinal · T)` = `T`) keep the later scale only.
 *
 * @since 0.1.0
 */
import { Finite, Positive, PositiveInteger } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { checkOnecycle, dictPairs, finiteProducts, fromOptax, piecewiseInterpolateFn, truncatedStep } from './internal.js'

const args = {
  transitionSteps: required(PositiveInteger, 'The length of the cycle: a positive integer (optax raises otherwise).'),
  peakValue: required(Finite, 'The value at step `int(pctStart · transitionSteps)`.'),
  pctStart: withDefault(Finite, 'The fraction of the cycle spent rising.', 0.3),
  pctFinal: withDefault(Finite, 'The fraction of the cycle at whose end the value is back at the start value.', 0.85),
  divFactor: withDefault(Positive, 'The start value is `peakValue / divFactor`: a finite number > 0.', 25.0),
  finalDivFactor: withDefault(Positive, 'The end value is the start value `/ finalDivFactor`: a finite number > 0.', 1e4)
}

/**
 * The definition of `optax.linear_onecycle_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const LinearOnecycleSchedule = define({
  type: 'optax.linear_onecycle_schedule',
  summary: 'The 1cycle policy with three linear phases: up to `peakValue`, back to the start value, then down to the end value.',
  args,
  make: (p) => {
    const { transitionSteps: T, peakValue, divFactor, finalDivFactor } = p
    checkOnecycle(peakValue, divFactor, finalDivFactor, [divFactor, 1.0 / divFactor, 1.0 / finalDivFactor])
    const init = peakValue / divFactor
    const pairs = dictPairs([
      [truncatedStep('pctStart', p.pctStart, T), divFactor],
      [truncatedStep('pctFinal', p.pctFinal, T), 1.0 / divFactor],
      [T, 1.0 / finalDivFactor]
    ])
    finiteProducts('peakValue', init, pairs)
    return fromOptax(piecewiseInterpolateFn('linear', init, pairs))
  }
})

/**
 * The arguments of `linearOnecycleSchedule` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type LinearOnecycleScheduleOptions = OptionsOf<typeof args>

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
export const linearOnecycleSchedule = LinearOnecycleSchedule.make
