/**
 * `deepspeed.WarmupCosineLR`: DeepSpeed's `WarmupCosineLR` (deepspeedai/DeepSpeed v0.19.5,
 * deepspeed/runtime/lr_schedules.py:812-931) — a multiplier of every group's initial lr: from
 * `warmupMinRatio` to 1 over `warmupNumSteps` (logarithmic by default), then half a cosine down to
 * `cosMinRatio` at `totalNumSteps`, flat after it (since v0.19.3, #8142).
 *
 * @since 0.2.0
 */
import { NonNegative, NonNegativeInteger } from '../../core/codec.js'
import { fromStep } from '../../internal/builders.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import { rowOf, warmupFraction, warmupNumStepsArg, warmupSteps, warmupTypeArg } from './internal.js'

const args = {
  totalNumSteps: required(NonNegativeInteger, 'The step the cosine ends at: an integer ≥ 0 (no default, as in DeepSpeed).'),
  warmupMinRatio: withDefault(NonNegative, "The warmup's start, as a fraction of each group's initial lr: ≥ 0.", 0),
  warmupNumSteps: warmupNumStepsArg,
  cosMinRatio: withDefault(NonNegative, "The cosine's end, as a fraction of each group's initial lr: ≥ 0.", 0.0001),
  warmupType: warmupTypeArg
}

/**
 * The definition of `deepspeed.WarmupCosineLR`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupCosineLR = define({
  type: 'deepspeed.WarmupCosineLR',
  summary: "DeepSpeed's warmup to each group's initial lr, then a cosine down to cosMinRatio of it at totalNumSteps.",
  args,
  make: ({ totalNumSteps, warmupMinRatio, warmupNumSteps, cosMinRatio, warmupType }) => {
    const n = warmupSteps(warmupNumSteps)
    const warm = warmupFraction(warmupType, n)
    // WarmupCosineLR.get_lr_ratio (lr_schedules.py:878-900), in its operation order
    const ratio = (b: number): number => {
      if (b < 0) return 0.0
      if (b < n) return warmupMinRatio + warm(b) * (1 - warmupMinRatio)
      const realLastStep = b - n + 1
      const realTotalSteps = Math.max(1, totalNumSteps - n)
      const cosineProgress = Math.min(1.0, realLastStep / realTotalSteps)
      const r = (1 + Math.cos(Math.PI * cosineProgress)) / 2
      return Math.max(0.0, cosMinRatio + (1 - cosMinRatio) * r)
    }
    // get_lr (lr_schedules.py:907-912): org_lr · ratio, org_lr the group's lr when built
    return fromStep({ lr: rowOf((b: number, base: number) => base * ratio(b)) })
  }
})

/**
 * The arguments of `deepspeed.WarmupCosineLR` (DeepSpeed's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type WarmupCosineLROptions = OptionsOf<typeof args>

/**
 * DeepSpeed's warmup to each group's initial lr, then a cosine down to cosMinRatio of it at totalNumSteps.
 *
 * @example
 * import { deepspeed, trace } from 'lr-schedule'
 * // row 0 is 0 (the constructor's ratio before any step); linear warmup over 2, then the cosine over 2 more
 * trace(deepspeed.warmupCosineLR({ totalNumSteps: 4, warmupNumSteps: 2, cosMinRatio: 0, warmupType: 'linear' }), [1], 5).lr
 * // [[0], [0], [0.5], [0.5], [0], [0]] (b = 2: (1 + cos(π/2)) / 2; b = 3: (1 + cos(π)) / 2)
 *
 * @category constructors
 * @since 0.2.0
 */
export const warmupCosineLR = WarmupCosineLR.make
