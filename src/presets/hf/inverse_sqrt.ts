/**
 * `hf.inverse_sqrt`: transformers' `get_inverse_sqrt_schedule` — a linear warmup from 0 to 1 over
 * `numWarmupSteps`, then `1 / sqrt((step + timescale - numWarmupSteps) / timescale)`: 1 at the end
 * of the warmup, decaying as the inverse square root of the step, with no horizon.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { NonNegativeInteger, PositiveInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { nonNegativeInteger, positiveInteger } from '../../core/validate.js'
import { linearWarmup, multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.inverse_sqrt` (transformers' arguments in camelCase and defaults). Arguments:
 * - `numWarmupSteps`: Steps of the linear warmup from 0: an integer >= 0 (required).
 * - `timescale`: The time scale of the decay: a positive integer. Default `numWarmupSteps`, or 10000
 *   when that is 0 (transformers' `num_warmup_steps or 10_000`).
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.InverseSqrtConfig.is({ type: 'hf.inverse_sqrt', numWarmupSteps: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const InverseSqrtConfig = schedulerConfig('hf.inverse_sqrt', { numWarmupSteps: NonNegativeInteger }, { timescale: PositiveInteger })

/**
 * The JSON config of `hf.inverse_sqrt`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.InverseSqrtConfig = { type: 'hf.inverse_sqrt', numWarmupSteps: 100, timescale: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type InverseSqrtConfig = t.TypeOf<typeof InverseSqrtConfig>

/**
 * The arguments of `hf.inverse_sqrt`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.InverseSqrtOptions = { numWarmupSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type InverseSqrtOptions = Omit<InverseSqrtConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const inverseSqrt = (options: InverseSqrtOptions): Scheduler<EpochState> => {
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  // `timescale = num_warmup_steps or 10_000` (a timescale of 0 would divide by zero: rejected)
  const timescale = options.timescale === undefined ? numWarmupSteps || 10_000 : positiveInteger('timescale', options.timescale)
  const shift = timescale - numWarmupSteps
  // _get_inverse_sqrt_schedule_lr_lambda
  return multiplierLeaf('hf.inverse_sqrt', { numWarmupSteps, timescale }, (step) =>
    step < numWarmupSteps ? linearWarmup(step, numWarmupSteps) : 1.0 / Math.sqrt((step + shift) / timescale)
  )
}
