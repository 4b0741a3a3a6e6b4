/**
 * `hf.constant_with_warmup`: transformers' `get_constant_schedule_with_warmup`
 * (src/transformers/optimization.py) — the multiplier rises linearly from 0 at step 0 to 1 at step
 * `numWarmupSteps`, then stays at 1.
 *
 * Row 0 is 0 (transformers' warmups start from 0, where PyTorch's LinearLR starts from
 * `startFactor`); with `numWarmupSteps` 0 the lr is constant from row 0.
 *
 * @since 0.1.0
 */
import { NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { fromLambda } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the linear warmup from 0: an integer ≥ 0.')
}

/**
 * The definition of `hf.constant_with_warmup`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ConstantWithWarmup = define({
  type: 'hf.constant_with_warmup',
  summary: "transformers' constant schedule after a linear warmup from 0.",
  args,
  // _get_constant_schedule_with_warmup_lr_lambda
  make: ({ numWarmupSteps }) => fromLambda((step) => (step < numWarmupSteps ? step / Math.max(1.0, numWarmupSteps) : 1.0))
})

/**
 * The arguments of `hf.constant_with_warmup` (transformers' in camelCase).
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantWithWarmupOptions = OptionsOf<typeof args>

/**
 * transformers' constant schedule after a linear warmup from 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.constantWithWarmup({ numWarmupSteps: 2 }), [1], 3).lr // [[0], [0.5], [1], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const constantWithWarmup = ConstantWithWarmup.make
