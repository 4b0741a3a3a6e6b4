/**
 * `nemo.NoamAnnealing`: NeMo's `NoamAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:473-530) — each group's initial lr times
 * `dModel^−0.5 · min(step^−0.5, step · warmupSteps^−1.5)` (`dModel^−0.5 · step^−0.5` without a
 * warmup), with step = max(1, last_epoch) so that rows 0 and 1 agree, floored at `minLr` after the
 * warmup. `maxSteps` only sizes `warmupRatio`: there is no end.
 *
 * @since 0.2.0
 */
import { NonNegativeInteger, Positive } from '../../core/codec.js'
import { type OptionsOf, define, optional, required } from '../../internal/define.js'
import { minLrArg, nemo, warmupArgs, warmupOf } from './internal.js'

const args = {
  dModel: required(Positive, 'The model dimension: the lr scale is `dModel^−0.5`; a number > 0.'),
  ...warmupArgs,
  maxSteps: optional(NonNegativeInteger, 'The total steps `warmupRatio` is a fraction of: an integer ≥ 0 (the schedule has no end; left out: `None`).'),
  minLr: minLrArg(0.0, 'The floor of the decay after the warmup (absolute, the same in every group): a number ≥ 0.')
}

/**
 * The definition of `nemo.NoamAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const NoamAnnealing = define({
  type: 'nemo.NoamAnnealing',
  summary: "NeMo's Noam schedule: dModel^-0.5 times a linear warmup then an inverse square-root decay.",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    const normalize = Math.pow(a.dModel, -0.5)
    // get_lr and _noam_annealing (lr_scheduler.py:506-530)
    return nemo((lastEpoch, base) => {
      const step = Math.max(1, lastEpoch)
      const mult = warmup > 0 ? normalize * Math.min(Math.pow(step, -0.5), step * Math.pow(warmup, -1.5)) : normalize * Math.pow(step, -0.5)
      const out = base * mult
      return step > warmup ? Math.max(out, a.minLr) : out
    })
  }
})

/**
 * The arguments of `nemo.NoamAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type NoamAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's Noam schedule: dModel^-0.5 times a linear warmup then an inverse square-root decay.
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // dModel 16: 0.25 · min(step^−0.5, step / 4^1.5) at step = max(1, k): 1/32, 1/32, 1/16, then 0.25 / √k
 * trace(nemo.noamAnnealing({ dModel: 16, warmupSteps: 4 }), [1], 4).lr // [[0.03125], [0.03125], [0.0625], [0.09375], [0.125]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const noamAnnealing = NoamAnnealing.make
