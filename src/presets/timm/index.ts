/**
 * The timm presets (`timm.<scheduler>` configs): the schedulers of timm 1.0.29's
 * `timm.scheduler`, with timm's arguments in camelCase and timm's defaults, numbers equal to
 * timm's. Row k of a trace is the lr timm sets for `t = k`; each group's initial lr is its base
 * value. See docs/presets/timm.md.
 *
 * @since 0.1.0
 */
import type { Family } from '../../core/codec.js'
import { CosineConfig, cosine } from './cosine.js'
import { MultistepConfig, multistep } from './multistep.js'
import { PlateauConfig, plateau } from './plateau.js'
import { PolyConfig, poly } from './poly.js'
import { StepConfig, step } from './step.js'
import { TanhConfig, tanh } from './tanh.js'

export { CosineConfig, type CosineOptions, cosine } from './cosine.js'
export { TanhConfig, type TanhOptions, tanh } from './tanh.js'
export { PolyConfig, type PolyOptions, poly } from './poly.js'
export { StepConfig, type StepOptions, step } from './step.js'
export { MultistepConfig, type MultistepOptions, multistep } from './multistep.js'
export { PlateauConfig, type PlateauOptions, type PlateauState, plateau } from './plateau.js'
export { type NoiseOptions, noise } from './noise.js'

const args = ({ type: _type, ...rest }: { readonly type: string }): any => rest

/**
 * The timm family of the declarative format, by `type`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * Object.keys(timm.timmFamilies) // ['timm.cosine', 'timm.tanh', 'timm.poly', 'timm.step', 'timm.multistep', 'timm.plateau']
 *
 * @category families
 * @since 0.1.0
 */
export const timmFamilies: Readonly<Record<string, Family>> = {
  'timm.cosine': { codec: CosineConfig, build: (c) => cosine(args(c)) },
  'timm.tanh': { codec: TanhConfig, build: (c) => tanh(args(c)) },
  'timm.poly': { codec: PolyConfig, build: (c) => poly(args(c)) },
  'timm.step': { codec: StepConfig, build: (c) => step(args(c)) },
  'timm.multistep': { codec: MultistepConfig, build: (c) => multistep(args(c)) },
  'timm.plateau': { codec: PlateauConfig, build: (c) => plateau(args(c)) }
}
