/**
 * `hf.cosine_with_restarts`: transformers' `get_cosine_with_hard_restarts_schedule_with_warmup` — a
 * linear warmup from 0 to 1 over `numWarmupSteps`, then `numCycles` half cosines from 1 down to 0,
 * each restarting at 1, ending at `numTrainingSteps`; 0 from `numTrainingSteps` on.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { NonNegativeInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { nonNegativeInteger, withDefault } from '../../core/validate.js'
import { Integer, integer, linearWarmup, multiplierLeaf, pyMod1 } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.cosine_with_restarts` (transformers' arguments in camelCase and defaults). Arguments:
 * - `numWarmupSteps`: Steps of the linear warmup from 0: an integer >= 0 (required).
 * - `numTrainingSteps`: The step at which the last cycle ends, warmup included: an integer >= 0 (required).
 * - `numCycles`: The number of half cosines (hard restarts): an integer. Default 1.
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.CosineWithRestartsConfig.is({ type: 'hf.cosine_with_restarts', numWarmupSteps: 100, numTrainingSteps: 1000, numCycles: 3 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineWithRestartsConfig = schedulerConfig(
  'hf.cosine_with_restarts',
  { numWarmupSteps: NonNegativeInteger, numTrainingSteps: NonNegativeInteger },
  { numCycles: Integer }
)

/**
 * The JSON config of `hf.cosine_with_restarts`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.CosineWithRestartsConfig = { type: 'hf.cosine_with_restarts', numWarmupSteps: 100, numTrainingSteps: 1000, numCycles: 3 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWithRestartsConfig = t.TypeOf<typeof CosineWithRestartsConfig>

/**
 * The arguments of `hf.cosine_with_restarts`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.CosineWithRestartsOptions = { numWarmupSteps: 100, numTrainingSteps: 1000, numCycles: 3 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWithRestartsOptions = Omit<CosineWithRestartsConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const cosineWithRestarts = (options: CosineWithRestartsOptions): Scheduler<EpochState> => {
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  const numTrainingSteps = nonNegativeInteger('numTrainingSteps', options.numTrainingSteps)
  const numCycles = integer('numCycles', withDefault(options.numCycles, 1))
  // _get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda
  return multiplierLeaf('hf.cosine_with_restarts', { numWarmupSteps, numTrainingSteps, numCycles }, (step) => {
    if (step < numWarmupSteps) return linearWarmup(step, numWarmupSteps)
    const progress = (step - numWarmupSteps) / Math.max(1, numTrainingSteps - numWarmupSteps)
    if (progress >= 1.0) return 0.0
    return Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * pyMod1(numCycles * progress))))
  })
}
