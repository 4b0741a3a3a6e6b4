/**
 * `composer.LinearWithWarmupScheduler`: alphaI · t / tWarmup during the warmup, then alphaI + min(1, (t − tWarmup) / (tMax − tWarmup)) · (alphaF − alphaI).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `LinearWithWarmupScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Bool, Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { TimeString, factArgs, finite, withWarmup } from './internal.js'

const args = {
  tWarmup: required(TimeString, 'The warmup: a time string (not scaled by the ratio unless scaleWarmup; dur times follow the scaled max duration).'),
  alphaI: withDefault(Finite, 'The multiplier at the end of the warmup: any finite number.', 1.0),
  alphaF: withDefault(Finite, 'The multiplier at tMax: any finite number.', 0.0),
  tMax: withDefault(TimeString, 'The end of the decay (at least max_duration, as Composer checks): a time string.', '1dur'),
  scaleWarmup: withDefault(Bool, 'Whether the ratio also scales the warmup slope (Composer: scale_warmup).', false),
  ...factArgs
}

/**
 * The definition of `composer.LinearWithWarmupScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const LinearWithWarmupSchedulerDef = define({
  type: 'composer.LinearWithWarmupScheduler',
  summary: "Composer's linear warmup from 0 to alphaI, then linear to alphaF at tMax.",
  args,
  make: ({ tWarmup, alphaI, alphaF, tMax, scaleWarmup, ...facts }) =>
    // LinearWithWarmupScheduler.__call__ (scheduler.py:768-794)
    withWarmup(facts, tWarmup, tMax, scaleWarmup, alphaI, (frac) => alphaI + frac * (alphaF - alphaI), () => void finite('alphaF', alphaF - alphaI, alphaF))
})

/**
 * The arguments of `composer.LinearWithWarmupScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type LinearWithWarmupSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's linear warmup from 0 to alphaI, then linear to alphaF at tMax.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.linearWithWarmupScheduler({ tWarmup: '2ba', maxDuration: '4ba' }), [1], 4).lr // [[0], [0], [0.5], [1], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const linearWithWarmupScheduler = LinearWithWarmupSchedulerDef.make
