/**
 * `hf.polynomial`: transformers' `get_polynomial_decay_schedule_with_warmup` — a linear warmup from 0
 * to 1 over `numWarmupSteps`, then a polynomial decay of the lr from `lrInit` to `lrEnd` at
 * `numTrainingSteps`, and `lrEnd / lrInit` (as a multiplier) after it.
 *
 * transformers' `lr_init` is the optimizer's default lr (`optimizer.defaults["lr"]`), one number for
 * every group: the multiplier is `((lrInit - lrEnd) · remaining^power + lrEnd) / lrInit` and each group
 * gets its own initial lr times it. So only a group whose initial lr is `lrInit` ends at `lrEnd`;
 * another group ends at `its lr · lrEnd / lrInit`. `lrInit` defaults to the first group's initial lr
 * (see the family's docs); give it to match an optimizer whose default lr is none of the groups'.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegative, NonNegativeInteger, Positive, schedulerConfig } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegative, nonNegativeInteger, positive, withDefault } from '../../core/validate.js'
import { type Multiplier, defaultLrLeaf, linearWarmup, multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.polynomial` (transformers' arguments in camelCase and defaults). Arguments:
 * - `numWarmupSteps`: Steps of the linear warmup from 0: an integer >= 0 (required).
 * - `numTrainingSteps`: The step at which the lr reaches `lrEnd`, warmup included: an integer >= 0,
 *   not equal to `numWarmupSteps` (transformers divides by their difference) (required).
 * - `lrEnd`: The lr at the end of the decay, < `lrInit`. Default 1e-7.
 * - `power`: The power of the decay, >= 0. Default 1.0.
 * - `lrInit`: transformers' `lr_init`, the optimizer's default lr, > 0. Default: the first group's initial lr.
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.PolynomialConfig.is({ type: 'hf.polynomial', numWarmupSteps: 100, numTrainingSteps: 1000, lrEnd: 1e-5, power: 2 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PolynomialConfig = schedulerConfig(
  'hf.polynomial',
  { numWarmupSteps: NonNegativeInteger, numTrainingSteps: NonNegativeInteger },
  { lrEnd: Finite, power: NonNegative, lrInit: Positive }
)

/**
 * The JSON config of `hf.polynomial`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.PolynomialConfig = { type: 'hf.polynomial', numWarmupSteps: 100, numTrainingSteps: 1000, lrEnd: 1e-5 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialConfig = t.TypeOf<typeof PolynomialConfig>

/**
 * The arguments of `hf.polynomial`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.PolynomialOptions = { numWarmupSteps: 100, numTrainingSteps: 1000, lrEnd: 1e-5, power: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolynomialOptions = Omit<PolynomialConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const polynomial = (options: PolynomialOptions): Scheduler<EpochState> => {
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  const numTrainingSteps = nonNegativeInteger('numTrainingSteps', options.numTrainingSteps)
  if (numTrainingSteps === numWarmupSteps)
    throw new ScheduleError(
      'numTrainingSteps',
      `an integer >= 0 other than numWarmupSteps = ${numWarmupSteps} (transformers divides by numTrainingSteps - numWarmupSteps at step ${numWarmupSteps})`,
      numTrainingSteps
    )
  const lrEnd = finite('lrEnd', withDefault(options.lrEnd, 1e-7))
  const power = nonNegative('power', withDefault(options.power, 1.0))
  const lrInit = options.lrInit === undefined ? undefined : positive('lrInit', options.lrInit)

  // _get_polynomial_decay_schedule_with_warmup_lr_lambda, with transformers' check of lr_init
  const lambdaFor = (init: number, source: string): Multiplier => {
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

  const config = { numWarmupSteps, numTrainingSteps, lrEnd, power, ...(lrInit === undefined ? {} : { lrInit }) }
  if (lrInit !== undefined) return multiplierLeaf('hf.polynomial', config, lambdaFor(lrInit, 'lrInit'))
  return defaultLrLeaf('hf.polynomial', config, (first) => {
    // torch's optimizers reject a negative lr, and lr_init = 0 divides by zero
    if (!(first > 0))
      throw new ScheduleError('groups[0].lr', "an initial lr > 0 (hf.polynomial divides by the first group's initial lr, transformers' lr_init; or give lrInit)", first)
    return lambdaFor(first, "the first group's initial lr")
  })
}
