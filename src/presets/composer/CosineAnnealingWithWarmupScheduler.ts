/**
 * `composer.CosineAnnealingWithWarmupScheduler`: t / tWarmup during the warmup, then alphaF + (1 − alphaF) · (1 + cos(π · τ)) / 2, τ = min(1, (t − tWarmup) / (tMax − tWarmup)).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `CosineAnnealingWithWarmupScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Bool, Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { TimeString, cosineAnneal, factArgs, finite, withWarmup } from './internal.js'

const args = {
  tWarmup: required(TimeString, 'The warmup: a time string (not scaled by the ratio unless scaleWarmup; dur times follow the scaled max duration).'),
  tMax: withDefault(TimeString, 'The end of the cosine (at least max_duration, as Composer checks): a time string.', '1dur'),
  alphaF: withDefault(Finite, 'The final multiplier: any finite number.', 0.0),
  scaleWarmup: withDefault(Bool, 'Whether the ratio also scales the warmup slope (Composer: scale_warmup).', false),
  ...factArgs
}

/**
 * The definition of `composer.CosineAnnealingWithWarmupScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineAnnealingWithWarmupSchedulerDef = define({
  type: 'composer.CosineAnnealingWithWarmupScheduler',
  summary: "Composer's linear warmup from 0, then a half cosine to alphaF at tMax.",
  args,
  make: ({ tWarmup, tMax, alphaF, scaleWarmup, ...facts }) =>
    // CosineAnnealingWithWarmupScheduler.__call__ (scheduler.py:849-875)
    withWarmup(facts, tWarmup, tMax, scaleWarmup, 1.0, (frac) => cosineAnneal(frac, alphaF), () => void finite('alphaF', 1.0 - alphaF, alphaF))
})

/**
 * The arguments of `composer.CosineAnnealingWithWarmupScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type CosineAnnealingWithWarmupSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's linear warmup from 0, then a half cosine to alphaF at tMax.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.cosineAnnealingWithWarmupScheduler({ tWarmup: '1ba', maxDuration: '3ba' }), [1], 3).lr // [[0], [0], [1], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const cosineAnnealingWithWarmupScheduler = CosineAnnealingWithWarmupSchedulerDef.make
