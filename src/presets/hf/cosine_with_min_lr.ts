/**
 * `hf.cosine_with_min_lr`: transformers' `get_cosine_with_min_lr_schedule_with_warmup`
 * (src/transformers/optimization.py) — `hf.cosine` whose cosine goes from 1 down to a floor:
 * `minLrRate` (a fraction of each group's initial lr), or `minLr` (an lr, which transformers divides
 * by the optimizer's default lr: here the first group's initial lr, so a group with another lr ends
 * at `its lr · minLr / first lr`). transformers builds both on the same `lr_lambda`
 * (`_get_cosine_schedule_with_warmup_lr_lambda`), and so does this library.
 *
 * Past `numTrainingSteps` the cosine goes on and the lr rises again, as in transformers.
 *
 * @since 0.1.0
 */
import { Finite, NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { cosineMultiplier, withMinLr } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the linear warmup from 0: an integer ≥ 0.'),
  numTrainingSteps: required(NonNegativeInteger, 'The step at which the decay ends, warmup included.'),
  numCycles: withDefault(Finite, 'Waves of the cosine over the decay (0.5: half a cosine, down to the floor).', 0.5),
  minLr: optional(Finite, "The floor as an lr (divided by the first group's initial lr). Give this or `minLrRate`."),
  minLrRate: optional(Finite, "The floor as a fraction of each group's initial lr. Give this or `minLr`.")
}

/**
 * The definition of `hf.cosine_with_min_lr`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineWithMinLr = define({
  type: 'hf.cosine_with_min_lr',
  summary: "transformers' cosine decay to a floor after a linear warmup from 0.",
  args,
  make: ({ numWarmupSteps, numTrainingSteps, numCycles, ...floor }) =>
    withMinLr(floor, (rate) => cosineMultiplier(numWarmupSteps, numTrainingSteps, numCycles, rate))
})

/**
 * The arguments of `hf.cosine_with_min_lr` (transformers' in camelCase, with its defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineWithMinLrOptions = OptionsOf<typeof args>

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
export const cosineWithMinLr = CosineWithMinLr.make
