/**
 * optax.cosine_onecycle_schedule: the 1cycle policy with cosine transitions. The value rises from
 * `peakValue / divFactor` to `peakValue` at step `int(pctStart · T)`, falls to
 * `peakValue / (divFactor · finalDivFactor)` at step `T`, and is held there afterwards (PyTorch's
 * OneCycleLR refuses to step past its total steps).
 *
 * Follows optax 0.2.8's `cosine_onecycle_schedule` (`optax/schedules/_schedule.py`), composed as
 * optax composes it: `piecewise_interpolate_schedule('cosine', peakValue / divFactor,
 * {int(pctStart · T): divFactor, T: 1 / (divFactor · finalDivFactor)})`. As optax, the boundaries
 * are the keys of a Python dict: when `int(pctStart · T)` equals `T` (`pctStart` 1) the later key
 * replaces the earlier one, and the peak is never reached.
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
  divFactor: withDefault(Positive, 'The start value is `peakValue / divFactor`: a finite number > 0.', 25.0),
  finalDivFactor: withDefault(Positive, 'The end value is `peakValue / (divFactor · finalDivFactor)`: a finite number > 0.', 1e4)
}

/**
 * The definition of `optax.cosine_onecycle_schedule`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineOnecycleSchedule = define({
  type: 'optax.cosine_onecycle_schedule',
  summary: 'The 1cycle policy with cosine transitions: up to `peakValue`, then down to its end value at `transitionSteps`.',
  args,
  make: (p) => {
    const { transitionSteps: T, peakValue, divFactor, finalDivFactor } = p
    checkOnecycle(peakValue, divFactor, finalDivFactor, [divFactor, 1.0 / (divFactor * finalDivFactor)])
    const init = peakValue / divFactor
    const pairs = dictPairs([
      [truncatedStep('pctStart', p.pctStart, T), divFactor],
      [T, 1.0 / (divFactor * finalDivFactor)]
    ])
    finiteProducts('peakValue', init, pairs)
    return fromOptax(piecewiseInterpolateFn('cosine', init, pairs))
  }
})

/**
 * The arguments of `cosineOnecycleSchedule` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineOnecycleScheduleOptions = OptionsOf<typeof args>

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
export const cosineOnecycleSchedule = CosineOnecycleSchedule.make
