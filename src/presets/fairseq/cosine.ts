/**
 * `fairseq.cosine`: fairseq's `CosineLRSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/cosine_lr_scheduler.py) — a linear warmup from `warmupInitLr` to
 * `lr[0]`, then SGDR cosine periods from `lr[0]` to `minLr`, each `tMult` times longer than the
 * one before and both ends shrunk by `lrShrink` per period. The first period lasts
 * `lrPeriodUpdates`, or else `maxUpdate − warmupUpdates`: the lr restarts (at `lr[0] · lrShrink`)
 * exactly at update `maxUpdate`.
 *
 * @since 0.2.0
 */
import { Finite, InRange, NonNegative, NonNegativeInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { absolute, lrArg, singleLr } from './internal.js'

const args = {
  warmupUpdates: withDefault(NonNegativeInteger, 'Updates of the linear warmup: an integer ≥ 0.', 0),
  warmupInitLr: withDefault(Finite, 'The lr of update 0 with a warmup: any finite number (negative: `minLr`).', -1),
  lr: lrArg('The max lr (greater than `minLr`): a one-entry list of numbers ≥ 0.'),
  minLr: withDefault(NonNegative, 'The min lr of the first period: a number ≥ 0.', 0.0),
  tMult: withDefault(InRange(1, Infinity), 'Growth of each period: a number ≥ 1 (below 1 fairseq takes the log of a negative number).', 1.0),
  lrPeriodUpdates: withDefault(Finite, 'Updates of the first period: a number (≤ 0: `maxUpdate − warmupUpdates`).', -1),
  lrShrink: withDefault(Finite, 'Factor of both ends per period: any finite number.', 0.1),
  maxUpdate: withDefault(NonNegativeInteger, "fairseq's `optimization.max_update`, giving the period when `lrPeriodUpdates` ≤ 0: an integer ≥ 0.", 0)
}

/**
 * The definition of `fairseq.cosine`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Cosine = define({
  type: 'fairseq.cosine',
  summary: "fairseq's cosine periods with restarts (SGDR) after a linear warmup.",
  args,
  make: ({ warmupUpdates, warmupInitLr, lr, minLr, tMult, lrPeriodUpdates, lrShrink, maxUpdate }) => {
    // CosineLRSchedule.__init__ (cosine_lr_scheduler.py:72-108)
    const maxLr = singleLr(lr, 'cosine')
    if (!(maxLr > minLr)) throw new ScheduleError('lr', `an lr greater than minLr = ${minLr} (fairseq asserts max_lr > min_lr)`, lr)
    const init = warmupInitLr < 0 ? minLr : warmupInitLr
    let period = lrPeriodUpdates
    if (period <= 0) {
      period = maxUpdate - warmupUpdates
      if (!(period > 0))
        throw new ScheduleError(
          'maxUpdate',
          `an integer greater than warmupUpdates = ${warmupUpdates} when lrPeriodUpdates ≤ 0 (the period maxUpdate − warmupUpdates; fairseq: "Either --max_update or --lr-period-updates must be set")`,
          maxUpdate
        )
    }
    const lrStep = warmupUpdates > 0 ? (maxLr - init) / warmupUpdates : 1
    const logT = Math.log(tMult)
    // step_update (cosine_lr_scheduler.py:117-147); Python's math.log(x, base) is log(x) / log(base)
    return absolute((k) => {
      if (k < warmupUpdates) return init + k * lrStep
      const curr = k - warmupUpdates
      let i: number
      let tI: number
      let tCurr: number
      if (tMult !== 1) {
        i = Math.floor(Math.log(1 - (curr / period) * (1 - tMult)) / logT)
        tI = Math.pow(tMult, i) * period
        tCurr = curr - ((1 - Math.pow(tMult, i)) / (1 - tMult)) * period
      } else {
        i = Math.floor(curr / period)
        tI = period
        tCurr = curr - period * i
      }
      const shrink = Math.pow(lrShrink, i)
      const lo = minLr * shrink
      const hi = maxLr * shrink
      return lo + 0.5 * (hi - lo) * (1 + Math.cos((Math.PI * tCurr) / tI))
    })
  }
})

/**
 * The arguments of `fairseq.cosine` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type CosineOptions = OptionsOf<typeof args>

/**
 * fairseq's cosine periods with restarts (SGDR) after a linear warmup.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.cosine({ lr: [1], maxUpdate: 2, lrShrink: 0.5 }), [1], 2).lr // [[1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const cosine = Cosine.make
