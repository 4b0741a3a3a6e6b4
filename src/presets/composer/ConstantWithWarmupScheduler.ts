/**
 * `composer.ConstantWithWarmupScheduler`: t / tWarmup · alpha during the warmup, then alpha (also past tMax: it is a LinearWithWarmupScheduler from alpha to alpha).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `ConstantWithWarmupScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Bool, Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { TimeString, factArgs, withWarmup } from './internal.js'

const args = {
  tWarmup: required(TimeString, 'The warmup: a time string (not scaled by the ratio unless scaleWarmup; dur times follow the scaled max duration).'),
  alpha: withDefault(Finite, 'The multiplier after the warmup: any finite number.', 1.0),
  tMax: withDefault(TimeString, 'The duration (Composer checks it is at least max_duration): a time string.', '1dur'),
  scaleWarmup: withDefault(Bool, 'Whether the ratio also scales the warmup slope (Composer: scale_warmup).', false),
  ...factArgs
}

/**
 * The definition of `composer.ConstantWithWarmupScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ConstantWithWarmupSchedulerDef = define({
  type: 'composer.ConstantWithWarmupScheduler',
  summary: "Composer's linear warmup from 0 to alpha, then alpha.",
  args,
  make: ({ tWarmup, alpha, tMax, scaleWarmup, ...facts }) =>
    // ConstantWithWarmupScheduler is LinearWithWarmupScheduler(alpha_i=alpha, alpha_f=alpha) (scheduler.py:700-712)
    withWarmup(facts, tWarmup, tMax, scaleWarmup, alpha, (frac) => alpha + frac * (alpha - alpha))
})

/**
 * The arguments of `composer.ConstantWithWarmupScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type ConstantWithWarmupSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's linear warmup from 0 to alpha, then alpha.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.constantWithWarmupScheduler({ tWarmup: '2ba', maxDuration: '4ba' }), [1], 4).lr // [[0], [0], [0.5], [1], [1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const constantWithWarmupScheduler = ConstantWithWarmupSchedulerDef.make
