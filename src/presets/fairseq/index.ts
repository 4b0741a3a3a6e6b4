/**
 * The fairseq presets (`fairseq.<registered name>`): the lr schedulers of fairseq v0.12.3
 * (fairseq/optim/lr_scheduler/*.py), with its numbers, rows following fairseq's trainer (row k:
 * the lr update k trains at). Absolute, as in fairseq: every param group gets the same lr, from
 * the `lr` argument (fairseq's `optimization.lr`, default `[0.25]`); the groups' initial lrs are
 * not read.
 *
 * @since 0.2.0
 */
export { fixed, type FixedOptions } from './fixed.js'
export { inverseSqrt, type InverseSqrtOptions } from './inverse_sqrt.js'
export { polynomialDecay, type PolynomialDecayOptions } from './polynomial_decay.js'
export { cosine, type CosineOptions } from './cosine.js'
export { triangular, type TriangularOptions } from './triangular.js'
export { triStage, type TriStageOptions } from './tri_stage.js'
export { step, type StepOptions } from './step.js'
export { reduceLrOnPlateau, type ReduceLrOnPlateauOptions, type FairseqPlateauState } from './reduce_lr_on_plateau.js'
export { manual, type ManualOptions } from './manual.js'
