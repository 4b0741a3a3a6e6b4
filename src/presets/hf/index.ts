/**
 * The Hugging Face transformers presets (`hf.<scheduler type>`): the schedules of transformers 5.18's
 * `get_scheduler`, with its numbers. Each is a multiplier of every group's initial lr (transformers
 * builds them on PyTorch's LambdaLR), but for `reduce_lr_on_plateau`, which is PyTorch's
 * ReduceLROnPlateau.
 *
 * @since 0.1.0
 */
import type { Family } from '../../core/codec.js'
import { ConstantConfig, constant } from './constant.js'
import { ConstantWithWarmupConfig, constantWithWarmup } from './constant_with_warmup.js'
import { CosineConfig, cosine } from './cosine.js'
import { CosineWarmupWithMinLrConfig, cosineWarmupWithMinLr } from './cosine_warmup_with_min_lr.js'
import { CosineWithMinLrConfig, cosineWithMinLr } from './cosine_with_min_lr.js'
import { CosineWithRestartsConfig, cosineWithRestarts } from './cosine_with_restarts.js'
import { InverseSqrtConfig, inverseSqrt } from './inverse_sqrt.js'
import { LinearConfig, linear } from './linear.js'
import { PolynomialConfig, polynomial } from './polynomial.js'
import { ReduceLrOnPlateauConfig, reduceLrOnPlateau } from './reduce_lr_on_plateau.js'
import { WarmupStableDecayConfig, warmupStableDecay } from './warmup_stable_decay.js'

export * from './constant.js'
export * from './constant_with_warmup.js'
export * from './linear.js'
export * from './cosine.js'
export * from './cosine_with_restarts.js'
export * from './polynomial.js'
export * from './inverse_sqrt.js'
export * from './cosine_with_min_lr.js'
export * from './cosine_warmup_with_min_lr.js'
export * from './warmup_stable_decay.js'
export * from './reduce_lr_on_plateau.js'

const args = ({ type: _type, ...rest }: { readonly type: string }): any => rest

/**
 * The transformers family of the declarative format, by `type` (`hf.linear`, `hf.cosine`, ...).
 *
 * @example
 * import { hf } from 'lr-schedule'
 * Object.keys(hf.hfFamilies).includes('hf.warmup_stable_decay') // true
 *
 * @category families
 * @since 0.1.0
 */
export const hfFamilies: Readonly<Record<string, Family>> = {
  'hf.constant': { codec: ConstantConfig, build: (c) => constant(args(c)) },
  'hf.constant_with_warmup': { codec: ConstantWithWarmupConfig, build: (c) => constantWithWarmup(args(c)) },
  'hf.linear': { codec: LinearConfig, build: (c) => linear(args(c)) },
  'hf.cosine': { codec: CosineConfig, build: (c) => cosine(args(c)) },
  'hf.cosine_with_restarts': { codec: CosineWithRestartsConfig, build: (c) => cosineWithRestarts(args(c)) },
  'hf.polynomial': { codec: PolynomialConfig, build: (c) => polynomial(args(c)) },
  'hf.inverse_sqrt': { codec: InverseSqrtConfig, build: (c) => inverseSqrt(args(c)) },
  'hf.cosine_with_min_lr': { codec: CosineWithMinLrConfig, build: (c) => cosineWithMinLr(args(c)) },
  'hf.cosine_warmup_with_min_lr': { codec: CosineWarmupWithMinLrConfig, build: (c) => cosineWarmupWithMinLr(args(c)) },
  'hf.warmup_stable_decay': { codec: WarmupStableDecayConfig, build: (c) => warmupStableDecay(args(c)) },
  'hf.reduce_lr_on_plateau': { codec: ReduceLrOnPlateauConfig, build: (c) => reduceLrOnPlateau(args(c)) }
}
