/**
 * `deepspeed.WarmupDecayLR`: DeepSpeed's `WarmupDecayLR` (deepspeedai/DeepSpeed v0.19.5,
 * deepspeed/runtime/lr_schedules.py:761-809) — WarmupLR's warmup, then a linear decay to 0 at
 * `totalNumSteps`.
 *
 * @since 0.2.0
 */
import { NonNegative, NonNegativeInteger, PerGroup } from '../../core/codec.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { warmupLr, warmupMinLrArg, warmupNumStepsArg, warmupTypeArg } from './internal.js'

const args = {
  totalNumSteps: required(NonNegativeInteger, 'The step the lr reaches 0 at: an integer ≥ 0 (no default, as in DeepSpeed).'),
  warmupMinLr: warmupMinLrArg,
  warmupMaxLr: withDefault(PerGroup(NonNegative), 'The lr at the end of the warmup, ≥ 0 (one, or one per group).', 0.001 as number | ReadonlyArray<number>),
  warmupNumSteps: warmupNumStepsArg,
  warmupType: warmupTypeArg
}

/**
 * The definition of `deepspeed.WarmupDecayLR`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupDecayLR = define({
  type: 'deepspeed.WarmupDecayLR',
  summary: "DeepSpeed's warmup from a min lr to a max lr, then a linear decay to 0 at totalNumSteps.",
  args,
  // WarmupDecayLR._get_gamma (lr_schedules.py:800-809): after the warmup,
  // max(0, (total − b) / max(1, total − n)), in floats
  make: (a) => warmupLr(a, (b, n) => Math.max(0.0, (a.totalNumSteps - b) / Math.max(1.0, a.totalNumSteps - n)))
})

/**
 * The arguments of `deepspeed.WarmupDecayLR` (DeepSpeed's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type WarmupDecayLROptions = OptionsOf<typeof args>

/**
 * DeepSpeed's warmup from a min lr to a max lr, then a linear decay to 0 at totalNumSteps.
 *
 * @example
 * import { deepspeed, trace } from 'lr-schedule'
 * // linear warmup over 2 steps to 1, then down to 0 at step 6: (6 − b) / 4 for b = 2, 3, …
 * trace(deepspeed.warmupDecayLR({ totalNumSteps: 6, warmupMaxLr: 1, warmupNumSteps: 2, warmupType: 'linear' }), [1], 8).lr
 * // [[0], [0], [0.5], [1], [0.75], [0.5], [0.25], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const warmupDecayLR = WarmupDecayLR.make
