/**
 * timm's `MultiStepLRScheduler` (config `timm.multistep`): each group's base lr times
 * `decayRate` for every milestone `b` in `decayT` with `b <= t + 1` (timm's `bisect_right(decay_t,
 * t + 1)`), after a linear warmup, with seeded noise. Row k is the lr timm sets for `t = k`.
 *
 * A milestone `b` applies at step `b − 1`, one step earlier than PyTorch's MultiStepLR (at `b`);
 * a milestone listed twice decays twice. `warmupPrefix` defaults to true: the milestones count
 * from the end of the warmup.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { ArrayOf, Bool, NonNegative, NonNegativeInteger, schedulerConfig } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { array, boolean, nonNegative, nonNegativeInteger, withDefault } from '../../core/validate.js'
import { noiseCodecs, noiseConfig, noiseOf, timmSchedule } from './common.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `timm.multistep` (timm's `MultiStepLRScheduler` arguments in camelCase,
 * timm's defaults). Arguments:
 * - `decayT`: The milestones: non-negative integers in non-decreasing order (timm bisects them).
 * - `decayRate`: The factor of each decay, >= 0. Default 1.
 * - `warmupT`: Warmup steps: an integer >= 0. Default 0.
 * - `warmupLrInit`: The lr at step 0 of the warmup, >= 0. Default 0.
 * - `warmupPrefix`: The milestones count from the end of the warmup. Default true.
 * - `noiseRangeT`, `noisePct`, `noiseStd`, `noiseSeed`: seeded noise (see docs/presets/timm.md).
 *
 * @example
 * import { timm } from 'lr-schedule'
 * timm.MultistepConfig.is({ type: 'timm.multistep', decayT: [30, 60], decayRate: 0.1 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const MultistepConfig = schedulerConfig('timm.multistep', { decayT: ArrayOf(NonNegativeInteger) }, {
  decayRate: NonNegative,
  warmupT: NonNegativeInteger,
  warmupLrInit: NonNegative,
  warmupPrefix: Bool,
  ...noiseCodecs
})

/**
 * The JSON config of `timm.multistep`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const c: timm.MultistepConfig = { type: 'timm.multistep', decayT: [30, 60], decayRate: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type MultistepConfig = t.TypeOf<typeof MultistepConfig>

/**
 * The arguments of `timm.multistep`: its config without `type`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const o: timm.MultistepOptions = { decayT: [30, 60], decayRate: 0.1 }
 *
 * @category model
 * @since 0.1.0
 */
export type MultistepOptions = Omit<MultistepConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * timm's multi-step decay with warmup: milestone `b` applies at step `b − 1`.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * trace(timm.multistep({ decayT: [2, 4], decayRate: 0.5 }), [1], 4).lr // [[1], [0.5], [0.5], [0.25], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const multistep = (options: MultistepOptions): Scheduler<EpochState> => {
  const decayT = array<unknown>('decayT', options.decayT).map((b, i) => nonNegativeInteger(`decayT[${i}]`, b))
  decayT.forEach((b, i) => {
    if (i > 0 && b < (decayT[i - 1] as number))
      throw new ScheduleError(`decayT[${i}]`, `a milestone >= ${decayT[i - 1]} (milestones must not decrease: timm bisects them)`, b)
  })
  const decayRate = nonNegative('decayRate', withDefault(options.decayRate, 1))
  const warmupT = nonNegativeInteger('warmupT', withDefault(options.warmupT, 0))
  const warmupLrInit = nonNegative('warmupLrInit', withDefault(options.warmupLrInit, 0))
  const warmupPrefix = boolean('warmupPrefix', withDefault(options.warmupPrefix, true))
  const noise = noiseOf(options)

  // bisect_right(decayT, t + 1): the milestones <= t + 1
  const passed = (t: number): number => {
    let lo = 0
    let hi = decayT.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (t + 1 < (decayT[mid] as number)) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  const decay = (t: number, base: number): number => base * Math.pow(decayRate, passed(t))
  const lr = timmSchedule('timm.multistep', { warmupT, warmupLrInit, warmupPrefix }, decay, noise)

  return leaf({
    name: 'timm.multistep',
    config: { decayT, decayRate, warmupT, warmupLrInit, warmupPrefix, ...noiseConfig(noise) },
    lr: (e, _lr, base) => lr(e, base),
    closedForm: (e, base) => lr(e, base)
  })
}
