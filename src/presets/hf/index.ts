/**
 * The Hugging Face transformers presets (`hf.<scheduler type>`): the schedules of transformers 5.18's
 * `get_scheduler`, with its numbers. Each is a multiplier of every group's initial lr (transformers
 * builds them on PyTorch's LambdaLR), but for `reduce_lr_on_plateau`, which is PyTorch's
 * ReduceLROnPlateau, and `greedy` (transformers' GreedyLR), whose lrs are absolute.
 *
 * @since 0.1.0
 */
export { constant, type ConstantOptions } from './constant.js'
export { constantWithWarmup, type ConstantWithWarmupOptions } from './constant_with_warmup.js'
export { linear, type LinearOptions } from './linear.js'
export { cosine, type CosineOptions } from './cosine.js'
export { cosineWithRestarts, type CosineWithRestartsOptions } from './cosine_with_restarts.js'
export { polynomial, type PolynomialOptions } from './polynomial.js'
export { inverseSqrt, type InverseSqrtOptions } from './inverse_sqrt.js'
export { cosineWithMinLr, type CosineWithMinLrOptions } from './cosine_with_min_lr.js'
export { cosineWarmupWithMinLr, type CosineWarmupWithMinLrOptions } from './cosine_warmup_with_min_lr.js'
export { warmupStableDecay, type WarmupStableDecayOptions, type WsdShape } from './warmup_stable_decay.js'
export { reduceLrOnPlateau, type ReduceLrOnPlateauOptions } from './reduce_lr_on_plateau.js'
export { greedy, type GreedyOptions, type GreedyState } from './greedy.js'
