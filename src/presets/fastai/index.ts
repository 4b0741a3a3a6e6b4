/**
 * The fastai presets (`fastai.<function>`): fastai's schedule functions (`SchedLin`, `SchedCos`,
 * `SchedNo`, `SchedExp`, `SchedPoly`, `combine_scheds`) and the schedules `Learner.fit_one_cycle`,
 * `fit_flat_cos` and `fit_sgdr` give its ParamScheduler, with fastai's numbers. fastai's schedules
 * are functions of the position in the whole fit, set before every training batch: each takes the
 * fit's length (`nEpoch` and `batchesPerEpoch`; fit_sgdr derives its epochs), and row k is the
 * value of optimizer update k. Values are absolute (every group gets the schedule's value, or its
 * own with per-group arrays); the `fit_*` schedules without `lrMax`/`lr` start from each group's
 * initial lr (fastai's Learner lr).
 *
 * @since 0.2.0
 */
export { schedLin, type SchedLinOptions } from './SchedLin.js'
export { schedCos, type SchedCosOptions } from './SchedCos.js'
export { schedNo, type SchedNoOptions } from './SchedNo.js'
export { schedExp, type SchedExpOptions } from './SchedExp.js'
export { schedPoly, type SchedPolyOptions } from './SchedPoly.js'
export { combineScheds, type CombineSchedsOptions } from './combine_scheds.js'
export { fitOneCycle, type FitOneCycleOptions } from './fit_one_cycle.js'
export { fitFlatCos, type FitFlatCosOptions } from './fit_flat_cos.js'
export { fitSgdr, type FitSgdrOptions } from './fit_sgdr.js'
