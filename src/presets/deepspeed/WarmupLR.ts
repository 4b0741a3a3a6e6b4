/**
 * `deepspeed.WarmupLR`: DeepSpeed's `WarmupLR` (deepspeedai/DeepSpeed v0.19.5,
 * deepspeed/runtime/lr_schedules.py:665-758) — every group from `warmupMinLr` to `warmupMaxLr` (its
 * own initial lr by default) over `warmupNumSteps` steps, logarithmically by default, then flat.
 *
 * @since 0.2.0
 */
import { NonNegative, PerGroup } from '../../core/codec.js'
import { type OptionsOf, define, optional } from '../../internal/define.js'
import { warmupLr, warmupMinLrArg, warmupNumStepsArg, warmupTypeArg } from './internal.js'

const args = {
  warmupMinLr: warmupMinLrArg,
  warmupMaxLr: optional(PerGroup(NonNegative), "The lr after the warmup, ≥ 0 (one, or one per group). Default: each group's initial lr (DeepSpeed's `None`)."),
  warmupNumSteps: warmupNumStepsArg,
  warmupType: warmupTypeArg
}

/**
 * The definition of `deepspeed.WarmupLR`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupLR = define({
  type: 'deepspeed.WarmupLR',
  summary: "DeepSpeed's warmup from a min lr to a max lr (logarithmic by default), then flat.",
  args,
  // WarmupLR._get_gamma (lr_schedules.py:749-757): 1.0 once the warmup is over
  make: (a) => warmupLr(a, () => 1.0)
})

/**
 * The arguments of `deepspeed.WarmupLR` (DeepSpeed's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type WarmupLROptions = OptionsOf<typeof args>

/**
 * DeepSpeed's warmup from a min lr to a max lr (logarithmic by default), then flat.
 *
 * @example
 * import { deepspeed, trace } from 'lr-schedule'
 * // linear over 4 steps to the group's lr 1: rows 0 and 1 at 0, then 1/4, 2/4, 3/4, 1
 * trace(deepspeed.warmupLR({ warmupNumSteps: 4, warmupType: 'linear' }), [1], 6).lr // [[0], [0], [0.25], [0.5], [0.75], [1], [1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const warmupLR = WarmupLR.make
