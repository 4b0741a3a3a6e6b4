/**
 * `nemo.WarmupPolicy`: NeMo's `WarmupPolicy` (NVIDIA/NeMo v2.4.0, nemo/core/optim/lr_scheduler.py:37-88)
 * — each group's initial lr times `(step + 1) / (warmupSteps + 1)` up to step `warmupSteps`, then
 * the initial lr, and `minLr` past `maxSteps` when it is given.
 *
 * @since 0.2.0
 */
import { NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, optional } from '../../internal/define.js'
import { minLrArg, nemo, warmupArgs, warmupOf, warmupPolicyLr } from './internal.js'

const args = {
  ...warmupArgs,
  maxSteps: optional(NonNegativeInteger, 'The step after which the lr is `minLr`: an integer ≥ 0 (left out: never, as NeMo\'s `None`).'),
  minLr: minLrArg(0.0)
}

/**
 * The definition of `nemo.WarmupPolicy`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupPolicy = define({
  type: 'nemo.WarmupPolicy',
  summary: "NeMo's linear warmup to each group's initial lr, then constant.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    // WarmupPolicy._get_lr (lr_scheduler.py:86-88): the initial lrs
    return nemo(warmupPolicyLr(warmup, a.maxSteps, a.minLr, (_step, base) => base))
  }
})

/**
 * The arguments of `nemo.WarmupPolicy` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type WarmupPolicyOptions = OptionsOf<typeof args>

/**
 * NeMo's linear warmup to each group's initial lr, then constant.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // (step + 1) / 4 up to step 3, then 1, then minLr past step 4
 * trace(nemo.warmupPolicy({ warmupSteps: 3, maxSteps: 4, minLr: 0.1 }), [1], 6).lr // [[0.25], [0.5], [0.75], [1], [1], [0.1], [0.1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const warmupPolicy = WarmupPolicy.make
