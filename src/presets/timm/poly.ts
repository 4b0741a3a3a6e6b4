/**
 * timm's `PolyLRScheduler` (config `timm.poly`): a polynomial decay from each group's base lr to
 * `lrMin` over `tInitial` steps (`lrMin + (lrMax − lrMin) · (1 − t^k / tInitial^k)^power`), with
 * restarts, k-decay, a linear warmup and seeded noise. Row k is the lr timm sets for `t = k`.
 *
 * After `cycleLimit` cycles the lr stays at `lrMin`; PyTorch's PolynomialLR stays at 0 after
 * `totalIters` and has no floor, no restarts and a default power of 1 (timm's is 0.5).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { NonNegative, Positive, PositiveInteger, schedulerConfig } from '../../core/codec.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { nonNegative, positive, withDefault } from '../../core/validate.js'
import { cyclingCodecs, cyclingDecay, cyclingEnd, cyclingOf, noiseCodecs, timmSchedule } from './common.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `timm.poly` (timm's `PolyLRScheduler` arguments in camelCase, timm's
 * defaults). Arguments:
 * - `tInitial`: Length of the first cycle, in steps: a positive integer.
 * - `power`: The polynomial's power, >= 0. Default 0.5.
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
 * timm.PolyConfig.is({ type: 'timm.poly', tInitial: 100, power: 2 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const PolyConfig = schedulerConfig('timm.poly', { tInitial: PositiveInteger }, { power: NonNegative, ...cyclingCodecs, kDecay: Positive, ...noiseCodecs })

/**
 * The JSON config of `timm.poly`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const c: timm.PolyConfig = { type: 'timm.poly', tInitial: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolyConfig = t.TypeOf<typeof PolyConfig>

/**
 * The arguments of `timm.poly`: its config without `type`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const o: timm.PolyOptions = { tInitial: 100, power: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type PolyOptions = Omit<PolyConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * timm's polynomial schedule with warmup and restarts.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * trace(timm.poly({ tInitial: 4, power: 2 }), [1], 5).lr // [[1], [0.5625], [0.25], [0.0625], [0], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const poly = (options: PolyOptions): Scheduler<EpochState> => {
  const power = nonNegative('power', withDefault(options.power, 0.5))
  const c = cyclingOf(options)
  const kDecay = positive('kDecay', withDefault(options.kDecay, 1))
  const { lrMin } = c
  const decay = cyclingDecay(c, (tCurr, tI, lrMax) => lrMin + (lrMax - lrMin) * Math.pow(1 - Math.pow(tCurr, kDecay) / Math.pow(tI, kDecay), power))
  const lr = timmSchedule('timm.poly', c.warmup, decay, c.noise, cyclingEnd(c))
  return leaf({
    name: 'timm.poly',
    config: { ...c.config, power, kDecay },
    ...(c.lastStep === undefined ? {} : { lastStep: c.lastStep }),
    lr: (e, _lr, base) => lr(e, base),
    closedForm: (e, base) => lr(e, base)
  })
}
