/**
 * `nemo.NoamHoldAnnealing`: NeMo's `NoamHoldAnnealing` (NVIDIA/NeMo v2.4.0,
 * nemo/core/optim/lr_scheduler.py:384-390, 533-594; Squeezeformer) — the warmup and hold of
 * `WarmupHoldPolicy`, then each group's initial lr times
 * `max(1, warmupSteps^decayRate) / max(1, (step − holdSteps)^decayRate)` (the hold's own length,
 * not its end), floored at `minLr`, and `minLr` past `maxSteps`.
 *
 * @since 0.2.0
 */
import { Finite } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { holdArgs, holdEndOf, maxStepsArg, minLrArg, nemo, warmupArgs, warmupHoldPolicyLr, warmupOf } from './internal.js'

const args = {
  ...warmupArgs,
  ...holdArgs,
  maxSteps: maxStepsArg,
  decayRate: withDefault(Finite, 'The exponent of the decay after the hold: any finite number (0.5: Noam; 1.0: Squeezeformer).', 0.5),
  minLr: minLrArg(0.0, 'The floor of the decay and the lr past `maxSteps` (absolute, the same in every group): a number ≥ 0.')
}

/**
 * The definition of `nemo.NoamHoldAnnealing`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const NoamHoldAnnealing = define({
  type: 'nemo.NoamHoldAnnealing',
  summary: "NeMo's Noam decay after a linear warmup and a hold (Squeezeformer).",
  args,
  make: (a) => {
    const warmup = warmupOf(a, a.maxSteps)
    // NoamHoldAnnealing._get_lr raises "Noam scheduler cannot be used without warmup steps"
    if (warmup === 0)
      throw new ScheduleError(
        a.warmupRatio === undefined ? 'warmupSteps' : 'warmupRatio',
        'a warmup of at least 1 step (NeMo: "Noam scheduler cannot be used without warmup steps")',
        a.warmupRatio ?? a.warmupSteps
      )
    const holdEnd = holdEndOf(a, warmup, a.maxSteps)
    // _get_lr (lr_scheduler.py:577-594): the hold's length, and _noam_hold_annealing (384-390)
    const hold = holdEnd > 0 ? holdEnd - warmup : 0
    const tWarmupDecay = Math.max(1, Math.pow(warmup, a.decayRate))
    if (!Number.isFinite(tWarmupDecay))
      throw new ScheduleError('decayRate', `small enough that warmupSteps^decayRate is finite (NeMo: OverflowError)`, a.decayRate)
    return nemo(
      warmupHoldPolicyLr(warmup, holdEnd, a.maxSteps, a.minLr, (step, base) => {
        const tHoldDecay = Math.max(1, Math.pow(step - hold, a.decayRate))
        const lr = (base * tWarmupDecay) / tHoldDecay
        return Math.max(lr, a.minLr)
      })
    )
  }
})

/**
 * The arguments of `nemo.NoamHoldAnnealing` (NeMo's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type NoamHoldAnnealingOptions = OptionsOf<typeof args>

/**
 * NeMo's Noam decay after a linear warmup and a hold (Squeezeformer).
 *
 * @example
 * import { nemo, trace } from 'lr-schedule'
 * // warmup (step + 1) / 4 to step 3, held at step 4, then 3^1 / (step − 2)^1, minLr past step 6
 * trace(nemo.noamHoldAnnealing({ warmupSteps: 3, holdSteps: 2, decayRate: 1, maxSteps: 6, minLr: 0.1 }), [1], 7).lr // [[0.25], [0.5], [0.75], [1], [1], [1], [0.75], [0.1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const noamHoldAnnealing = NoamHoldAnnealing.make
