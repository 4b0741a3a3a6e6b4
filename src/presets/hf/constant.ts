/**
 * `hf.constant`: transformers' `get_constant_schedule` — every group keeps its initial lr (a LambdaLR
 * whose multiplier is 1).
 *
 * transformers' `get_scheduler("constant", ...)` ignores `num_warmup_steps` and `num_training_steps`;
 * this config takes no arguments, so a warmup given to it is an error rather than silently dropped
 * (use `hf.constant_with_warmup`).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import type { EpochState } from '../../internal/leaf.js'
import { multiplierLeaf } from './internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `hf.constant` (no arguments).
 *
 * @example
 * import { hf } from 'lr-schedule'
 * hf.ConstantConfig.is({ type: 'hf.constant' }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const ConstantConfig = schedulerConfig('hf.constant', {}, {})

/**
 * The JSON config of `hf.constant`.
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const c: hf.ConstantConfig = { type: 'hf.constant' }
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantConfig = t.TypeOf<typeof ConstantConfig>

/**
 * The arguments of `hf.constant` (none).
 *
 * @example
 * import type { hf } from 'lr-schedule'
 * const o: hf.ConstantOptions = {}
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantOptions = Omit<ConstantConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * transformers' constant schedule: the lr stays at its initial value.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * trace(hf.constant(), [0.1], 2).lr // [[0.1], [0.1], [0.1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const constant = (_options: ConstantOptions = {}): Scheduler<EpochState> =>
  // transformers' _get_constant_lambda returns the int 1: initial_lr * 1 is the initial lr
  multiplierLeaf('hf.constant', {}, () => 1)
