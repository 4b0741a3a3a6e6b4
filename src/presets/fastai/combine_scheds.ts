/**
 * `fastai.combine_scheds`: fastai's `combine_scheds(pcts, scheds)` (fastai/callback/schedule.py,
 * commit 5108887) as `ParamScheduler({'lr': combine_scheds(pcts, scheds)})` sets it over a fit of
 * `nEpoch` epochs of `batchesPerEpoch` batches: `scheds[j]` runs over the positions from `pcts[0] +
 * … + pcts[j-1]` to `pcts[0] + … + pcts[j]`, each from its own position 0 to 1. The children are
 * annealers (`fastai.SchedLin`, `SchedCos`, `SchedNo`, `SchedExp`, `SchedPoly`) without a fit
 * length of their own.
 *
 * fastai computes the segment and the position inside it in float32 (its `pcts` are a float32
 * tensor); so does this (see `combine` in internal.ts). As fastai: `pcts` must sum to 1 (Python's
 * sum, exactly), a zero pct skips its schedule, and a position at or past the last edge stays in
 * the last segment.
 *
 * @since 0.2.0
 */
import { ArrayOf, NonNegative } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, required } from '../../internal/define.js'
import { ChildSchedule, type PerGroupValue, checkExp, checkPcts, combine, fitArgs, fromPositions, lastPositionOf, schedOf } from './internal.js'

const args = {
  pcts: required(ArrayOf(NonNegative, { nonEmpty: true }), 'The fraction of the fit each schedule takes: numbers ≥ 0 that sum to 1 (exactly, as Python sums them).'),
  scheds: required(
    ArrayOf(ChildSchedule, { nonEmpty: true }),
    'One schedule per pct: `{"type": "fastai.SchedLin" | "fastai.SchedCos" | "fastai.SchedNo" | "fastai.SchedExp", "start", "end"}` or `{"type": "fastai.SchedPoly", "start", "end", "power"}`.'
  ),
  ...fitArgs
}

/**
 * The definition of `fastai.combine_scheds`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const CombineScheds = define({
  type: 'fastai.combine_scheds',
  summary: "fastai's schedules one after the other, each over its fraction of the fit.",
  args,
  make: (a) => {
    const { pcts, scheds } = a
    if (scheds.length !== pcts.length)
      throw new ScheduleError('scheds', `${pcts.length} schedule${pcts.length === 1 ? '' : 's'} (one per pct)`, scheds)
    checkPcts(pcts, () => lastPositionOf(a), { path: 'pcts', value: pcts, what: 'pcts' })
    const perGroup: Array<readonly [string, PerGroupValue]> = []
    scheds.forEach((c, j) => {
      if (c.type === 'fastai.SchedExp') checkExp(c.start, c.end, `scheds[${j}].`)
      perGroup.push([`scheds[${j}].start`, c.start], [`scheds[${j}].end`, c.end])
    })
    return fromPositions(a, { lr: combine(pcts, scheds.map(schedOf)), perGroup })
  }
})

/**
 * The arguments of `fastai.combine_scheds` (fastai's, with the fit's length).
 *
 * @category model
 * @since 0.2.0
 */
export type CombineSchedsOptions = OptionsOf<typeof args>

/**
 * fastai's schedules one after the other, each over its fraction of the fit.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * const s = fastai.combineScheds({
 *   pcts: [0.5, 0.5],
 *   scheds: [{ type: 'fastai.SchedLin', start: 0, end: 1 }, { type: 'fastai.SchedNo', start: 1, end: 1 }],
 *   nEpoch: 1,
 *   batchesPerEpoch: 4
 * })
 * trace(s, [1], 3).lr // [[0], [0.5], [1], [1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const combineScheds = CombineScheds.make
