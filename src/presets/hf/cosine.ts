/**
 * `hf.cosine`: transformers' `get_cosine_schedule_with_warmup` — a linear warmup from 0 to 1 over
 * `numWarmupSteps`, then `0.5 · (1 + cos(π · numCycles · 2 · progress))` with `progress` going from 0
 * at `numWarmupSteps` to 1 at `numTrainingSteps` (with the default 0.5 cycles: half a cosine down to 0).
 *
 * Past `numTrainingSteps` the cosine goes on, as in transformers: with 0.5 cycles the lr rises
 * again towards the initial lr (PyTorch's CosineAnnealingLR does the same; optax and Keras stay at
 * the floor). Negative values of the cosine are clipped to 0.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegativeInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegativeInteger, withDefault } from '../../core/validate.js'
import { cosineMultiplier, multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.cosine` (transformers' arguments in camelCase and defaults). Arguments:
 * - `numWarmupSteps`: Steps of the linear warmup from 0: an integer >= 0 (required).
 * - `numTrainingSteps`: The step at which the decay ends, warmup included: an integer >= 0 (required).
 * - `numCycles`: Waves of the cosine over the decay: a finite number. Default 0.5 (half a cosine, down to 0).
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.CosineConfig.is({ type: 'hf.cosine', numWarmupSteps: 100, numTrainingSteps: 1000 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineConfig = schedulerConfig(
  'hf.cosine',
  { numWarmupSteps: NonNegativeInteger, numTrainingSteps: NonNegativeInteger },
  { numCycles: Finite }
)

/**
 * The JSON config of `hf.cosine`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.CosineConfig = { type: 'hf.cosine', numWarmupSteps: 100, numTrainingSteps: 1000, numCycles: 0.5 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineConfig = t.TypeOf<typeof CosineConfig>

/**
 * The arguments of `hf.cosine`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.CosineOptions = { numWarmupSteps: 100, numTrainingSteps: 1000 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineOptions = Omit<CosineConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * transformers' cosine decay after a linear warmup from 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.cosine({ numWarmupSteps: 0, numTrainingSteps: 2 }), [1], 2).lr // [[1], [0.5], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosine = (options: CosineOptions): Scheduler<EpochState> => {
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  const numTrainingSteps = nonNegativeInteger('numTrainingSteps', options.numTrainingSteps)
  const numCycles = finite('numCycles', withDefault(options.numCycles, 0.5))
  // transformers 5.18 defines _get_cosine_schedule_with_warmup_lr_lambda twice; the second one
  // (with min_lr_rate, default 0.0) is the one get_cosine_schedule_with_warmup calls
  return multiplierLeaf('hf.cosine', { numWarmupSteps, numTrainingSteps, numCycles }, cosineMultiplier(numWarmupSteps, numTrainingSteps, numCycles, 0.0))
}
