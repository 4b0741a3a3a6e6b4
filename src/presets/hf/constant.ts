/**
 * `hf.constant`: transformers' `get_constant_schedule` (src/transformers/optimization.py) — every
 * group keeps its initial lr (a LambdaLR whose multiplier, `_get_constant_lambda`, is 1).
 *
 * transformers' `get_scheduler("constant", ...)` ignores `num_warmup_steps` and `num_training_steps`;
 * this config takes no arguments, so a warmup given to it is an error rather than silently dropped
 * (use `hf.constant_with_warmup`).
 *
 * @since 0.1.0
 */
import { type OptionsOf, define } from '../../internal/define.js'
import { fromLambda } from './internal.js'

const args = {}

/**
 * The definition of `hf.constant`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Constant = define({
  type: 'hf.constant',
  summary: "transformers' constant schedule: the lr stays at its initial value.",
  args,
  // _get_constant_lambda returns the int 1: initial_lr * 1 is the initial lr
  make: () => fromLambda(() => 1)
})

/**
 * The arguments of `hf.constant` (none).
 *
 * @category model
 * @since 0.1.0
 */
export type ConstantOptions = OptionsOf<typeof args>

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
export const constant = (options: ConstantOptions = {}) => Constant.make(options)
