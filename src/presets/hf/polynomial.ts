/**
 * `hf.polynomial`: transformers' `get_polynomial_decay_schedule_with_warmup`
 * (src/transformers/optimization.py) — a linear warmup from 0 to 1 over `numWarmupSteps`, then a
 * polynomial decay of the lr from `lrInit` to `lrEnd` at `numTrainingSteps`, and `lrEnd / lrInit`
 * (as a multiplier) after it.
 *
 * transformers' `lr_init` is the optimizer's default lr (`optimizer.defaults["lr"]`), one number for
 * every group: the multiplier is `((lrInit - lrEnd) · remaining^power + lrEnd) / lrInit` and each group
 * gets its own initial lr times it. So only a group whose initial lr is `lrInit` ends at `lrEnd`;
 * another group ends at `its lr · lrEnd / lrInit`. `lrInit` defaults to the first group's initial lr
 * (see the family's docs); give it to match an optimizer whose default lr is none of the groups'.
 *
 * @since 0.1.0
 */
import { Finite, NonNegative, NonNegativeInteger, Positive } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type ArgsOf, type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { type Multiplier, fromDefaultLr, fromLambda, linearWarmup } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the linear warmup from 0: an integer ≥ 0.'),
  numTrainingSteps: required(NonNegativeInteger, 'The step at which the lr reaches `lrEnd`, warmup included (not `numWarmupSteps`).'),
  lrEnd: withDefault(Finite, 'The lr at the end of the decay, < `lrInit`.', 1e-7),
  power: withDefault(NonNegative, 'The power of the decay, ≥ 0.', 1.0),
  lrInit: optional(Positive, "transformers' `lr_init`, the optimizer's default lr, > 0 (default: the first group's initial lr); not a transformers argument.")
}

/**
 * The definition of `hf.polynomial`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Polynomial = define({
  type: 'hf.polynomial',
  summary: "transformers' polynomial decay to `lrEnd` after a linear warmup from 0.",
  args,
  make: (p) => {
    if (p.numTrainingSteps === p.numWarmupSteps)
      throw new ScheduleError(
        'numTrainingSteps',
        `an integer >= 0 other than numWarmupSteps = ${p.numWarmupSteps} (transformers divides by numTrainingSteps - numWarmupSteps at step ${p.numWarmupSteps})`,
        p.numTrainingSteps
      )
    if (p.lrInit !== undefined) return fromLambda(multiplier(p, p.lrInit, 'lrInit'))
    return fromDefaultLr((first, type) => {
      // torch's optimizers reject a negative lr, and lr_init = 0 divides by zero
      if (!(first > 0))
        throw new ScheduleError('groups[0].lr', `an initial lr > 0 (${type} divides by the first group's initial lr, transformers' lr_init; or give lrInit)`, first)
      return multiplier(p, first, "the first group's initial lr")
    })
  }
})

/**
 * The arguments of `hf.polynomial` (transformers' in camelCase, with its defaults; `lrInit` is this library's).
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialOptions = OptionsOf<typeof args>

/**
 * transformers' polynomial decay to `lrEnd` after a linear warmup from 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.polynomial({ numWarmupSteps: 0, numTrainingSteps: 2, lrEnd: 0.5 }), [1], 3).lr // [[1], [0.75], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const polynomial = Polynomial.make

// _get_polynomial_decay_schedule_with_warmup_lr_lambda for `lr_init = init`, with transformers' check
// of lr_init (`source` says where init came from)
const multiplier = (p: ArgsOf<typeof args>, init: number, source: string): Multiplier => {
  const { numWarmupSteps, numTrainingSteps, lrEnd, power } = p
  if (!(init > lrEnd)) throw new ScheduleError('lrEnd', `a number < lr_init = ${init} (${source}; transformers requires lr_end < lr_init)`, lrEnd)
  return (step) => {
    if (step < numWarmupSteps) return linearWarmup(step, numWarmupSteps)
    if (step > numTrainingSteps) return lrEnd / init
    const lrRange = init - lrEnd
    const decaySteps = numTrainingSteps - numWarmupSteps
    const pctRemaining = 1 - (step - numWarmupSteps) / decaySteps
    const decay = lrRange * pctRemaining ** power + lrEnd
    return decay / init
  }
}
