/**
 * `hf.linear`: transformers' `get_linear_schedule_with_warmup` — a linear warmup from 0 to 1 over
 * `numWarmupSteps`, then a linear decay to 0 at step `numTrainingSteps`, and 0 after it.
 *
 * The decay length includes the warmup (it runs from `numWarmupSteps` to `numTrainingSteps`). When
 * the warmup is longer than the training, the lr rises until `numWarmupSteps` and drops to 0 there.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { NonNegativeInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { nonNegativeInteger } from '../../core/validate.js'
import { linearWarmup, multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.linear` (transformers' arguments in camelCase). Arguments:
 * - `numWarmupSteps`: Steps of the linear warmup from 0: an integer >= 0 (required).
 * - `numTrainingSteps`: The step at which the lr reaches 0, warmup included: an integer >= 0 (required).
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.LinearConfig.is({ type: 'hf.linear', numWarmupSteps: 100, numTrainingSteps: 1000 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const LinearConfig = schedulerConfig('hf.linear', { numWarmupSteps: NonNegativeInteger, numTrainingSteps: NonNegativeInteger }, {})

/**
 * The JSON config of `hf.linear`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.LinearConfig = { type: 'hf.linear', numWarmupSteps: 100, numTrainingSteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearConfig = t.TypeOf<typeof LinearConfig>

/**
 * The arguments of `hf.linear`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.LinearOptions = { numWarmupSteps: 100, numTrainingSteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type LinearOptions = Omit<LinearConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * transformers' linear decay to 0 after a linear warmup from 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.linear({ numWarmupSteps: 1, numTrainingSteps: 3 }), [1], 4).lr // [[0], [1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const linear = (options: LinearOptions): Scheduler<EpochState> => {
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  const numTrainingSteps = nonNegativeInteger('numTrainingSteps', options.numTrainingSteps)
  // _get_linear_schedule_with_warmup_lr_lambda
  return multiplierLeaf('hf.linear', { numWarmupSteps, numTrainingSteps }, (step) =>
    step < numWarmupSteps
      ? linearWarmup(step, numWarmupSteps)
      : Math.max(0.0, (numTrainingSteps - step) / Math.max(1, numTrainingSteps - numWarmupSteps))
  )
}
