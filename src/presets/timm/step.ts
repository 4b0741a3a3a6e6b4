/**
 * timm's `StepLRScheduler` (config `timm.step`): each group's base lr times `decayRate` for every
 * `decayT` steps completed (`base · decayRate^(t // decayT)`), after a linear warmup, with seeded
 * noise. Row k is the lr timm sets for `t = k`.
 *
 * Unlike cosine, tanh and poly, `warmupPrefix` defaults to true: the decay counts its steps from
 * the end of the warmup. `decayT` may be fractional (timm takes a float and uses Python's floor
 * division). PyTorch's StepLR is the same curve without warmup (`decayT` = `stepSize`).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Bool, NonNegative, NonNegativeInteger, Positive, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { boolean, nonNegative, nonNegativeInteger, positive, withDefault } from '../../core/validate.js'
import { noiseCodecs, noiseConfig, noiseOf, timmSchedule } from './common.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `timm.step` (timm's `StepLRScheduler` arguments in camelCase, timm's
 * defaults). Arguments:
 * - `decayT`: Steps between decays, > 0 (may be fractional, as timm's float).
 * - `decayRate`: The factor of each decay, >= 0. Default 1.
 * - `warmupT`: Warmup steps: an integer >= 0. Default 0.
 * - `warmupLrInit`: The lr at step 0 of the warmup, >= 0. Default 0.
 * - `warmupPrefix`: The decay counts from the end of the warmup. Default true.
 * - `noiseRangeT`, `noisePct`, `noiseStd`, `noiseSeed`: seeded noise (see docs/presets/timm.md).
 *
 * @example
 * import { timm } from 'lr-schedule'
 * timm.StepConfig.is({ type: 'timm.step', decayT: 30, decayRate: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const StepConfig = schedulerConfig('timm.step', { decayT: Positive }, {
  decayRate: NonNegative,
  warmupT: NonNegativeInteger,
  warmupLrInit: NonNegative,
  warmupPrefix: Bool,
  ...noiseCodecs
})

/**
 * The JSON config of `timm.step`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const c: timm.StepConfig = { type: 'timm.step', decayT: 30, decayRate: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type StepConfig = t.TypeOf<typeof StepConfig>

/**
 * The arguments of `timm.step`: its config without `type`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const o: timm.StepOptions = { decayT: 30, decayRate: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type StepOptions = Omit<StepConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * timm's step decay with warmup.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * trace(timm.step({ decayT: 2, decayRate: 0.5 }), [1], 4).lr // [[1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const step = (options: StepOptions): Scheduler<EpochState> => {
  const decayT = positive('decayT', options.decayT)
  const decayRate = nonNegative('decayRate', withDefault(options.decayRate, 1))
  const warmupT = nonNegativeInteger('warmupT', withDefault(options.warmupT, 0))
  const warmupLrInit = nonNegative('warmupLrInit', withDefault(options.warmupLrInit, 0))
  const warmupPrefix = boolean('warmupPrefix', withDefault(options.warmupPrefix, true))
  const noise = noiseOf(options)

  const decay = (t: number, base: number): number => base * Math.pow(decayRate, floorDiv(t, decayT))
  const lr = timmSchedule('timm.step', { warmupT, warmupLrInit, warmupPrefix }, decay, noise)

  return leaf({
    name: 'timm.step',
    config: { decayT, decayRate, warmupT, warmupLrInit, warmupPrefix, ...noiseConfig(noise) },
    lr: (e, _lr, base) => lr(e, base),
    closedForm: (e, base) => lr(e, base)
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * Python's `a // b` for a >= 0 and b > 0 (CPython's float floor division: `(a − fmod(a, b)) / b`,
 * rounded to the nearest integer when within one half; `Math.floor(a / b)` differs, e.g. at
 * `1 // 0.1`, which is 9).
 *
 * @internal
 */
export const floorDiv = (a: number, b: number): number => {
  const mod = a % b
  const div = (a - mod) / b
  const floor = Math.floor(div)
  return div - floor > 0.5 ? floor + 1 : floor
}
