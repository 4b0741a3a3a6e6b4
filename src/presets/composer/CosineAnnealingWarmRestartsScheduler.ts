/**
 * `composer.CosineAnnealingWarmRestartsScheduler`: a cosine from 1 to alphaF over each cycle, the first t0 long, each next one ⌊tMult · previous⌋.
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `CosineAnnealingWarmRestartsScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Finite, InRange } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { composer, cosineAnneal, divisor, factArgs, finite, TimeString } from './internal.js'

const args = {
  t0: required(TimeString, 'The first cycle: a time string, at least 1 batch once converted.'),
  tMult: withDefault(InRange(1, Infinity), 'Growth of each cycle: a number ≥ 1 (below 1 the cycles truncate to 0 and Composer raises).', 1.0),
  alphaF: withDefault(Finite, 'The multiplier at the end of each cycle: any finite number.', 0.0),
  ...factArgs
}

/**
 * The definition of `composer.CosineAnnealingWarmRestartsScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineAnnealingWarmRestartsSchedulerDef = define({
  type: 'composer.CosineAnnealingWarmRestartsScheduler',
  summary: "Composer's cosine restarted every cycle, cycles growing by tMult.",
  args,
  make: ({ t0, tMult, alphaF, ...facts }) =>
    // CosineAnnealingWarmRestartsScheduler.__call__ (scheduler.py:467-486)
    composer(facts, (ctx, ssr) => {
      const first = divisor(ctx, 't0', t0, ssr)
      finite('alphaF', 1.0 - alphaF, alphaF)
      return (t) => {
        let len = first
        let end = first
        while (end <= t) {
          len = Math.trunc(tMult * len)
          end += len
        }
        return cosineAnneal((t - (end - len)) / len, alphaF)
      }
    })
})

/**
 * The arguments of `composer.CosineAnnealingWarmRestartsScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type CosineAnnealingWarmRestartsSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's cosine restarted every cycle, cycles growing by tMult.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.cosineAnnealingWarmRestartsScheduler({ t0: '2ba', maxDuration: '4ba' }), [1], 4).lr // [[1], [1], [0.5], [1], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const cosineAnnealingWarmRestartsScheduler = CosineAnnealingWarmRestartsSchedulerDef.make
