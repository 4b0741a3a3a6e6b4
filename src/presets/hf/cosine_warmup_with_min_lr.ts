/**
 * `hf.cosine_warmup_with_min_lr`: transformers' `get_cosine_with_min_lr_schedule_with_warmup_lr_rate`
 * — like `hf.cosine_with_min_lr`, with its own step conventions: the warmup multiplier is
 * `(step + 1) / numWarmupSteps` (it starts at `1 / numWarmupSteps`, not 0, and reaches 1 at step
 * `numWarmupSteps - 1`), or, with `warmupLrRate`, a line from `warmupLrRate` at step 0 to 1 at step
 * `numWarmupSteps - 1`; the cosine's progress is `(step - numWarmupSteps + 1) / (numTrainingSteps -
 * numWarmupSteps)`, so the floor is reached at step `numTrainingSteps - 1`, one step before
 * `hf.cosine_with_min_lr` reaches it.
 *
 * Past the end the cosine goes on and the lr rises again, as in transformers.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, NonNegativeInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { finite, nonNegativeInteger, withDefault } from '../../core/validate.js'
import { type Multiplier, defaultLrLeaf, minLrArguments, minLrRateOf, multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.cosine_warmup_with_min_lr` (transformers' arguments in camelCase and defaults). Arguments:
 * - `numWarmupSteps`: Steps of the warmup: an integer >= 0 (required).
 * - `numTrainingSteps`: The decay ends at step `numTrainingSteps - 1`, warmup included: an integer >= 0 (required).
 * - `numCycles`: Waves of the cosine over the decay: a finite number. Default 0.5.
 * - `minLr`: The floor as an lr (divided by the first group's initial lr). Give this or `minLrRate`.
 * - `minLrRate`: The floor as a fraction of each group's initial lr. Give this or `minLr`.
 * - `warmupLrRate`: The warmup's multiplier at step 0: a finite number. Default: none, the warmup is `(step + 1) / numWarmupSteps`.
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.CosineWarmupWithMinLrConfig.is({ type: 'hf.cosine_warmup_with_min_lr', numWarmupSteps: 100, numTrainingSteps: 1000, minLrRate: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineWarmupWithMinLrConfig = schedulerConfig(
  'hf.cosine_warmup_with_min_lr',
  { numWarmupSteps: NonNegativeInteger, numTrainingSteps: NonNegativeInteger },
  { numCycles: Finite, minLr: Finite, minLrRate: Finite, warmupLrRate: Finite }
)

/**
 * The JSON config of `hf.cosine_warmup_with_min_lr`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.CosineWarmupWithMinLrConfig = { type: 'hf.cosine_warmup_with_min_lr', numWarmupSteps: 100, numTrainingSteps: 1000, minLr: 1e-6, warmupLrRate: 0.01 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWarmupWithMinLrConfig = t.TypeOf<typeof CosineWarmupWithMinLrConfig>

/**
 * The arguments of `hf.cosine_warmup_with_min_lr`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.CosineWarmupWithMinLrOptions = { numWarmupSteps: 100, numTrainingSteps: 1000, minLrRate: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWarmupWithMinLrOptions = Omit<CosineWarmupWithMinLrConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * transformers' cosine decay to a floor after a warmup that starts above 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.cosineWarmupWithMinLr({ numWarmupSteps: 2, numTrainingSteps: 4, minLrRate: 0.5 }), [1], 3).lr // [[0.5], [1], [0.75], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineWarmupWithMinLr = (options: CosineWarmupWithMinLrOptions): Scheduler<EpochState> => {
  const name = 'hf.cosine_warmup_with_min_lr'
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  const numTrainingSteps = nonNegativeInteger('numTrainingSteps', options.numTrainingSteps)
  const numCycles = finite('numCycles', withDefault(options.numCycles, 0.5))
  const floor = minLrArguments(options.minLr, options.minLrRate)
  const warmupLrRate = options.warmupLrRate === undefined ? undefined : finite('warmupLrRate', options.warmupLrRate)
  const config = { numWarmupSteps, numTrainingSteps, numCycles, ...floor, ...(warmupLrRate === undefined ? {} : { warmupLrRate }) }

  // _get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda (every count a float)
  const multiplier =
    (minLrRate: number): Multiplier =>
    (step) => {
      if (step < numWarmupSteps)
        return warmupLrRate === undefined
          ? (step + 1.0) / Math.max(1.0, numWarmupSteps)
          : warmupLrRate + ((1.0 - warmupLrRate) * step) / Math.max(1, numWarmupSteps - 1)
      const progress = (step - numWarmupSteps + 1.0) / Math.max(1.0, numTrainingSteps - numWarmupSteps)
      let factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress))
      factor = factor * (1 - minLrRate) + minLrRate
      return Math.max(0, factor)
    }
  return 'minLrRate' in floor
    ? multiplierLeaf(name, config, multiplier(floor.minLrRate))
    : defaultLrLeaf(name, config, (first) => multiplier(minLrRateOf(name, floor.minLr, first)))
}
