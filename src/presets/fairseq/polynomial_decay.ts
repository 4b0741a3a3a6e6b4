/**
 * `fairseq.polynomial_decay`: fairseq's `PolynomialDecayLRSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/polynomial_decay_schedule.py) — a linear warmup from 0 to `lr` over
 * `warmupUpdates` (update 0 trains at 0), then `(lr − endLearningRate) · (1 − (k − warmupUpdates)
 * / (totalNumUpdate − warmupUpdates))^power + endLearningRate`, and `endLearningRate` from
 * `totalNumUpdate` on.
 *
 * The `lr` of epoch e (from 1) is fairseq's `get_next_lr(e)`: `lr[min(e, len − 1)]` (an index
 * from `e`, not `e − 1` as in `fixed`: with several entries epoch 1 takes `lr[1]`), or from epoch
 * `forceAnneal` on the lr the optimizer has when the epoch starts (the schedule's value at the
 * epoch's first update, computed with the previous epoch's `lr`), so the decay restarts from there
 * each epoch. Epochs are `updatesPerEpoch` updates long.
 *
 * @since 0.2.0
 */
import { Finite, NonNegative, NonNegativeInteger, Positive } from '../../core/codec.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { absolute, epochOf, lrArg, needsEpochs, updatesPerEpochArg } from './internal.js'

const args = {
  warmupUpdates: withDefault(NonNegativeInteger, 'Updates of the linear warmup from 0: an integer ≥ 0.', 0),
  forceAnneal: optional(NonNegativeInteger, 'The epoch from which each epoch decays from the lr it starts at: an integer ≥ 0 (left out: never).'),
  endLearningRate: withDefault(NonNegative, 'The lr from `totalNumUpdate` on: a number ≥ 0.', 0.0),
  power: withDefault(Finite, 'The exponent of the decay: any finite number (1: linear).', 1.0),
  totalNumUpdate: required(Positive, "The update at which the decay ends: a number > 0 (fairseq's default is `optimization.max_update`, 0, which it rejects)."),
  lr: lrArg('The peak lr of epoch e: `lr[min(e, len − 1)]`; a non-empty list of numbers ≥ 0.'),
  updatesPerEpoch: updatesPerEpochArg
}

/**
 * The definition of `fairseq.polynomial_decay`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const PolynomialDecay = define({
  type: 'fairseq.polynomial_decay',
  summary: "fairseq's polynomial decay to endLearningRate after a linear warmup from 0.",
  args,
  make: ({ warmupUpdates, forceAnneal, endLearningRate, power, totalNumUpdate, lr, updatesPerEpoch }) => {
    needsEpochs(updatesPerEpoch, lr, forceAnneal)
    const epoch = epochOf(updatesPerEpoch)
    const last = lr.length - 1
    const w = warmupUpdates
    // step_update (polynomial_decay_schedule.py:69-84), with the epoch's `self.lr`
    const at = (k: number, peak: number): number => {
      if (w > 0 && k <= w) return (k / w) * peak
      if (k >= totalNumUpdate) return endLearningRate
      const pctRemaining = 1 - (k - w) / (totalNumUpdate - w)
      return (peak - endLearningRate) * Math.pow(pctRemaining, power) + endLearningRate
    }
    // `self.lr` of each epoch (get_next_lr, polynomial_decay_schedule.py:53-61): epoch 0 stands for
    // the constructor's `cfg.lr[0]`; annealing, the optimizer's lr when the epoch begins, what
    // step_update(first update of the epoch) set with the previous epoch's lr. Memoised, in order.
    const peaks: number[] = [lr[0] as number]
    const peakOf = (e: number): number => {
      for (let j = peaks.length; j <= e; j++) {
        const prev = peaks[j - 1] as number
        peaks.push(forceAnneal === undefined || j < forceAnneal ? (lr[Math.min(j, last)] as number) : at((j - 1) * (updatesPerEpoch ?? 0), prev))
      }
      return peaks[e] as number
    }
    return absolute((k) => at(k, peakOf(epoch(k))))
  }
})

/**
 * The arguments of `fairseq.polynomial_decay` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type PolynomialDecayOptions = OptionsOf<typeof args>

/**
 * fairseq's polynomial decay to endLearningRate after a linear warmup from 0.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.polynomialDecay({ lr: [1], warmupUpdates: 2, totalNumUpdate: 4 }), [1], 5).lr // [[0], [0.5], [1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const polynomialDecay = PolynomialDecay.make
