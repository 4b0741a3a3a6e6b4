/**
 * `composer.StepScheduler`: α(t) = gamma^⌊t / stepSize⌋ (t in batches, `stepSize` converted with the ratio).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `StepScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { InRange } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { composer, divisor, factArgs, TimeString } from './internal.js'

const args = {
  stepSize: required(TimeString, 'Time between decays: a time string (e.g. "10ba", "1ep", "0.1dur").'),
  gamma: withDefault(InRange(-1, 1), 'Factor per step: a number in [-1, 1] (larger ones overflow Python floats as t grows).', 0.1),
  ...factArgs
}

/**
 * The definition of `composer.StepScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const StepSchedulerDef = define({
  type: 'composer.StepScheduler',
  summary: "Composer's step decay: gamma^⌊t / stepSize⌋.",
  args,
  make: ({ stepSize, gamma, ...facts }) =>
    // StepScheduler.__call__ (scheduler.py:231-236)
    composer(facts, (ctx, ssr) => {
      const step = divisor(ctx, 'stepSize', stepSize, ssr)
      return (t) => gamma ** Math.trunc(t / step)
    })
})

/**
 * The arguments of `composer.StepScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type StepSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's step decay: gamma^⌊t / stepSize⌋.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.stepScheduler({ stepSize: '2ba', maxDuration: '4ba', gamma: 0.5 }), [1], 4).lr // [[1], [1], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const stepScheduler = StepSchedulerDef.make
