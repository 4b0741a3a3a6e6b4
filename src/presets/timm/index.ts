/**
 * The timm presets (`timm.<scheduler>` configs): the schedulers of timm 1.0.29's
 * `timm.scheduler`, with timm's arguments in camelCase and timm's defaults, numbers equal to
 * timm's. Row 0 of a trace is what timm's constructor leaves, row k the lr timm sets for `t = k`;
 * each group's initial lr is its base value. See docs/presets/timm.md.
 *
 * @since 0.1.0
 */
export { type CosineOptions, cosine } from './cosine.js'
export { type TanhOptions, tanh } from './tanh.js'
export { type PolyOptions, poly } from './poly.js'
export { type StepOptions, step } from './step.js'
export { type MultistepOptions, multistep } from './multistep.js'
export { type PlateauOptions, type PlateauState, plateau } from './plateau.js'
export { type NoiseOptions, noise } from './noise.js'
