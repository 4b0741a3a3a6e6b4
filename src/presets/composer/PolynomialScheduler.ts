/**
 * `composer.PolynomialScheduler`: α(t) = alphaF + (1 − alphaF) · (1 − min(1, t / tMax))^power.
 *
 * mosaicml/composer v0.32.1 (commit 4bfb5fc4), composer/optim/scheduler.py, `PolynomialScheduler`; the time
 * strings, the facts and the rows as internal.ts says (row 0 = λ(batch 0) at construction, row k = λ(k − 1)).
 *
 * @since 0.2.0
 */
import { Finite, NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { composer, divisor, factArgs, finite, pyMin, TimeString } from './internal.js'

const args = {
  power: required(NonNegative, 'The exponent: a number ≥ 0 (a negative one divides by zero at tMax).'),
  tMax: withDefault(TimeString, 'The decay length: a time string, at least 1 batch once converted.', '1dur'),
  alphaF: withDefault(Finite, 'The final multiplier: any finite number.', 0.0),
  ...factArgs
}

/**
 * The definition of `composer.PolynomialScheduler`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialSchedulerDef = define({
  type: 'composer.PolynomialScheduler',
  summary: "Composer's polynomial decay: alphaF + (1 − alphaF) · (1 − t/tMax)^power.",
  args,
  make: ({ power, tMax, alphaF, ...facts }) =>
    // PolynomialScheduler.__call__ (scheduler.py:516-524)
    composer(facts, (ctx, ssr) => {
      const end = divisor(ctx, 'tMax', tMax, ssr)
      const span = finite('alphaF', 1.0 - alphaF, alphaF)
      return (t) => alphaF + (1 - pyMin(1.0, t / end)) ** power * span
    })
})

/**
 * The arguments of `composer.PolynomialScheduler` (Composer's in camelCase, with its defaults, and the trainer's facts).
 *
 * @category model
 * @since 0.2.0
 */
export type PolynomialSchedulerOptions = OptionsOf<typeof args>

/**
 * Composer's polynomial decay: alphaF + (1 − alphaF) · (1 − t/tMax)^power.
 *
 * @example
 * import { composer, trace } from 'lr-schedule'
 * trace(composer.polynomialScheduler({ power: 2, maxDuration: '2ba' }), [1], 2).lr // [[1], [1], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const polynomialScheduler = PolynomialSchedulerDef.make
