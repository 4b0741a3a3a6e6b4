/**
 * `hf.cosine_warmup_with_min_lr`: transformers' `get_cosine_with_min_lr_schedule_with_warmup_lr_rate`
 * (src/transformers/optimization.py) — like `hf.cosine_with_min_lr`, with its own step conventions:
 * the warmup multiplier is `(step + 1) / numWarmupSteps` (it starts at `1 / numWarmupSteps`, not 0,
 * and reaches 1 at step `numWarmupSteps - 1`), or, with `warmupLrRate`, a line from `warmupLrRate`
 * at step 0 to 1 at step `numWarmupSteps - 1`; the cosine's progress is `(step - numWarmupSteps +
 * 1) / (numTrainingSteps - numWarmupSteps)`, so the floor is reached at step `numTrainingSteps - 1`,
 * one step before `hf.cosine_with_min_lr` reaches it.
 *
 * Past the end the cosine goes on and the lr rises again, as in transformers.
 *
 * @since 0.1.0
 */
import { Finite, NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { withMinLr } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the warmup, which starts above 0: an integer ≥ 0.'),
  numTrainingSteps: required(NonNegativeInteger, 'The decay ends at step `numTrainingSteps - 1`, warmup included.'),
  numCycles: withDefault(Finite, 'Waves of the cosine over the decay (0.5: half a cosine, down to the floor).', 0.5),
  minLr: optional(Finite, "The floor as an lr (divided by the first group's initial lr). Give this or `minLrRate`."),
  minLrRate: optional(Finite, "The floor as a fraction of each group's initial lr. Give this or `minLr`."),
  warmupLrRate: optional(Finite, "The warmup's multiplier at step 0 (default: none, the warmup is `(step + 1) / numWarmupSteps`).")
}

/**
 * The definition of `hf.cosine_warmup_with_min_lr`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineWarmupWithMinLr = define({
  type: 'hf.cosine_warmup_with_min_lr',
  summary: "transformers' cosine decay to a floor after a warmup that starts above 0.",
  args,
  make: ({ numWarmupSteps, numTrainingSteps, numCycles, warmupLrRate, ...floor }) =>
    // _get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda (every count a float)
    withMinLr(floor, (minLrRate) => (step) => {
      if (step < numWarmupSteps)
        return warmupLrRate === undefined
          ? (step + 1.0) / Math.max(1.0, numWarmupSteps)
          : warmupLrRate + ((1.0 - warmupLrRate) * step) / Math.max(1, numWarmupSteps - 1)
      const progress = (step - numWarmupSteps + 1.0) / Math.max(1.0, numTrainingSteps - numWarmupSteps)
      let factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress))
      factor = factor * (1 - minLrRate) + minLrRate
      return Math.max(0, factor)
    })
})

/**
 * The arguments of `hf.cosine_warmup_with_min_lr` (transformers' in camelCase, with its defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWarmupWithMinLrOptions = OptionsOf<typeof args>

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
export const cosineWarmupWithMinLr = CosineWarmupWithMinLr.make
