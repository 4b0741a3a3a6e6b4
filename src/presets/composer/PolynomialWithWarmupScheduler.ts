/**
 * `composer.PolynomialWithWarmupScheduler`: t / tWarmup during the warmup, then alphaF + (1 − alphaF) · (1 − τ)^power, τ = min(1, (t − tWarmup) / (tMax − tWarmup)).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `PolynomialWithWarmupScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Bool, Finite, NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { TimeString, factArgs, finite, withWarmup } from './internal.js'

const args = {
  tWarmup: required(TimeString, 'The warmup: a time string (not scaled by the ratio unless scaleWarmup; dur times follow the scaled max duration).'),
  power: withDefault(NonNegative, 'The exponent: a number ≥ 0 (a negative one divides by zero at tMax).', 2.0),
  tMax: withDefault(TimeString, 'The end of the decay (at least max_duration, as Composer checks): a time string.', '1dur'),
  alphaF: withDefault(Finite, 'The final multiplier: any finite number.', 0.0),
  scaleWarmup: withDefault(Bool, 'Whether the ratio also scales the warmup slope (Composer: scale_warmup).', false),
  ...factArgs
}

/**
 * The definition of `composer.PolynomialWithWarmupScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialWithWarmupSchedulerDef = define({
  type: 'composer.PolynomialWithWarmupScheduler',
  summary: "Composer's linear warmup from 0, then a polynomial decay to alphaF at tMax.",
  args,
  make: ({ tWarmup, power, tMax, alphaF, scaleWarmup, ...facts }) =>
    // PolynomialWithWarmupScheduler.__call__ (scheduler.py:925-952)
    withWarmup(facts, tWarmup, tMax, scaleWarmup, 1.0, (frac) => alphaF + (1 - frac) ** power * (1.0 - alphaF), () => void finite('alphaF', 1.0 - alphaF, alphaF))
})

/**
 * The arguments of `composer.PolynomialWithWarmupScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type PolynomialWithWarmupSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's linear warmup from 0, then a polynomial decay to alphaF at tMax.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.polynomialWithWarmupScheduler({ tWarmup: '1ba', maxDuration: '3ba' }), [1], 3).lr // [[0], [0], [1], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const polynomialWithWarmupScheduler = PolynomialWithWarmupSchedulerDef.make
