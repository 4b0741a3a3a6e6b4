/**
 * `composer.ExponentialScheduler`: α(t) = gamma^(t / decayPeriod).
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `ExponentialScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { InRange } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { composer, divisor, factArgs, TimeString } from './internal.js'

const args = {
  gamma: required(InRange(0, 1), 'Factor per decay period: a number in [0, 1] (negative ones give Python complex powers, larger ones overflow).'),
  decayPeriod: withDefault(TimeString, 'The decay period: a time string, at least 1 batch once converted.', '1ep'),
  ...factArgs
}

/**
 * The definition of `composer.ExponentialScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ExponentialSchedulerDef = define({
  type: 'composer.ExponentialScheduler',
  summary: "Composer's exponential decay: gamma^(t / decayPeriod).",
  args,
  make: ({ gamma, decayPeriod, ...facts }) =>
    // ExponentialScheduler.__call__ (scheduler.py:380-384)
    composer(facts, (ctx, ssr) => {
      const period = divisor(ctx, 'decayPeriod', decayPeriod, ssr)
      return (t) => gamma ** (t / period)
    })
})

/**
 * The arguments of `composer.ExponentialScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type ExponentialSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's exponential decay: gamma^(t / decayPeriod).
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.exponentialScheduler({ gamma: 0.25, decayPeriod: '2ba', maxDuration: '4ba' }), [1], 4).lr // [[1], [1], [0.5], [0.25], [0.125]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const exponentialScheduler = ExponentialSchedulerDef.make
