/**
 * `hf.cosine_with_restarts`: transformers' `get_cosine_with_hard_restarts_schedule_with_warmup`
 * (src/transformers/optimization.py) — a linear warmup from 0 to 1 over `numWarmupSteps`, then
 * `numCycles` half cosines from 1 down to 0, each restarting at 1, ending at `numTrainingSteps`; 0
 * from `numTrainingSteps` on.
 *
 * @since 0.1.0
 */
import { NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { Integer, fromLambda, linearWarmup, pyMod1 } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the linear warmup from 0: an integer ≥ 0.'),
  numTrainingSteps: required(NonNegativeInteger, 'The step at which the last cycle ends, warmup included.'),
  numCycles: withDefault(Integer, 'The number of half cosines, each restarting at the initial lr: an integer (0: constant; negative: run backwards, as transformers).', 1)
}

/**
 * The definition of `hf.cosine_with_restarts`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineWithRestarts = define({
  type: 'hf.cosine_with_restarts',
  summary: "transformers' cosine with hard restarts after a linear warmup from 0.",
  args,
  // _get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda
  make: ({ numWarmupSteps, numTrainingSteps, numCycles }) =>
    fromLambda((step) => {
      if (step < numWarmupSteps) return linearWarmup(step, numWarmupSteps)
      const progress = (step - numWarmupSteps) / Math.max(1, numTrainingSteps - numWarmupSteps)
      if (progress >= 1.0) return 0.0
      return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * pyMod1(numCycles * progress))))
    })
})

/**
 * The arguments of `hf.cosine_with_restarts` (transformers' in camelCase, with its defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWithRestartsOptions = OptionsOf<typeof args>

/**
 * transformers' cosine with hard restarts after a linear warmup from 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.cosineWithRestarts({ numWarmupSteps: 0, numTrainingSteps: 4, numCycles: 2 }), [1], 4).lr // [[1], [0.5], [1], [0.5], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineWithRestarts = CosineWithRestarts.make
