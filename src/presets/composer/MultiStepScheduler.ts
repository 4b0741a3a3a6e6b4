/**
 * `composer.MultiStepScheduler`: α(t) = gamma^(milestones reached by t).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `MultiStepScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { composer, convert, factArgs, finite, TimeStrings } from './internal.js'

const args = {
  milestones: required(TimeStrings, 'Times at which the lr is multiplied by gamma: a list of time strings.'),
  gamma: withDefault(Finite, 'Factor per milestone: any finite number (its power over the milestones must stay finite).', 0.1),
  ...factArgs
}

/**
 * The definition of `composer.MultiStepScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const MultiStepSchedulerDef = define({
  type: 'composer.MultiStepScheduler',
  summary: "Composer's decay by gamma at each milestone reached.",
  args,
  make: ({ milestones, gamma, ...facts }) =>
    // MultiStepScheduler.__call__ (scheduler.py:263-271)
    composer(facts, (ctx, ssr) => {
      const ms = milestones.map((m, i) => convert(ctx, `milestones[${i}]`, m, ssr))
      let f = 1.0
      for (const _ of ms) f = finite('gamma', f * gamma, gamma)
      return (t) => {
        let factor = 1.0
        for (const m of ms) if (t >= m) factor *= gamma
        return factor
      }
    })
})

/**
 * The arguments of `composer.MultiStepScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type MultiStepSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's decay by gamma at each milestone reached.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.multiStepScheduler({ milestones: ['2ba'], maxDuration: '4ba', gamma: 0.5 }), [1], 4).lr // [[1], [1], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const multiStepScheduler = MultiStepSchedulerDef.make
