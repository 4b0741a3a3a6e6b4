/**
 * `composer.CosineAnnealingScheduler`: α(t) = alphaF + (1 − alphaF) · (1 + cos(π · min(1, t / tMax))) / 2.
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `CosineAnnealingScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { composer, cosineAnneal, divisor, factArgs, finite, TimeString } from './internal.js'

const args = {
  tMax: withDefault(TimeString, 'The length of the cosine: a time string, at least 1 batch once converted.', '1dur'),
  alphaF: withDefault(Finite, 'The final multiplier: any finite number.', 0.0),
  ...factArgs
}

/**
 * The definition of `composer.CosineAnnealingScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineAnnealingSchedulerDef = define({
  type: 'composer.CosineAnnealingScheduler',
  summary: "Composer's half cosine from 1 to alphaF over tMax.",
  args,
  make: ({ tMax, alphaF, ...facts }) =>
    // CosineAnnealingScheduler.__call__ and _cosine_anneal (scheduler.py:387-394, 424-429)
    composer(facts, (ctx, ssr) => {
      const end = divisor(ctx, 'tMax', tMax, ssr)
      finite('alphaF', 1.0 - alphaF, alphaF)
      return (t) => cosineAnneal(t / end, alphaF)
    })
})

/**
 * The arguments of `composer.CosineAnnealingScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type CosineAnnealingSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's half cosine from 1 to alphaF over tMax.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.cosineAnnealingScheduler({ maxDuration: '2ba' }), [1], 2).lr // [[1], [1], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const cosineAnnealingScheduler = CosineAnnealingSchedulerDef.make
