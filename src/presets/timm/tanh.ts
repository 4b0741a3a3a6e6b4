/**
 * timm's `TanhLRScheduler` (config `timm.tanh`): a hyperbolic-tangent decay from each group's
 * base lr towards `lrMin` over `tInitial` steps (`lrMin + (lrMax − lrMin) · (1 − tanh(lb · (1 −
 * r) + ub · r)) / 2`, `r` the position in the cycle), with restarts, a linear warmup and seeded
 * noise. Row k is the lr timm sets for `t = k`.
 *
 * The curve never reaches its ends exactly: at `t = 0` it is `(1 − tanh(lb)) / 2` of the base lr
 * (0.9999983 with `lb = −7`), not the base lr itself. Without `warmupPrefix`, the warmup climbs
 * linearly to the schedule's value at `warmupT` (not to the base lr, as cosine's and poly's do).
 * After `cycleLimit` cycles the lr stays at `lrMin`.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, PositiveInteger, schedulerConfig } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { finite, withDefault } from '../../core/validate.js'
import { cyclingCodecs, cyclingDecay, cyclingEnd, cyclingOf, noiseCodecs, lastCycleStep, timmSchedule } from './common.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of `timm.tanh` (timm's `TanhLRScheduler` arguments in camelCase, timm's
 * defaults). Arguments:
 * - `tInitial`: Length of the first cycle, in steps: a positive integer.
 * - `lb`: The tanh argument at the start of a cycle, < `ub`. Default −7.
 * - `ub`: The tanh argument at the end of a cycle, > `lb`. Default 3.
 * - `lrMin`: The floor, >= 0. Default 0.
 * - `cycleMul`: Each cycle is `cycleMul` times as long as the one before, > 0. Default 1.
 * - `cycleDecay`: Each cycle's peak is `cycleDecay` times the one before, >= 0. Default 1.
 * - `cycleLimit`: Cycles run before the lr stays at `lrMin`: an integer >= 0. Default 1.
 * - `warmupT`: Warmup steps: an integer >= 0. Default 0.
 * - `warmupLrInit`: The lr at step 0 of the warmup, >= 0. Default 0.
 * - `warmupPrefix`: The cycles start after the warmup (otherwise the warmup overlays their start). Default false.
 * - `noiseRangeT`, `noisePct`, `noiseStd`, `noiseSeed`: seeded noise (see docs/presets/timm.md).
 *
 * @example
 * import { timm } from 'lr-schedule'
 * timm.TanhConfig.is({ type: 'timm.tanh', tInitial: 100, lb: -6, ub: 4 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const TanhConfig = schedulerConfig('timm.tanh', { tInitial: PositiveInteger }, { lb: Finite, ub: Finite, ...cyclingCodecs, ...noiseCodecs })

/**
 * The JSON config of `timm.tanh`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const c: timm.TanhConfig = { type: 'timm.tanh', tInitial: 100 }
 *
 * @category model
 * @since 0.1.0
 */
export type TanhConfig = t.TypeOf<typeof TanhConfig>

/**
 * The arguments of `timm.tanh`: its config without `type`.
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const o: timm.TanhOptions = { tInitial: 100, lb: -6, ub: 4 }
 *
 * @category model
 * @since 0.1.0
 */
export type TanhOptions = Omit<TanhConfig, 'type'>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * timm's tanh schedule with warmup and restarts.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * // lb −1, ub 1: the midpoint of the cycle is exactly half the base lr
 * trace(timm.tanh({ tInitial: 2, lb: -1, ub: 1 }), [1], 1).lr[1] // [0.5]
 *
 * @category constructors
 * @since 0.1.0
 */
export const tanh = (options: TanhOptions): Scheduler<EpochState> => {
  const lb = finite('lb', withDefault(options.lb, -7))
  const ub = finite('ub', withDefault(options.ub, 3))
  if (!(lb < ub)) throw new ScheduleError('ub', `a finite number > lb = ${lb}`, ub)
  const c = cyclingOf(options)
  const { lrMin, warmup } = c
  // without a prefix, timm's constructor evaluates the schedule at warmupT (the warmup's target)
  const local = lastCycleStep(c.cycles)
  if (warmup.warmupT > 0 && !warmup.warmupPrefix && local !== undefined && warmup.warmupT > local)
    throw new ScheduleError(
      'warmupT',
      `at most ${local} (timm's tanh evaluates its cycles at warmupT without a warmup prefix, and with cycleMul ${c.cycles.cycleMul} < 1 they end after step ${local})`,
      warmup.warmupT
    )
  const decay = cyclingDecay(c, (tCurr, tI, lrMax) => {
    const tr = tCurr / tI
    return lrMin + 0.5 * (lrMax - lrMin) * (1 - Math.tanh(lb * (1 - tr) + ub * tr))
  })
  const lr = timmSchedule('timm.tanh', warmup, decay, c.noise, {
    ...(warmup.warmupPrefix ? {} : { target: (base: number) => decay(warmup.warmupT, base) }),
    ...cyclingEnd(c)
  })
  return leaf({
    name: 'timm.tanh',
    config: { ...c.config, lb, ub },
    ...(c.lastStep === undefined ? {} : { lastStep: c.lastStep }),
    lr: (e, _lr, base) => lr(e, base),
    closedForm: (e, base) => lr(e, base)
  })
}
