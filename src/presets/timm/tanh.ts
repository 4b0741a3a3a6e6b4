/**
 * timm's `TanhLRScheduler` (timm/scheduler/tanh_lr.py; config `timm.tanh`): a hyperbolic-tangent
 * decay from each group's base lr towards `lrMin` over `tInitial` steps (`lrMin + (lrMax − lrMin) ·
 * (1 − tanh(lb · (1 − r) + ub · r)) / 2`, `r` the position in the cycle), with restarts, a linear
 * warmup and seeded noise. Row 0 is what timm's constructor leaves; row k ≥ 1 the lr timm sets for
 * `t = k`.
 *
 * The curve never reaches its ends exactly: at `t = 0` it is `(1 − tanh(lb)) / 2` of the base lr
 * (0.9999992 with `lb = −7`); without a warmup row 0 is the base lr itself (the constructor's), and
 * the curve starts at row 1. Without `warmupPrefix`, the warmup climbs linearly to the schedule's
 * value at `warmupT` (not to the base lr, as cosine's and poly's do). After `cycleLimit` cycles the
 * lr stays at `lrMin`.
 *
 * @since 0.1.0
 */
import { Finite } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { cyclingArgs, cyclingSchedule, lastCycleStep, noiseArgs, tInitial } from './common.js'

const args = {
  tInitial,
  lb: withDefault(Finite, 'The tanh argument at the start of a cycle, < `ub`.', -7),
  ub: withDefault(Finite, 'The tanh argument at the end of a cycle, > `lb`.', 3),
  ...cyclingArgs,
  ...noiseArgs
}

/** The definition of `timm.tanh`. @internal */
export const Tanh = define({
  type: 'timm.tanh',
  summary: "timm's tanh schedule with warmup and restarts.",
  args,
  make: (a) => {
    const { lb, ub, lrMin, warmupT, warmupPrefix } = a
    if (!(lb < ub)) throw new ScheduleError('ub', `a finite number > lb = ${lb}`, ub)
    // without a prefix, timm's constructor evaluates the schedule at warmupT (the warmup's target)
    const local = lastCycleStep(a)
    if (warmupT > 0 && !warmupPrefix && local !== undefined && warmupT > local)
      throw new ScheduleError(
        'warmupT',
        `at most ${local} (timm's tanh evaluates its cycles at warmupT without a warmup prefix, and with cycleMul ${a.cycleMul} < 1 they end after step ${local})`,
        warmupT
      )
    const shape = (tCurr: number, tI: number, lrMax: number): number => {
      const tr = tCurr / tI
      return lrMin + 0.5 * (lrMax - lrMin) * (1 - Math.tanh(lb * (1 - tr) + ub * tr))
    }
    return cyclingSchedule('timm.tanh', a, shape, { warmupToCurve: true })
  }
})

/**
 * The arguments of `timm.tanh` (timm's `TanhLRScheduler` arguments in camelCase, timm's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type TanhOptions = OptionsOf<typeof args>

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
export const tanh = Tanh.make
