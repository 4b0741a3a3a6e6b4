/**
 * `composer.ConstantScheduler`: α(t) = alpha for t < tMax, then 1 (Composer's default: alpha 1 for the whole run).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `ConstantScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Finite } from '../../core/codec.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { composer, convert, factArgs, TimeString } from './internal.js'

const args = {
  alpha: withDefault(Finite, 'The multiplier while active: any finite number.', 1.0),
  tMax: withDefault(TimeString, 'How long alpha holds: a time string.', '1dur'),
  ...factArgs
}

/**
 * The definition of `composer.ConstantScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ConstantSchedulerDef = define({
  type: 'composer.ConstantScheduler',
  summary: "Composer's constant multiplier alpha until tMax, then 1.",
  args,
  make: ({ alpha, tMax, ...facts }) =>
    // ConstantScheduler.__call__ (scheduler.py:299-305)
    composer(facts, (ctx, ssr) => {
      const end = convert(ctx, 'tMax', tMax, ssr)
      return (t) => (t < end ? alpha : 1.0)
    })
})

/**
 * The arguments of `composer.ConstantScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type ConstantSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's constant multiplier alpha until tMax, then 1.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.constantScheduler({ alpha: 0.5, tMax: '2ba', maxDuration: '4ba' }), [1], 4).lr // [[0.5], [0.5], [0.5], [1], [1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const constantScheduler = ConstantSchedulerDef.make
