/**
 * optax.exponential_decay: `initValue · decayRate^((t - transitionBegin) / transitionSteps)` from
 * `transitionBegin` on (`initValue` before), the exponent floored with `staircase`, and clipped at
 * `endValue` (a floor when `decayRate < 1`, a ceiling otherwise).
 *
 * Follows optax 0.2.8's `exponential_decay` (`optax/schedules/_schedule.py`). As optax:
 * `transitionSteps <= 0` or `decayRate` 0 give a constant schedule at `initValue` (and `endValue`
 * has no effect then), and a negative `transitionBegin` falls back to 0. A `decayRate` above 1 grows
 * without bound unless `endValue` caps it (it reaches `Infinity`, as in optax).
 *
 * @since 0.1.0
 */
import { Bool, Finite, NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { Integer, exponentialFn, fromOptax } from './internal.js'

const args = {
  initValue: required(Finite, 'The value up to `transitionBegin`.'),
  transitionSteps: required(Integer, 'Steps per factor of `decayRate`: an integer; <= 0 holds `initValue` for ever (as optax).'),
  decayRate: required(NonNegative, 'The factor per `transitionSteps` steps: a finite number >= 0; 0 holds `initValue` for ever (as optax).'),
  transitionBegin: withDefault(Integer, 'Steps before the decay starts: an integer (negative counts as 0, as optax).', 0),
  staircase: withDefault(Bool, 'Decay in whole steps of `transitionSteps`.', false),
  endValue: optional(Finite, 'A bound the value stops at (a floor if `decayRate < 1`, else a ceiling).')
}

/**
 * The definition of `optax.exponential_decay`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ExponentialDecay = define({
  type: 'optax.exponential_decay',
  summary: '`initValue · decayRate^((t - transitionBegin) / transitionSteps)`, optionally in whole steps and bounded by `endValue`.',
  args,
  make: (p) => fromOptax(exponentialFn(p.initValue, p.transitionSteps, p.decayRate, p.transitionBegin, p.staircase, p.endValue))
})

/**
 * The arguments of `exponentialDecay` (optax's, in camelCase, with optax's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type ExponentialDecayOptions = OptionsOf<typeof args>

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
export const exponentialDecay = ExponentialDecay.make
