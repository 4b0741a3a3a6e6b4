/**
 * `nemo.WarmupAnnealing`: NeMo's `WarmupAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:597-605) — the warmup of `WarmupPolicy` (each group's initial
 * lr), then a linear decay from the FIRST group's initial lr to `minLr` at `maxSteps`, set in
 * every group, and `minLr` past `maxSteps`.
 *
 * @since 0.2.0
 */
import { fromFirstGroupLr } from '../../internal/builders.js'
import { type OptionsOf, define } from '../../internal/define.js'
import { maxStepsArg, minLrArg, nemo, warmupArgs, warmupOf, warmupPolicyLr } from './internal.js'

const args = {
  ...warmupArgs,
  maxSteps: maxStepsArg,
  minLr: minLrArg(0.0, 'The end of the decay and the lr past `maxSteps` (absolute, the same in every group): a number ≥ 0.')
}

/**
 * The definition of `nemo.WarmupAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const WarmupAnnealing = define({
  type: 'nemo.WarmupAnnealing',
  summary: "NeMo's linear decay to minLr after a linear warmup (the first group's lr in every group).",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    // WarmupAnnealing._get_lr: delta_lr = base_lrs[0] - min_lr, the same lr for every group
    return fromFirstGroupLr((first) =>
      nemo(
        warmupPolicyLr(warmup, a.maxSteps, a.minLr, (step) => {
          const deltaLr = first - a.minLr
          const mult = (step - warmup) / (a.maxSteps - warmup)
          return a.minLr + (1 - mult) * deltaLr
        })
      )
    )
  }
})

/**
 * The arguments of `nemo.WarmupAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type WarmupAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's linear decay to minLr after a linear warmup (the first group's lr in every group).
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // 1 − step / 4, then minLr past step 4
 * trace(nemo.warmupAnnealing({ maxSteps: 4 }), [1], 5).lr // [[1], [0.75], [0.5], [0.25], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const warmupAnnealing = WarmupAnnealing.make
