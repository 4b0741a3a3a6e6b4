/**
 * optax.exponential_decay: `initValue · decayRate^((t - transitionBegin) / transitionSteps)` from
 * `transitionBegin` on (`initValue` before), the exponent floored with `staircase`, and clipped at
 * `endValue` (a floor when `decayRate < 1`, a ceiling otherwise).
 *
 * As optax: `transitionSteps <= 0` or `decayRate` 0 give a constant schedule at `initValue` (and
 * `endValue` has no effect then), and a negative `transitionBegin` falls back to 0. A `decayRate`
 * above 1 grows without bound unless `endValue` caps it (it reaches `Infinity`, as in optax).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Bool, Finite, NonNegative, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { boolean, finite, nonNegative, withDefault } from '../../core/validate.js'
import { Integer, exponentialFn, integer, optaxLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `optax.exponential_decay` (optax's arguments in camelCase, optax's defaults).
 * Arguments:
 * - `initValue`: The value up to `transitionBegin`.
 * - `transitionSteps`: Steps per factor of `decayRate`: an integer; <= 0 holds `initValue` for ever (as optax).
 * - `decayRate`: The factor per `transitionSteps` steps: a finite number >= 0; 0 holds `initValue`
 *   for ever (as optax); a negative rate is rejected (optax gives NaN, or alternating signs with `staircase`).
 * - `transitionBegin`: Steps before the decay starts: an integer (negative counts as 0, as optax). Default 0.
 * - `staircase`: Decay in whole steps of `transitionSteps`. Default false.
 * - `endValue`: A bound the value stops at (floor if `decayRate < 1`, else ceiling). Default none.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * optax.ExponentialDecayConfig.is({ type: 'optax.exponential_decay', initValue: 0.1, transitionSteps: 1000, decayRate: 0.5, staircase: true }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ExponentialDecayConfig = schedulerConfig(
  'optax.exponential_decay',
  { initValue: Finite, transitionSteps: Integer, decayRate: NonNegative },
  { transitionBegin: Integer, staircase: Bool, endValue: Finite }
)

/**
 * The JSON config of `optax.exponential_decay`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const c: optax.ExponentialDecayConfig = { type: 'optax.exponential_decay', initValue: 0.1, transitionSteps: 1000, decayRate: 0.5 }
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialDecayConfig = t.TypeOf<typeof ExponentialDecayConfig>

/**
 * The arguments of `exponentialDecay`: its config without `type`.
 *
 * @example
 * import type { optax } from 'lr-schedule'
 * const o: optax.ExponentialDecayOptions = { initValue: 0.1, transitionSteps: 1000, decayRate: 0.5, endValue: 1e-4 }
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialDecayOptions = Omit<ExponentialDecayConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * optax's `exponential_decay`.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * trace(optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: 0.25, staircase: true }), [1], 4).lr // [[1], [1], [0.25], [0.25], [0.0625]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const exponentialDecay = (options: ExponentialDecayOptions): Scheduler<EpochState> => {
  const initValue = finite('initValue', options.initValue)
  const transitionSteps = integer('transitionSteps', options.transitionSteps)
  const decayRate = nonNegative('decayRate', options.decayRate)
  const transitionBegin = integer('transitionBegin', withDefault(options.transitionBegin, 0))
  const staircase = boolean('staircase', withDefault(options.staircase, false))
  const endValue = options.endValue === undefined ? undefined : finite('endValue', options.endValue)
  return optaxLeaf(
    'optax.exponential_decay',
    { initValue, transitionSteps, decayRate, transitionBegin, staircase, ...(endValue === undefined ? {} : { endValue }) },
    exponentialFn(initValue, transitionSteps, decayRate, transitionBegin, staircase, endValue)
  )
}
