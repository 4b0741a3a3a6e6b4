/**
 * `hf.inverse_sqrt`: transformers' `get_inverse_sqrt_schedule` (src/transformers/optimization.py) —
 * a linear warmup from 0 to 1 over `numWarmupSteps`, then `1 / sqrt((step + timescale -
 * numWarmupSteps) / timescale)`: 1 at the end of the warmup, decaying as the inverse square root of
 * the step, with no horizon.
 *
 * @since 0.1.0
 */
import { NonNegativeInteger, PositiveInteger } from '../../core/codec.js'
import { type OptionsOf, define, optional, required } from '../../internal/define.js'
import { fromLambda, linearWarmup } from './internal.js'

const args = {
  numWarmupSteps: required(NonNegativeInteger, 'Steps of the linear warmup from 0: an integer ≥ 0.'),
  timescale: optional(PositiveInteger, 'The time scale of the decay (default `numWarmupSteps`, or 10000 when that is 0).')
}

/**
 * The definition of `hf.inverse_sqrt`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const InverseSqrt = define({
  type: 'hf.inverse_sqrt',
  summary: "transformers' inverse square-root decay after a linear warmup from 0.",
  args,
  make: ({ numWarmupSteps, timescale = numWarmupSteps || 10_000 }) => {
    // `timescale = num_warmup_steps or 10_000` (a timescale of 0 would divide by zero: rejected);
    // a default of another argument, so the config gets it here
    const shift = timescale - numWarmupSteps
    // _get_inverse_sqrt_schedule_lr_lambda
    const body = fromLambda((step) => (step < numWarmupSteps ? linearWarmup(step, numWarmupSteps) : 1.0 / Math.sqrt((step + shift) / timescale)))
    return (meta) => body({ ...meta, config: { ...meta.config, timescale } })
  }
})

/**
 * The arguments of `hf.inverse_sqrt` (transformers' in camelCase, with its defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type InverseSqrtOptions = OptionsOf<typeof args>

/**
 * transformers' inverse square-root decay after a linear warmup from 0.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.inverseSqrt({ numWarmupSteps: 1 }), [1], 4).lr // [[0], [1], [0.7071067811865475], [0.5773502691896258], [0.5]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const inverseSqrt = InverseSqrt.make
