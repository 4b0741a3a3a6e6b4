/**
 * `fastai.fit_flat_cos`: the schedule fastai's `Learner.fit_flat_cos(n_epoch, lr, div_final,
 * pct_start)` (fastai/callback/schedule.py, commit 5108887) gives ParamScheduler: `lr:
 * combined_cos(pct_start, lr, lr, lr/div_final)` over `nEpoch` epochs of `batchesPerEpoch`
 * batches — the lr flat for the first `pctStart` of the fit, then half a cosine down to
 * `lr/divFinal`. Momentum is left alone.
 *
 * `lr` absent: fastai takes the Learner's lr; here each group's initial lr. Given, it is absolute.
 *
 * @since 0.2.0
 */
import { InRange, NonNegative, PerGroup, Positive } from '../../core/codec.js'
import { type OptionsOf, define, optional, withDefault } from '../../internal/define.js'
import { type Level, checkPcts, combinedCos, fitArgs, fromPositions, lastPositionOf, levelOf } from './internal.js'

const args = {
  ...fitArgs,
  lr: optional(PerGroup(NonNegative), "The flat lr (per group), ≥ 0; absent: each group's initial lr (fastai: the Learner's lr)."),
  divFinal: withDefault(Positive, 'The lr ends at `lr / divFinal`: a number > 0.', 1e5),
  pctStart: withDefault(InRange(0, 1), 'The fraction of the fit at the flat lr, in [0, 1].', 0.75)
}

/**
 * The definition of `fastai.fit_flat_cos`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const FitFlatCos = define({
  type: 'fastai.fit_flat_cos',
  summary: "fastai's flat lr, then a cosine annealing down to lr/divFinal.",
  args,
  make: (a) => {
    const { lr, divFinal, pctStart } = a
    checkPcts([pctStart, 1 - pctStart], () => lastPositionOf(a), { path: 'pctStart', value: pctStart, what: 'a pctStart' })
    const flat: Level = lr === undefined ? (_i, base) => base : levelOf(lr)
    return fromPositions(a, { lr: combinedCos(pctStart, flat, flat, (i, b) => flat(i, b) / divFinal), perGroup: [['lr', lr]] })
  }
})

/**
 * The arguments of `fastai.fit_flat_cos` (fastai's, camelCase, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type FitFlatCosOptions = OptionsOf<typeof args>

/**
 * fastai's flat lr, then a cosine annealing.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * trace(fastai.fitFlatCos({ nEpoch: 1, batchesPerEpoch: 4, divFinal: 2, pctStart: 0.5 }), [1], 3).lr // [[1], [1], [1], [0.75]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const fitFlatCos = FitFlatCos.make
