/**
 * `hf.cosine`: transformers' `get_cosine_schedule_with_warmup` (src/transformers/optimization.py) —
 * a linear warmup from 0 to 1 over `numWarmupSteps`, then `0.5 · (1 + cos(π · numCycles · 2 ·
 * progress))` with `progress` going from 0 at `numWarmupSteps` to 1 at `numTrainingSteps` (with the
 * default 0.5 cycles: half a cosine down to 0).
 *
 * Past `numTrainingSteps` the cosine goes on, as in transformers: with 0.5 cycles the lr rises
 * again towards the initial lr (PyTorch's CosineAnnealingLR does the same; optax and Keras stay at
 * the floor). Negative values of the cosine are clipped to 0.
 *
 * @since 0.1.0
 */
import { Finite, NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { cosineMultiplier, fromLambda } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the linear warmup from 0: an integer ≥ 0.'),
  numTrainingSteps: required(NonNegativeInteger, 'The step at which the decay ends, warmup included.'),
  numCycles: withDefault(Finite, 'Waves of the cosine over the decay: any finite number (0.5: half a cosine, down to 0; 1: down and back up).', 0.5)
}

/**
 * The definition of `hf.cosine`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Cosine = define({
  type: 'hf.cosine',
  summary: "transformers' cosine decay after a linear warmup from 0.",
  args,
  // transformers 5.18 defines _get_cosine_schedule_with_warmup_lr_lambda twice; the second one
  // (with min_lr_rate, default 0.0) is the one get_cosine_schedule_with_warmup calls
  make: ({ numWarmupSteps, numTrainingSteps, numCycles }) => fromLambda(cosineMultiplier(numWarmupSteps, numTrainingSteps, numCycles, 0.0))
})

/**
 * The arguments of `hf.cosine` (transformers' in camelCase, with its defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type CosineOptions = OptionsOf<typeof args>

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
export const cosine = Cosine.make
