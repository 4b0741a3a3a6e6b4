/**
 * `composer.MultiStepWithWarmupScheduler`: t / tWarmup for t < tWarmup, then gamma^(milestones reached).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `MultiStepWithWarmupScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Bool, Finite } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { TimeString, TimeStrings, composer, convert, factArgs, finite, warmup } from './internal.js'

const args = {
  tWarmup: required(TimeString, 'The warmup: a time string (not scaled by the ratio unless scaleWarmup; dur times follow the scaled max duration).'),
  milestones: required(TimeStrings, 'Times at which the lr is multiplied by gamma: a list of time strings.'),
  gamma: withDefault(Finite, 'Factor per milestone: any finite number (its power over the milestones must stay finite).', 0.1),
  scaleWarmup: withDefault(Bool, 'Whether the ratio also scales the warmup slope (Composer: scale_warmup).', false),
  ...factArgs
}

/**
 * The definition of `composer.MultiStepWithWarmupScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const MultiStepWithWarmupSchedulerDef = define({
  type: 'composer.MultiStepWithWarmupScheduler',
  summary: "Composer's linear warmup from 0, then decay by gamma at each milestone.",
  args,
  make: ({ tWarmup, milestones, gamma, scaleWarmup, ...facts }) =>
    // MultiStepWithWarmupScheduler.__call__ (scheduler.py:640-658)
    composer(facts, (ctx, ssr) => {
      const w = warmup(ctx, tWarmup, ssr, scaleWarmup, 1.0)
      const ms = milestones.map((m, i) => convert(ctx, `milestones[${i}]`, m, ssr))
      let f = 1.0
      for (const _ of ms) f = finite('gamma', f * gamma, gamma)
      return (t) => {
        if (t < w.tw) return w.at(t)
        let factor = 1.0
        for (const m of ms) if (t >= m) factor *= gamma
        return factor
      }
    })
})

/**
 * The arguments of `composer.MultiStepWithWarmupScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type MultiStepWithWarmupSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's linear warmup from 0, then decay by gamma at each milestone.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.multiStepWithWarmupScheduler({ tWarmup: '2ba', milestones: ['3ba'], gamma: 0.5, maxDuration: '5ba' }), [1], 5).lr // [[0], [0], [0.5], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const multiStepWithWarmupScheduler = MultiStepWithWarmupSchedulerDef.make
