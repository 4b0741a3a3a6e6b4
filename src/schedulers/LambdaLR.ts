/**
 * LambdaLR: sets each group's lr to its initial lr times `lrLambda(t)`.
 *
 * Follows `torch.optim.lr_scheduler.LambdaLR` (torch/optim/lr_scheduler.py): the lr is a function
 * of the step, `base_lr · lr_lambda(last_epoch)`, so the reducer and the closed form are one
 * expression. The functions live in the scheduler, never in its state (which is just the step
 * counter), so a checkpoint is plain JSON; rebuild the scheduler with the same functions to resume
 * it. JSON names them (see `decodeSchedule`'s `functions`).
 *
 * @since 0.1.0
 */
import { at, groupCount } from '../core/validate.js'
import { fromStep } from '../internal/builders.js'
import { type OptionsOf, define, fn } from '../internal/define.js'

/**
 * A function of the step index.
 *
 * @example
 * import type { LrLambda } from 'lr-schedule'
 * const warmup: LrLambda = (t) => Math.min(1, (t + 1) / 10)
 *
 * @category model
 * @since 0.1.0
 */
export type LrLambda = (t: number) => number

const args = {
  lrLambda: fn<LrLambda, 'required'>('required', 'The factor of the initial lr at step t: one function for every group, or one per group.')
}

/**
 * The definition of LambdaLR: its argument (PyTorch's, in camelCase).
 *
 * @category definitions
 * @since 0.2.0
 */
export const LambdaLR = define({
  type: 'LambdaLR',
  summary: 'Sets the lr to `initialLr · lrLambda(t)`.',
  args,
  make: ({ lrLambda }) =>
    fromStep({
      lr: (e, base, i) => base * at(lrLambda, i)(e),
      checkGroups: (n) => groupCount('lrLambda', lrLambda, n)
    })
})

/**
 * LambdaLR's arguments: one function for every group, or one per group.
 *
 * @category model
 * @since 0.1.0
 */
export type LambdaLROptions = OptionsOf<typeof args>

/**
 * Sets the lr to `initialLr · lrLambda(t)`.
 *
 * @example
 * import { lambdaLR, trace } from 'lr-schedule'
 * trace(lambdaLR({ lrLambda: (t) => 1 / (t + 1) }), [1], 2).lr // [[1], [0.5], [0.3333333333333333]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const lambdaLR = LambdaLR.make
