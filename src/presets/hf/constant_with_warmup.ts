/**
 * `hf.constant_with_warmup`: transformers' `get_constant_schedule_with_warmup` — the multiplier
 * rises linearly from 0 at step 0 to 1 at step `numWarmupSteps`, then stays at 1.
 *
 * Row 0 is 0 (transformers' warmups start from 0, where PyTorch's LinearLR starts from
 * `startFactor`); with `numWarmupSteps` 0 the lr is constant from row 0.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { NonNegativeInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { nonNegativeInteger } from '../../core/validate.js'
import { multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.constant_with_warmup` (transformers' arguments in camelCase). Arguments:
 * - `numWarmupSteps`: Steps of the linear warmup from 0: an integer >= 0 (required).
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.ConstantWithWarmupConfig.is({ type: 'hf.constant_with_warmup', numWarmupSteps: 100 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ConstantWithWarmupConfig = schedulerConfig('hf.constant_with_warmup', { numWarmupSteps: NonNegativeInteger }, {})

/**
 * The JSON config of `hf.constant_with_warmup`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.ConstantWithWarmupConfig = { type: 'hf.constant_with_warmup', numWarmupSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantWithWarmupConfig = t.TypeOf<typeof ConstantWithWarmupConfig>

/**
 * The arguments of `hf.constant_with_warmup`: its config without `type`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.ConstantWithWarmupOptions = { numWarmupSteps: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantWithWarmupOptions = Omit<ConstantWithWarmupConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
export const constantWithWarmup = (options: ConstantWithWarmupOptions): Scheduler<EpochState> => {
  const numWarmupSteps = nonNegativeInteger('numWarmupSteps', options.numWarmupSteps)
  // _get_constant_schedule_with_warmup_lr_lambda
  return multiplierLeaf('hf.constant_with_warmup', { numWarmupSteps }, (step) =>
    step < numWarmupSteps ? step / Math.max(1.0, numWarmupSteps) : 1.0
  )
}
