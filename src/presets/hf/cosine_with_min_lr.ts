/**
 * `hf.cosine_with_min_lr`: transformers' `get_cosine_with_min_lr_schedule_with_warmup` — `hf.cosine`
 * whose cosine goes from 1 down to a floor: `minLrRate` (a fraction of each group's initial lr), or
 * `minLr` (an lr, which transformers divides by the optimizer's default lr: here the first group's
 * initial lr, so a group with another lr ends at `its lr · minLr / first lr`).
 *
 * Past `numTrainingSteps` the cosine goes on and the lr rises again, as in transformers.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegativeInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegativeInteger, withDefault } from '../../core/validate.js'
import { cosineMultiplier, defaultLrLeaf, minLrArguments, minLrRateOf, multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.cosine_with_min_lr` (transformers' arguments in camelCase and defaults). Arguments:
 * - `numWarmupSteps`: Steps of the linear warmup from 0: an integer >= 0 (required).
 * - `numTrainingSteps`: The step at which the decay ends, warmup included: an integer >= 0 (required).
 * - `numCycles`: Waves of the cosine over the decay: a finite number. Default 0.5.
 * - `minLr`: The floor as an lr (divided by the first group's initial lr). Give this or `minLrRate`.
 * - `minLrRate`: The floor as a fraction of each group's initial lr. Give this or `minLr`.
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.CosineWithMinLrConfig.is({ type: 'hf.cosine_with_min_lr', numWarmupSteps: 100, numTrainingSteps: 1000, minLrRate: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineWithMinLrConfig = schedulerConfig(
  'hf.cosine_with_min_lr',
  { numWarmupSteps: NonNegativeInteger, numTrainingSteps: NonNegativeInteger },
  { numCycles: Finite, minLr: Finite, minLrRate: Finite }
)

/**
 * The JSON config of `hf.cosine_with_min_lr`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.CosineWithMinLrConfig = { type: 'hf.cosine_with_min_lr', numWarmupSteps: 100, numTrainingSteps: 1000, minLr: 1e-6 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWithMinLrConfig = t.TypeOf<typeof CosineWithMinLrConfig>

/**
 * The arguments of `hf.cosine_with_min_lr`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.CosineWithMinLrOptions = { numWarmupSteps: 100, numTrainingSteps: 1000, minLrRate: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWithMinLrOptions = Omit<CosineWithMinLrConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * transformers' cosine decay to a floor after a linear warmup from 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.cosineWithMinLr({ numWarmupSteps: 0, numTrainingSteps: 2, minLrRate: 0.5 }), [1], 2).lr // [[1], [0.75], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineWithMinLr = (options: CosineWithMinLrOptions): Scheduler<EpochState> => {
  const name = 'hf.cosine_with_min_lr'
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  const numTrainingSteps = nonNegativeInteger('numTrainingSteps', options.numTrainingSteps)
  const numCycles = finite('numCycles', withDefault(options.numCycles, 0.5))
  const floor = minLrArguments(options.minLr, options.minLrRate)
  const config = { numWarmupSteps, numTrainingSteps, numCycles, ...floor }
  const multiplier = (rate: number) => cosineMultiplier(numWarmupSteps, numTrainingSteps, numCycles, rate)
  return 'minLrRate' in floor
    ? multiplierLeaf(name, config, multiplier(floor.minLrRate))
    : defaultLrLeaf(name, config, (first) => multiplier(minLrRateOf(name, floor.minLr, first)))
}
