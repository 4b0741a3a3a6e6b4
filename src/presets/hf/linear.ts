/**
 * `hf.linear`: transformers' `get_linear_schedule_with_warmup` (src/transformers/optimization.py) —
 * a linear warmup from 0 to 1 over `numWarmupSteps`, then a linear decay to 0 at step
 * `numTrainingSteps`, and 0 after it.
 *
 * The decay length includes the warmup (it runs from `numWarmupSteps` to `numTrainingSteps`). When
 * the warmup is longer than the training, the lr rises until `numWarmupSteps` and drops to 0 there.
 *
 * @since 0.1.0
 */
import { NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { fromLambda, linearWarmup } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the linear warmup from 0: an integer ≥ 0.'),
  numTrainingSteps: required(NonNegativeInteger, 'The step at which the lr reaches 0, warmup included.')
}

/**
 * The definition of `hf.linear`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Linear = define({
  type: 'hf.linear',
  summary: "transformers' linear decay to 0 after a linear warmup from 0.",
  args,
  // _get_linear_schedule_with_warmup_lr_lambda
  make: ({ numWarmupSteps, numTrainingSteps }) =>
    fromLambda((step) =>
      step < numWarmupSteps ? linearWarmup(step, numWarmupSteps) : Math.max(0.0, (numTrainingSteps - step) / Math.max(1, numTrainingSteps - numWarmupSteps))
    )
})

/**
 * The arguments of `hf.linear` (transformers' in camelCase).
 *
 * @category model
 * @since 0.1.0
 */
export type LinearOptions = OptionsOf<typeof args>

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
export const linear = Linear.make
