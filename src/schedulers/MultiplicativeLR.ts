/**
 * MultiplicativeLR: multiplies each group's lr by `lrLambda(t)` at every step.
 *
 * Follows `torch.optim.lr_scheduler.MultiplicativeLR` (torch/optim/lr_scheduler.py): a recurrence,
 * `lr · lr_lambda(last_epoch)` after the initial step, with no closed form in general (it is a
 * product over all past steps). At a `sequential` milestone it follows PyTorch 2.13: it multiplies
 * the current lr by `lrLambda(0)` rather than starting over from the initial lr. JSON names the
 * functions (see `decodeSchedule`'s `functions`).
 *
 * @since 0.1.0
 */
import { at, groupCount } from '../core/validate.js'
import { fromRecurrence } from '../internal/builders.js'
import { type OptionsOf, define, fn } from '../internal/define.js'
import type { LrLambda } from './LambdaLR.js'

const args = {
  lrLambda: fn<LrLambda, 'required'>('required', 'The factor of the lr at step t: one function for every group, or one per group.')
}

/**
 * The definition of MultiplicativeLR: its argument (PyTorch's, in camelCase).
 *
 * @category definitions
 * @since 0.2.0
 */
export const MultiplicativeLR = define({
  type: 'MultiplicativeLR',
  summary: 'Multiplies the lr by `lrLambda(t)` at step t (not in the initial step).',
  args,
  make: ({ lrLambda }) =>
    fromRecurrence({
      lr: (e, lr, _base, i, initial) => (initial ? lr : lr * at(lrLambda, i)(e)),
      checkGroups: (n) => groupCount('lrLambda', lrLambda, n)
    })
})

/**
 * MultiplicativeLR's arguments: one function for every group, or one per group.
 *
 * @category model
 * @since 0.1.0
 */
export type MultiplicativeLROptions = OptionsOf<typeof args>

/**
 * Multiplies the lr by `lrLambda(t)` at step t (not in the initial step).
 *
 * @example
 * import { multiplicativeLR, trace } from 'lr-schedule'
 * trace(multiplicativeLR({ lrLambda: () => 0.5 }), [1], 2).lr // [[1], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const multiplicativeLR = MultiplicativeLR.make
