/**
 * `nemo.WarmupHoldPolicy`: NeMo's `WarmupHoldPolicy` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:151-225) — the warmup of `WarmupPolicy`, the initial lr held for
 * `holdSteps` more steps and after, and `minLr` past `maxSteps`.
 *
 * @since 0.2.0
 */
import { type OptionsOf, define, required } from '../../internal/define.js'
import { PositiveInteger } from '../../core/codec.js'
import { holdArgs, holdEndOf, minLrArg, nemo, warmupArgs, warmupHoldPolicyLr, warmupOf } from './internal.js'

const args = {
  ...warmupArgs,
  ...holdArgs,
  maxSteps: required(
    PositiveInteger,
    "The step after which the lr is `minLr`: an integer ≥ 1 (NeMo's default `None` fails comparing `step > None` once the hold ends)."
  ),
  minLr: minLrArg(0.0)
}

/**
 * The definition of `nemo.WarmupHoldPolicy`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupHoldPolicy = define({
  type: 'nemo.WarmupHoldPolicy',
  summary: "NeMo's linear warmup to each group's initial lr, a hold, then constant.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    const holdEnd = holdEndOf(a, warmup, a.maxSteps)
    // WarmupPolicy._get_lr (lr_scheduler.py:86-88): the initial lrs
    return nemo(warmupHoldPolicyLr(warmup, holdEnd, a.maxSteps, a.minLr, (_step, base) => base))
  }
})

/**
 * The arguments of `nemo.WarmupHoldPolicy` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type WarmupHoldPolicyOptions = OptionsOf<typeof args>

/**
 * NeMo's linear warmup to each group's initial lr, a hold, then constant.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // (step + 1) / 4 up to step 3, held at 1 (and 1 after the hold) until minLr past step 5
 * trace(nemo.warmupHoldPolicy({ warmupSteps: 3, holdSteps: 1, maxSteps: 5, minLr: 0.1 }), [1], 6).lr // [[0.25], [0.5], [0.75], [1], [1], [1], [0.1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const warmupHoldPolicy = WarmupHoldPolicy.make
