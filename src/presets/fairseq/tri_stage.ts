/**
 * `fairseq.tri_stage`: fairseq's `TriStageLRSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/tri_stage_lr_scheduler.py; SpecAugment, Park et al. 2019) — a linear
 * warmup from `initLrScale · lr[0]` to `lr[0]` over `warmupSteps`, a hold at `lr[0]` for
 * `holdSteps`, an exponential decay to `finalLrScale · lr[0]` over `decaySteps` (its last update,
 * `warmupSteps + holdSteps + decaySteps`, still computed by the exponential), then
 * `finalLrScale · lr[0]`. With `phaseRatio` the three lengths are `int(maxUpdate · ratio)`.
 *
 * @since 0.2.0
 */
import { ArrayOf, Finite, NonNegative, NonNegativeInteger, Positive } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, optional, withDefault } from '../../internal/define.js'
import { absolute, lrArg, singleLr } from './internal.js'

const args = {
  warmupSteps: withDefault(NonNegativeInteger, 'Updates of the linear warmup: an integer ≥ 0.', 0),
  holdSteps: withDefault(NonNegativeInteger, 'Updates at the peak: an integer ≥ 0.', 0),
  decaySteps: withDefault(NonNegativeInteger, 'Updates of the exponential decay: an integer ≥ 1 unless `phaseRatio` gives it (fairseq divides by it).', 0),
  phaseRatio: optional(
    ArrayOf(NonNegative),
    'Three fractions of `maxUpdate` (summing to 1) for the warmup, hold and decay, in place of the step counts.'
  ),
  initLrScale: withDefault(Finite, 'The lr of update 0, as a fraction of `lr[0]`: any finite number.', 0.01),
  finalLrScale: withDefault(Positive, 'The lr after the decay, as a fraction of `lr[0]`: a number > 0 (fairseq takes its log).', 0.01),
  maxUpdate: withDefault(NonNegative, "fairseq's `optimization.max_update`, read with `phaseRatio`: a number ≥ 0.", 0),
  lr: lrArg('The peak lr: a one-entry list of numbers ≥ 0.')
}

/**
 * The definition of `fairseq.tri_stage`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const TriStage = define({
  type: 'fairseq.tri_stage',
  summary: "fairseq's three stages: linear warmup, hold, exponential decay.",
  args,
  make: ({ warmupSteps, holdSteps, decaySteps, phaseRatio, initLrScale, finalLrScale, maxUpdate, lr }) => {
    // TriStageLRSchedule.__init__ (tri_stage_lr_scheduler.py:91-125)
    const peak = singleLr(lr, 'tri-stage lr')
    const initLr = initLrScale * peak
    const finalLr = finalLrScale * peak
    let w = warmupSteps
    let h = holdSteps
    let d = decaySteps
    if (phaseRatio !== undefined) {
      if (phaseRatio.length !== 3) throw new ScheduleError('phaseRatio', 'three numbers (warmup, hold, decay)', phaseRatio)
      if (!(maxUpdate > 0)) throw new ScheduleError('maxUpdate', 'a number > 0 with phaseRatio (fairseq asserts max_update > 0)', maxUpdate)
      const [a, b, c] = phaseRatio as readonly [number, number, number]
      // Python's sum(): 0 + a + b + c, left to right
      if (0 + a + b + c !== 1) throw new ScheduleError('phaseRatio', 'three numbers adding up to 1 (fairseq: "phase ratios must add up to 1")', phaseRatio)
      w = Math.trunc(maxUpdate * a)
      h = Math.trunc(maxUpdate * b)
      d = Math.trunc(maxUpdate * c)
    }
    // `-math.log(final_lr_scale) / decay_steps` divides by zero with no decay (and with no steps at
    // all fairseq asserts "please specify steps or phase_ratio")
    if (d === 0)
      throw new ScheduleError(
        phaseRatio !== undefined ? 'phaseRatio' : 'decaySteps',
        phaseRatio !== undefined ? 'a decay ratio giving at least one decay update (fairseq divides by int(max_update · ratio))' : 'an integer ≥ 1 (fairseq divides by decay_steps)',
        phaseRatio !== undefined ? phaseRatio : decaySteps
      )
    const warmupRate = w !== 0 ? (peak - initLr) / w : 0
    const decayFactor = -Math.log(finalLrScale) / d
    // _decide_stage and step_update (tri_stage_lr_scheduler.py:127-175)
    return absolute((k) => {
      if (k < w) return initLr + warmupRate * k
      if (k < w + h) return peak
      if (k <= w + h + d) return peak * Math.exp(-decayFactor * (k - (w + h)))
      return finalLr
    })
  }
})

/**
 * The arguments of `fairseq.tri_stage` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type TriStageOptions = OptionsOf<typeof args>

/**
 * fairseq's three stages: linear warmup, hold, exponential decay.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.triStage({ lr: [1], warmupSteps: 2, initLrScale: 0, decaySteps: 1, finalLrScale: 0.5 }), [1], 4).lr // [[0], [0.5], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const triStage = TriStage.make
