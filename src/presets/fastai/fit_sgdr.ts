/**
 * `fastai.fit_sgdr`: the schedule fastai's `Learner.fit_sgdr(n_cycles, cycle_len, lr_max,
 * cycle_mult)` (fastai/callback/schedule.py, commit 5108887) gives ParamScheduler: `n_epoch =
 * cycle_len * (cycle_mult**n_cycles-1)//(cycle_mult-1)` epochs of `batchesPerEpoch` batches, and
 * `lr: combine_scheds(pcts, [SchedCos(lr_max, 0)] * n_cycles)` with `pcts[i] = cycle_len *
 * cycle_mult**i / n_epoch`: `nCycles` cosine annealings from `lrMax` to 0, the i-th
 * `cycleLen · cycleMult^i` epochs long.
 *
 * `lrMax` absent: fastai takes the Learner's lr; here each group's initial lr. Given, it is
 * absolute. `cycleMult` 1 is rejected (fastai divides by `cycle_mult - 1`).
 *
 * @since 0.2.0
 */
import { NonNegative, PerGroup, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, optional, required, withDefault } from '../../internal/define.js'
import { type Level, annealCos, checkPcts, combine, fitArgs, fromPositions, lastPositionOf, levelOf } from './internal.js'

const args = {
  nCycles: required(PositiveInteger, 'Cycles of the cosine: an integer ≥ 1.'),
  cycleLen: required(PositiveInteger, 'Epochs of the first cycle: an integer ≥ 1.'),
  lrMax: optional(PerGroup(NonNegative), "The lr at the start of every cycle (per group), ≥ 0; absent: each group's initial lr (fastai: the Learner's lr)."),
  cycleMult: withDefault(PositiveInteger, 'Each cycle is this many times longer than the one before: an integer ≥ 2.', 2),
  batchesPerEpoch: fitArgs.batchesPerEpoch
}

/** The most epochs fit_sgdr may run here (so that every epoch count is an exact integer). */
const MAX_EPOCHS = 2 ** 31

/**
 * The definition of `fastai.fit_sgdr`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const FitSgdr = define({
  type: 'fastai.fit_sgdr',
  summary: "fastai's SGDR: nCycles cosine annealings from lrMax to 0, each cycleMult times longer than the one before.",
  args,
  make: (a) => {
    const { nCycles, cycleLen, lrMax, cycleMult, batchesPerEpoch } = a
    if (cycleMult === 1) throw new ScheduleError('cycleMult', 'an integer ≥ 2 (fastai divides by cycle_mult - 1)', cycleMult)
    // n_epoch = cycle_len * (cycle_mult**n_cycles-1)//(cycle_mult-1), exact in integers
    const nEpoch = (cycleLen * (cycleMult ** nCycles - 1)) / (cycleMult - 1)
    if (!(nEpoch <= MAX_EPOCHS))
      throw new ScheduleError('nCycles', `a number of cycles whose epochs, cycleLen · (cycleMult^nCycles − 1)/(cycleMult − 1), are at most 2^31 (they are ${nEpoch})`, nCycles)
    const pcts = Array.from({ length: nCycles }, (_, i) => (cycleLen * cycleMult ** i) / nEpoch)
    const fit = { nEpoch, batchesPerEpoch }
    checkPcts(pcts, () => lastPositionOf(fit), { path: 'nCycles', value: nCycles, what: 'cycles whose fractions of the fit (cycle_len·cycle_mult^i/n_epoch)' })
    const max: Level = lrMax === undefined ? (_i, base) => base : levelOf(lrMax)
    const zero: Level = () => 0
    return fromPositions(fit, { lr: combine(pcts, pcts.map(() => annealCos(max, zero))), perGroup: [['lrMax', lrMax]] })
  }
})

/**
 * The arguments of `fastai.fit_sgdr` (fastai's, camelCase, with the batches per epoch).
 *
 * @category model
 * @since 0.2.0
 */
export type FitSgdrOptions = OptionsOf<typeof args>

/**
 * fastai's SGDR.
 *
 * @example
 * import { fastai, trace } from 'lr-schedule'
 * // one cycle of 2 epochs of 2 batches: cos at the positions 0, 1/4, 1/2, 3/4; past the fit, the last value
 * trace(fastai.fitSgdr({ nCycles: 1, cycleLen: 2, batchesPerEpoch: 2 }), [1], 4).lr.map((r) => r[0]) // [1, 0.8535533905932737, 0.5, 0.14644660940672627, 0.14644660940672627]
 *
 * @category constructors
 * @since 0.2.0
 */
export const fitSgdr = FitSgdr.make
