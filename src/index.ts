/**
 * lr-schedule: functional, immutable learning-rate schedulers, numerically faithful to PyTorch.
 *
 * @since 0.1.0
 */
export * from './errors.js'
export * from './Schedule.js'
export * from './schedulers/StepLR.js'
export * from './schedulers/MultiStepLR.js'
export * from './schedulers/ConstantLR.js'
export * from './schedulers/LinearLR.js'
export * from './schedulers/ExponentialLR.js'
export * from './schedulers/PolynomialLR.js'
export * from './schedulers/CosineAnnealingLR.js'
export * from './schedulers/LambdaLR.js'
export * from './schedulers/MultiplicativeLR.js'
export * from './schedulers/CyclicLR.js'
export { sequential, type SequentialState } from './combinators/sequential.js'
export { chain } from './combinators/chain.js'
export type { EpochState } from './internal/leaf.js'
export * from './schedulers/OneCycleLR.js'
export * from './schedulers/CosineAnnealingWarmRestarts.js'
export * from './schedulers/ReduceLROnPlateau.js'
export * from './config/codec.js'
export * from './config/decode.js'
export * from './config/checkpoint.js'
export * as optax from './presets/optax/index.js'
export * as hf from './presets/hf/index.js'
export * as timm from './presets/timm/index.js'
