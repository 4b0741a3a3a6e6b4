/**
 * timm's `PolyLRScheduler` (timm/scheduler/poly_lr.py; config `timm.poly`): a polynomial decay
 * from each group's base lr to `lrMin` over `tInitial` steps (`lrMin + (lrMax − lrMin) · (1 − t^k /
 * tInitial^k)^power`), with restarts, k-decay, a linear warmup and seeded noise. Row 0 is what
 * timm's constructor leaves; row k ≥ 1 the lr timm sets for `t = k`.
 *
 * After `cycleLimit` cycles the lr stays at `lrMin`; PyTorch's PolynomialLR stays at 0 after
 * `totalIters` and has no floor, no restarts and a default power of 1 (timm's is 0.5).
 *
 * @since 0.1.0
 */
import { NonNegative } from '../../core/codec.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { cyclingArgs, cyclingSchedule, kDecay, noiseArgs, tInitial } from './common.js'

const args = { tInitial, power: withDefault(NonNegative, "The polynomial's power, ≥ 0.", 0.5), ...cyclingArgs, kDecay, ...noiseArgs }

/** The definition of `timm.poly`. @internal */
export const Poly = define({
  type: 'timm.poly',
  summary: "timm's polynomial schedule with warmup and restarts.",
  args,
  make: (a) => {
    const { power, lrMin, kDecay: k } = a
    // lrMin + (lrMax − lrMin) · (1 − tCurr^k / tI^k)^power, in timm's operation order
    return cyclingSchedule('timm.poly', a, (tCurr, tI, lrMax) => lrMin + (lrMax - lrMin) * Math.pow(1 - Math.pow(tCurr, k) / Math.pow(tI, k), power))
  }
})

/**
 * The arguments of `timm.poly` (timm's `PolyLRScheduler` arguments in camelCase, timm's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type PolyOptions = OptionsOf<typeof args>

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
export const poly = Poly.make
