/**
 * timm's `CosineLRScheduler` (config `timm.cosine`): cosine decay from each group's base lr to
 * `lrMin` over `tInitial` steps, with restarts (`cycleMul`, `cycleDecay`, `cycleLimit`), k-decay,
 * a linear warmup and seeded noise. Row k of a trace is the lr timm sets for `t = k`
 * (`_get_lr(k)`, i.e. `step(k)` or `step_update(k)`).
 *
 * After `cycleLimit` cycles the lr stays at `lrMin` for good (default `cycleLimit` 1: one cosine,
 * then `lrMin`); PyTorch's CosineAnnealingLR rises again after `tMax` instead.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Positive, PositiveInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { positive, withDefault } from '../../core/validate.js'
import { cyclingCodecs, cyclingDecay, cyclingEnd, cyclingOf, noiseCodecs, timmSchedule } from './common.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `timm.cosine` (timm's `CosineLRScheduler` arguments in camelCase, timm's
 * defaults). Arguments:
 * - `tInitial`: Length of the first cycle, in steps: a positive integer.
 * - `lrMin`: The floor, >= 0. Default 0.
 * - `cycleMul`: Each cycle is `cycleMul` times as long as the one before, > 0. Default 1.
 * - `cycleDecay`: Each cycle's peak is `cycleDecay` times the one before, >= 0. Default 1.
 * - `cycleLimit`: Cycles run before the lr stays at `lrMin`: an integer >= 0. Default 1.
 * - `warmupT`: Warmup steps: an integer >= 0. Default 0.
 * - `warmupLrInit`: The lr at step 0 of the warmup, >= 0. Default 0.
 * - `warmupPrefix`: The cycles start after the warmup (otherwise the warmup overlays their start). Default false.
 * - `kDecay`: k-decay exponent on the position in the cycle, > 0. Default 1.
 * - `noiseRangeT`, `noisePct`, `noiseStd`, `noiseSeed`: seeded noise (see docs/presets/timm.md).
 *
 * @example
 * import { timm } from 'lr-schedule'
 * timm.CosineConfig.is({ type: 'timm.cosine', tInitial: 100, warmupT: 5, warmupLrInit: 1e-6 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineConfig = schedulerConfig('timm.cosine', { tInitial: PositiveInteger }, { ...cyclingCodecs, kDecay: Positive, ...noiseCodecs })

/**
 * The JSON config of `timm.cosine`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const c: timm.CosineConfig = { type: 'timm.cosine', tInitial: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineConfig = t.TypeOf<typeof CosineConfig>

/**
 * The arguments of `timm.cosine`: its config without `type`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const o: timm.CosineOptions = { tInitial: 100, lrMin: 1e-5 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineOptions = Omit<CosineConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * timm's cosine schedule with warmup and restarts.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * trace(timm.cosine({ tInitial: 2 }), [1], 3).lr // [[1], [0.5], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosine = (options: CosineOptions): Scheduler<EpochState> => {
  const c = cyclingOf(options)
  const kDecay = positive('kDecay', withDefault(options.kDecay, 1))
  const { lrMin } = c
  const decay = cyclingDecay(c, (tCurr, tI, lrMax) => lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos((Math.PI * Math.pow(tCurr, kDecay)) / Math.pow(tI, kDecay))))
  const lr = timmSchedule('timm.cosine', c.warmup, decay, c.noise, cyclingEnd(c))
  return leaf({
    name: 'timm.cosine',
    config: { ...c.config, kDecay },
    ...(c.lastStep === undefined ? {} : { lastStep: c.lastStep }),
    lr: (e, _lr, base) => lr(e, base),
    closedForm: (e, base) => lr(e, base)
  })
}
