/**
 * optax.linear_schedule: from `initValue` to `endValue` in a straight line over `transitionSteps`
 * steps, starting at `transitionBegin`; the end value is held afterwards (optax's
 * `polynomial_schedule` with power 1).
 *
 * As optax: `transitionSteps <= 0` gives a constant schedule at `initValue`, and a negative
 * `transitionBegin` falls back to 0.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, withDefault } from '../../core/validate.js'
import { Integer, checkSpan, integer, optaxLeaf, polynomialFn } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.linear_schedule` (optax's arguments in camelCase, optax's defaults).
 * Arguments:
 * - `initValue`: The value before and at the start of the transition.
 * - `endValue`: The value at and after the end of the transition.
 * - `transitionSteps`: The length of the transition: an integer; <= 0 holds `initValue` for ever (as optax).
 * - `transitionBegin`: Steps before the transition starts: an integer (negative counts as 0, as optax). Default 0.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.LinearScheduleConfig.is({ type: 'optax.linear_schedule', initValue: 1, endValue: 0.01, transitionSteps: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const LinearScheduleConfig = schedulerConfig(
  'optax.linear_schedule',
  { initValue: Finite, endValue: Finite, transitionSteps: Integer },
  { transitionBegin: Integer }
)

/**
 * The JSON config of `optax.linear_schedule`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.LinearScheduleConfig = { type: 'optax.linear_schedule', initValue: 1, endValue: 0.01, transitionSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearScheduleConfig = t.TypeOf<typeof LinearScheduleConfig>

/**
 * The arguments of `linearSchedule`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.LinearScheduleOptions = { initValue: 0, endValue: 0.1, transitionSteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearScheduleOptions = Omit<LinearScheduleConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `linear_schedule`: `(init - end) · (1 - k / transitionSteps) + end` with
 * `k = clip(t - transitionBegin, 0, transitionSteps)`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.linearSchedule({ initValue: 1, endValue: 0, transitionSteps: 4, transitionBegin: 1 }), [1], 6).lr // [[1], [1], [0.75], [0.5], [0.25], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const linearSchedule = (options: LinearScheduleOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const endValue = finite('endValue', options.endValue)
  const transitionSteps = integer('transitionSteps', options.transitionSteps)
  const transitionBegin = integer('transitionBegin', withDefault(options.transitionBegin, 0))
  checkSpan('endValue', initValue, endValue, transitionSteps, ['initValue', 'endValue'])
  return optaxLeaf(
    'optax.linear_schedule',
    { initValue, endValue, transitionSteps, transitionBegin },
    // optax passes power=1 (a Python int: jax's integer_pow, x ** 1 = x)
    polynomialFn(initValue, endValue, 1, transitionSteps, transitionBegin)
  )
}
