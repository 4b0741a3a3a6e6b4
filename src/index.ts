/**
 * lr-schedule: functional, immutable learning-rate schedulers, numerically faithful to PyTorch and
 * to the schedules of optax, Keras, Hugging Face transformers and timm.
 *
 * @since 0.1.0
 */
export { ScheduleError, type ConfigError } from './core/errors.js'
export {
  type ParamGroup,
  type Groups,
  type StepInput,
  type Reducer,
  type Scheduler,
  type AnyScheduler,
  type SchedulerConfig,
  type Trace,
  type ArrayTrace,
  type TraceBuffers,
  paramGroups
} from './core/model.js'
export { trace, resume, traceArray, closedFormTrace, closedFormOf, setsMomentum, takesMetric } from './folds.js'
export type { EpochState } from './internal/leaf.js'
export { stepLR, type StepLROptions } from './schedulers/StepLR.js'
export { multiStepLR, type MultiStepLROptions } from './schedulers/MultiStepLR.js'
export { constantLR, type ConstantLROptions } from './schedulers/ConstantLR.js'
export { linearLR, type LinearLROptions } from './schedulers/LinearLR.js'
export { exponentialLR, type ExponentialLROptions } from './schedulers/ExponentialLR.js'
export { polynomialLR, type PolynomialLROptions } from './schedulers/PolynomialLR.js'
export { cosineAnnealingLR, type CosineAnnealingLROptions } from './schedulers/CosineAnnealingLR.js'
export { lambdaLR, type LambdaLROptions, type LrLambda } from './schedulers/LambdaLR.js'
export { multiplicativeLR, type MultiplicativeLROptions } from './schedulers/MultiplicativeLR.js'
export { cyclicLR, type CyclicLROptions, type CyclicMode, cyclePosition } from './schedulers/CyclicLR.js'
export { oneCycleLR, type OneCycleLROptions } from './schedulers/OneCycleLR.js'
export {
  cosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
  warmRestartPosition
} from './schedulers/CosineAnnealingWarmRestarts.js'
export { reduceLROnPlateau, type ReduceLROnPlateauOptions, type PlateauState } from './schedulers/ReduceLROnPlateau.js'
export { swaLR, type SWALROptions } from './schedulers/SWALR.js'
export { sequential, type SequentialState } from './combinators/sequential.js'
export { chain } from './combinators/chain.js'
export { every, type EveryState } from './combinators/every.js'
export { schedulerTypes } from './registry.js'
export * from './json/decode.js'
export * from './json/checkpoint.js'
export { readTrainerConfig, trainerConfigFormats, type TrainerConfig, type TrainerFacts } from './json/trainers.js'
export * as optax from './presets/optax/index.js'
export * as keras from './presets/keras/index.js'
export * as hf from './presets/hf/index.js'
export * as timm from './presets/timm/index.js'
export * as fastai from './presets/fastai/index.js'
export * as fairseq from './presets/fairseq/index.js'
export * as deepspeed from './presets/deepspeed/index.js'
export * as nemo from './presets/nemo/index.js'
export * as composer from './presets/composer/index.js'
