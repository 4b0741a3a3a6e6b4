/**
 * `fastai.fit_one_cycle`: the schedules fastai's `Learner.fit_one_cycle(n_epoch, lr_max, div,
 * div_final, pct_start, moms)` (fastai/callback/schedule.py, commit 5108887) gives ParamScheduler:
 * `lr: combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final)` and `mom:
 * combined_cos(pct_start, *moms)`, over `nEpoch` epochs of `batchesPerEpoch` batches. The lr rises
 * on half a cosine from `lrMax/div` to `lrMax` over the first `pctStart` of the fit, then falls on
 * half a cosine to `lrMax/divFinal`; the momentum (or Adam's beta1) goes from `moms[0]` to
 * `moms[1]` and back to `moms[2]` meanwhile.
 *
 * `lrMax` absent: fastai takes the Learner's lr (`self.lr`); here each group's initial lr. Given,
 * it is absolute (one for all groups, or one per group: fastai's discriminative lrs as an array).
 *
 * @since 0.2.0
 */
import { ArrayOf, InRange, NonNegative, PerGroup, Positive } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, optional, withDefault } from '../../internal/define.js'
import { type Level, checkPcts, combinedCos, fitArgs, fromPositions, lastPositionOf, levelOf } from './internal.js'

const args = {
  ...fitArgs,
  lrMax: optional(PerGroup(NonNegative), "The peak lr (per group), ≥ 0; absent: each group's initial lr (fastai: the Learner's lr)."),
  div: withDefault(Positive, 'The lr starts at `lrMax / div`: a number > 0.', 25),
  divFinal: withDefault(Positive, 'The lr ends at `lrMax / divFinal`: a number > 0.', 1e5),
  pctStart: withDefault(InRange(0, 1), 'The fraction of the fit spent rising, in [0, 1].', 0.25),
  moms: withDefault(ArrayOf(NonNegative), 'The momentum at the start, at the peak of the lr and at the end: three numbers ≥ 0.', [0.95, 0.85, 0.95])
}

/**
 * The definition of `fastai.fit_one_cycle`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const FitOneCycle = define({
  type: 'fastai.fit_one_cycle',
  summary: "fastai's 1cycle policy: the lr up from lrMax/div to lrMax on a cosine, then down to lrMax/divFinal; momentum inversely.",
  args,
  make: (a) => {
    const { lrMax, div, divFinal, pctStart, moms } = a
    if (moms.length !== 3) throw new ScheduleError('moms', 'three numbers (start, middle, end: combined_cos(pct_start, *moms))', moms)
    checkPcts([pctStart, 1 - pctStart], () => lastPositionOf(a), { path: 'pctStart', value: pctStart, what: 'a pctStart' })
    const max: Level = lrMax === undefined ? (_i, base) => base : levelOf(lrMax)
    const [m0, m1, m2] = moms.map((m) => levelOf(m)) as [Level, Level, Level]
    return fromPositions(a, {
      // lr_max/div, lr_max, lr_max/div_final (numpy float64 divisions)
      lr: combinedCos(pctStart, (i, b) => max(i, b) / div, max, (i, b) => max(i, b) / divFinal),
      momentum: combinedCos(pctStart, m0, m1, m2),
      perGroup: [['lrMax', lrMax]]
    })
  }
})

/**
 * The arguments of `fastai.fit_one_cycle` (fastai's, camelCase, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type FitOneCycleOptions = OptionsOf<typeof args>

/**
 * fastai's 1cycle policy.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * const t = trace(fastai.fitOneCycle({ nEpoch: 1, batchesPerEpoch: 2, lrMax: 1, div: 4, pctStart: 0.5 }), [{ lr: 1, momentum: 0.9 }], 1)
 * t.lr // [[0.25], [1]]
 * t.momentum // [[0.95], [0.85]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const fitOneCycle = FitOneCycle.make
