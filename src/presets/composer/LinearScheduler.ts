/**
 * `composer.LinearScheduler`: α(t) = alphaI + min(1, t / tMax) · (alphaF − alphaI) (Composer's defaults: 1 down to 0 over the run).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `LinearScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { composer, divisor, factArgs, finite, pyMin, TimeString } from './internal.js'

const args = {
  alphaI: withDefault(Finite, 'The multiplier at t = 0: any finite number.', 1.0),
  alphaF: withDefault(Finite, 'The multiplier from tMax on: any finite number.', 0.0),
  tMax: withDefault(TimeString, 'The ramp length: a time string, at least 1 batch once converted.', '1dur'),
  ...factArgs
}

/**
 * The definition of `composer.LinearScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const LinearSchedulerDef = define({
  type: 'composer.LinearScheduler',
  summary: "Composer's linear ramp of the multiplier from alphaI to alphaF over tMax.",
  args,
  make: ({ alphaI, alphaF, tMax, ...facts }) =>
    // LinearScheduler.__call__ (scheduler.py:343-350)
    composer(facts, (ctx, ssr) => {
      const end = divisor(ctx, 'tMax', tMax, ssr)
      const d = finite('alphaF', alphaF - alphaI, alphaF)
      return (t) => alphaI + pyMin(1.0, t / end) * d
    })
})

/**
 * The arguments of `composer.LinearScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type LinearSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's linear ramp of the multiplier from alphaI to alphaF over tMax.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.linearScheduler({ maxDuration: '4ba' }), [1], 4).lr // [[1], [1], [0.75], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const linearScheduler = LinearSchedulerDef.make
