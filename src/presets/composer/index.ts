/**
 * The Composer presets (`composer.<SchedulerClass>`): every ComposerScheduler of mosaicml/composer v0.32.1
 * (composer/optim/scheduler.py), with Composer's numbers, and LLM Foundry's InverseSquareRootWithWarmupScheduler. Each is a multiplier of every group's initial lr (the
 * trainer wraps it in a torch LambdaLR); time arguments are Composer's time strings (ep, ba, dur) resolved against
 * the facts every schedule takes (`maxDuration`, `batchesPerEpoch`, `scaleScheduleRatio`); the rows follow
 * Composer's Trainer (row 0 = λ(batch 0) at construction, row k = λ(batch k − 1)).
 *
 * @since 0.2.0
 */
export { stepScheduler, type StepSchedulerOptions } from './StepScheduler.js'
export { multiStepScheduler, type MultiStepSchedulerOptions } from './MultiStepScheduler.js'
export { constantScheduler, type ConstantSchedulerOptions } from './ConstantScheduler.js'
export { linearScheduler, type LinearSchedulerOptions } from './LinearScheduler.js'
export { exponentialScheduler, type ExponentialSchedulerOptions } from './ExponentialScheduler.js'
export { cosineAnnealingScheduler, type CosineAnnealingSchedulerOptions } from './CosineAnnealingScheduler.js'
export { cosineAnnealingWarmRestartsScheduler, type CosineAnnealingWarmRestartsSchedulerOptions } from './CosineAnnealingWarmRestartsScheduler.js'
export { polynomialScheduler, type PolynomialSchedulerOptions } from './PolynomialScheduler.js'
export { multiStepWithWarmupScheduler, type MultiStepWithWarmupSchedulerOptions } from './MultiStepWithWarmupScheduler.js'
export { constantWithWarmupScheduler, type ConstantWithWarmupSchedulerOptions } from './ConstantWithWarmupScheduler.js'
export { linearWithWarmupScheduler, type LinearWithWarmupSchedulerOptions } from './LinearWithWarmupScheduler.js'
export { cosineAnnealingWithWarmupScheduler, type CosineAnnealingWithWarmupSchedulerOptions } from './CosineAnnealingWithWarmupScheduler.js'
export { polynomialWithWarmupScheduler, type PolynomialWithWarmupSchedulerOptions } from './PolynomialWithWarmupScheduler.js'
export { inverseSquareRootWithWarmupScheduler, type InverseSquareRootWithWarmupSchedulerOptions } from './InverseSquareRootWithWarmupScheduler.js'
