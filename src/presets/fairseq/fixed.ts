/**
 * `fairseq.fixed`: fairseq's `FixedLRSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/fixed_schedule.py) — epoch e (from 1) trains at `lr[min(e − 1,
 * len − 1)]`, or from epoch `forceAnneal` on at `lr[len − 1] · lrShrink^(e + 1 − forceAnneal)`;
 * the first `warmupUpdates` updates k at `(k + 1) / warmupUpdates` of it. Epochs are
 * `updatesPerEpoch` updates long (fairseq counts them from the data).
 *
 * @since 0.2.0
 */
import { Finite, NonNegativeInteger } from '../../core/codec.js'
import { type OptionsOf, define, optional, withDefault } from '../../internal/define.js'
import { absolute, epochOf, lrArg, needsEpochs, updatesPerEpochArg } from './internal.js'

const args = {
  forceAnneal: optional(NonNegativeInteger, 'The epoch from which the lr shrinks by `lrShrink` per epoch: an integer ≥ 0 (left out: never).'),
  lrShrink: withDefault(Finite, 'Factor per epoch once annealing: any finite number.', 0.1),
  warmupUpdates: withDefault(NonNegativeInteger, 'Updates of the linear warmup (update k at (k + 1) / warmupUpdates): an integer ≥ 0.', 0),
  lr: lrArg('The lr of epoch e: `lr[e − 1]`, the last entry for later epochs; a non-empty list of numbers ≥ 0.'),
  updatesPerEpoch: updatesPerEpochArg
}

/**
 * The definition of `fairseq.fixed`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Fixed = define({
  type: 'fairseq.fixed',
  summary: "fairseq's lr per epoch (a list), annealed from forceAnneal on, after a linear warmup.",
  args,
  make: ({ forceAnneal, lrShrink, warmupUpdates, lr, updatesPerEpoch }) => {
    needsEpochs(updatesPerEpoch, lr, forceAnneal)
    const epoch = epochOf(updatesPerEpoch)
    const last = lr.length - 1
    // get_next_lr (fixed_schedule.py:54-64), set by step_begin_epoch before the epoch's first update
    const epochLr = (e: number): number =>
      forceAnneal === undefined || e < forceAnneal ? (lr[Math.min(e - 1, last)] as number) : (lr[last] as number) * Math.pow(lrShrink, e + 1 - forceAnneal)
    // step_update (fixed_schedule.py:72-79)
    return absolute((k) => {
      const l = epochLr(epoch(k))
      return warmupUpdates > 0 && k < warmupUpdates ? ((k + 1) / warmupUpdates) * l : l
    })
  }
})

/**
 * The arguments of `fairseq.fixed` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type FixedOptions = OptionsOf<typeof args>

/**
 * fairseq's lr per epoch (a list), annealed from forceAnneal on, after a linear warmup.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.fixed({ lr: [1, 0.5], updatesPerEpoch: 2, warmupUpdates: 2 }), [1], 4).lr // [[0.5], [1], [0.5], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const fixed = Fixed.make
