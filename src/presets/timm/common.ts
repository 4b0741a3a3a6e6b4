/**
 * What timm's schedulers share: their arguments (one table fragment each for the warmup, the cycles
 * of cosine / tanh / poly, the decay of step / multistep and the noise, spread into each
 * definition's arguments), the warmup with the row 0 of timm's constructor (`timmSchedule`),
 * timm's floating-point cycle index, and the noise.
 *
 * @internal
 */
import { Bool, NonNegative, NonNegativeInteger, Positive, PositiveInteger, argument } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { finite } from '../../core/validate.js'
import { fromStep } from '../../internal/builders.js'
import { type ArgsOf, type Body, optional, required, withDefault } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'
import { log } from '../../internal/log.js'
import { integer, noiseAt } from './noise.js'

// -------------------------------------------------------------------------------------
// arguments
// -------------------------------------------------------------------------------------

/** timm's `noise_range_t`: noise from step `n` on, or for `from <= t < to`. */
type NoiseRange = number | readonly [number, number]

const NOISE_RANGE = 'a finite number (noise from that step on) or an array [from, to] of two finite numbers (noise for from <= t < to)'

const noiseRange = (path: string, v: unknown): NoiseRange => {
  if (Array.isArray(v)) {
    if (v.length !== 2) throw new ScheduleError(path, NOISE_RANGE, v)
    return [finite(`${path}[0]`, v[0]), finite(`${path}[1]`, v[1])]
  }
  if (typeof v !== 'number') throw new ScheduleError(path, NOISE_RANGE, v)
  return finite(path, v)
}

/** The noise arguments every timm scheduler takes (timm's defaults: no noise, pct 0.67, std 1, seed 42). */
export const noiseArgs = {
  noiseRangeT: optional(argument('NoiseRangeT', noiseRange), 'The steps with noise: from that step on (a number), or `from <= t < to` (`[from, to]`). Default: none.'),
  noisePct: withDefault(Positive, 'The bound of the relative noise: it is drawn in (−noisePct, noisePct).', 0.67),
  noiseStd: withDefault(Positive, "timm's `noise_std`: accepted and unused, as in timm (its normal draws are standard).", 1),
  noiseSeed: withDefault(argument('Integer', integer), 'The seed of the noise: any safe integer.', 42)
}

/** The warmup's length and start (every timm scheduler's). */
export const warmupArgs = {
  warmupT: withDefault(NonNegativeInteger, 'Steps of the linear warmup from `warmupLrInit`: an integer ≥ 0 (0: none).', 0),
  warmupLrInit: withDefault(NonNegative, 'The lr at step 0 of the warmup, ≥ 0.', 0)
}

/** The length of the first cycle (cosine, tanh, poly). */
export const tInitial = required(PositiveInteger, 'Length of the first cycle, in steps: an integer ≥ 1.')

/** timm's k-decay (cosine, poly). */
export const kDecay = withDefault(Positive, 'k-decay exponent on the position in the cycle, > 0 (1: the plain curve).', 1)

/**
 * timm's `t_in_epochs` traced per update (cosine, tanh, poly, step, multistep): with
 * `updatesPerEpoch`, timm's `t` counts epochs of that many rows, and row k is the lr timm sets for
 * epoch `floor(k / updatesPerEpoch)` — what a trainer that steps the schedule at each epoch's end
 * (`step(epoch + 1)`, timm's train.py) gives every update of that epoch. Without it, `t` is the row.
 */
export const epochArgs = {
  updatesPerEpoch: optional(
    PositiveInteger,
    "Rows per timm step: row k is timm's lr at t = floor(k / updatesPerEpoch) (a schedule stepped per epoch, traced per update). Default: none (t is the row)."
  )
}

/** The cycle and warmup arguments of cosine, tanh and poly (timm's defaults: one cycle down to 0, no warmup). */
export const cyclingArgs = {
  lrMin: withDefault(NonNegative, 'The floor of the lr, ≥ 0.', 0),
  cycleMul: withDefault(Positive, 'Each cycle is `cycleMul` times as long as the one before, > 0.', 1),
  cycleDecay: withDefault(NonNegative, "Each cycle's peak is `cycleDecay` times the one before, ≥ 0.", 1),
  cycleLimit: withDefault(NonNegativeInteger, 'Cycles run before the lr stays at `lrMin`: an integer ≥ 0.', 1),
  ...warmupArgs,
  warmupPrefix: withDefault(Bool, 'The cycles start after the warmup (otherwise the warmup overlays their start).', false),
  ...epochArgs
}

/** The decay and warmup arguments of step and multistep (timm's defaults: no decay, the decay counts from the warmup's end). */
export const decayArgs = {
  decayRate: withDefault(NonNegative, 'The factor of each decay, ≥ 0 (1: none).', 1),
  ...warmupArgs,
  warmupPrefix: withDefault(Bool, 'The decay counts its steps from the end of the warmup.', true),
  ...epochArgs
}

// -------------------------------------------------------------------------------------
// noise
// -------------------------------------------------------------------------------------

/** The noise arguments, checked, and the distribution (timm's `noise_type`: plateau's argument, normal elsewhere). */
export type Noise = ArgsOf<typeof noiseArgs> & { readonly noiseType?: 'normal' | 'uniform' }

/** timm's `_is_apply_noise(t)`. */
export const inNoiseRange = (n: Noise, t: number): boolean => {
  const r = n.noiseRangeT
  return r === undefined ? false : typeof r === 'number' ? t >= r : r[0] <= t && t < r[1]
}

/** The noise of step `t` (inside the noise range). */
export const noiseOf = (n: Noise, t: number): number => noiseAt(n.noiseSeed, t, n.noisePct, n.noiseType ?? 'normal')

/**
 * timm's `_add_noise`: `v + v · noise(t)` inside the noise range, `v` outside. The noise of the
 * last step is remembered (every group of a step gets the same noise).
 */
const noiseAdder = (n: Noise): ((t: number, v: number) => number) => {
  let lastT = -1
  let last = 0
  return (t, v) => {
    if (!inNoiseRange(n, t)) return v
    if (t !== lastT) {
      last = noiseOf(n, t)
      lastT = t
    }
    return v + v * last
  }
}

// -------------------------------------------------------------------------------------
// cycles
// -------------------------------------------------------------------------------------

/** The cycle arguments of cosine, tanh and poly. */
export interface Cycles {
  readonly tInitial: number
  readonly cycleMul: number
  readonly cycleDecay: number
  readonly cycleLimit: number
  readonly lrMin: number
}

/** Where step `t` (after the warmup prefix) is: timm's cycle index `i`, cycle length `t_i`, position `t_curr`. */
interface CyclePosition {
  readonly i: number
  readonly tI: number
  readonly tCurr: number
}

/**
 * timm's cycle arithmetic, operation for operation. With `cycleMul ≠ 1` the index is
 * `floor(log(1 − t / tInitial · (1 − cycleMul)) / log(cycleMul))` with a correctly rounded log
 * (glibc's, which Python uses, is; V8's `Math.log` is not always, and the floor turns one unit
 * in the last place into a whole cycle at an exact restart).
 */
const cyclePosition = (c: Cycles): ((t: number) => CyclePosition) => {
  const { tInitial, cycleMul } = c
  if (cycleMul === 1)
    return (t) => {
      const i = Math.floor(t / tInitial)
      return { i, tI: tInitial, tCurr: t - tInitial * i }
    }
  const logMul = log(cycleMul)
  return (t) => {
    const i = Math.floor(log(1 - (t / tInitial) * (1 - cycleMul)) / logMul)
    return { i, tI: Math.pow(cycleMul, i) * tInitial, tCurr: t - ((1 - Math.pow(cycleMul, i)) / (1 - cycleMul)) * tInitial }
  }
}

/**
 * With `cycleMul < 1` the cycles shrink geometrically and end for good near `tInitial / (1 −
 * cycleMul)`: the last local step at which timm's logarithm is defined (`1 − t / tInitial · (1 −
 * cycleMul) > 0`); `undefined` when every step is (`cycleMul >= 1`).
 */
export const lastCycleStep = (c: Cycles): number | undefined => {
  const { tInitial, cycleMul } = c
  if (cycleMul >= 1) return undefined
  // past 2^52 steps the end is out of reach of any run (and of exact integer steps)
  if (!(tInitial / (1 - cycleMul) < 2 ** 52)) return undefined
  const defined = (t: number): boolean => 1 - (t / tInitial) * (1 - cycleMul) > 0
  let t = Math.floor(tInitial / (1 - cycleMul)) + 2
  while (!defined(t)) t -= 1
  return t
}

/**
 * timm's `_get_lr` after the warmup for a cycling schedule, for one group: the cycle of step `t`,
 * `lrMin` once `cycleLimit` cycles are done, else `shape(tCurr, tI, lrMax)` with
 * `lrMax = base · cycleDecay^i` (each schedule writes its own formula, in timm's operation order).
 */
const cyclingDecay = (c: Cycles, shape: (tCurr: number, tI: number, lrMax: number) => number): ((t: number, base: number) => number) => {
  const position = cyclePosition(c)
  return (t, base) => {
    const { i, tI, tCurr } = position(t)
    if (i >= c.cycleLimit) return c.lrMin
    return shape(tCurr, tI, base * Math.pow(c.cycleDecay, i))
  }
}

// -------------------------------------------------------------------------------------
// schedules
// -------------------------------------------------------------------------------------

/** The warmup arguments. */
export interface Warmup {
  readonly warmupT: number
  readonly warmupLrInit: number
  readonly warmupPrefix: boolean
  readonly updatesPerEpoch?: number | undefined
}

/**
 * A timm schedule of `t` as a function of the row: itself, or with `updatesPerEpoch` u, at `t =
 * floor(k / u)` (its last row `(lastStep + 1) · u − 1`, past which it fails naming the row).
 */
const perRow = (
  a: Warmup,
  f: (t: number, base: number) => number,
  end: { readonly name: string; readonly lastStep: number; readonly why: string } | undefined
): { readonly lr: (k: number, base: number) => number; readonly lastStep?: number } => {
  const u = a.updatesPerEpoch
  if (u === undefined) return end === undefined ? { lr: f } : { lr: f, lastStep: end.lastStep }
  if (end === undefined) return { lr: (k, base) => f(Math.floor(k / u), base) }
  const last = (end.lastStep + 1) * u - 1
  return {
    lr: (k, base) => {
      if (k > last)
        throw new ScheduleError('step', `at most ${last}`, k, `step: ${end.name} is defined up to step ${last} (timm's t ${end.lastStep}, ${u} updates per epoch)${end.why}, got step ${k}`)
      return f(Math.floor(k / u), base)
    },
    lastStep: last
  }
}

/**
 * A timm schedule as a function of the step: the linear warmup (`warmupLrInit + t · s`, `s =
 * (target − warmupLrInit) / warmupT`, `target` the group's base value or, for tanh without a
 * prefix, the schedule's value at `warmupT`), then `decay` at `t − warmupT` (with `warmupPrefix`)
 * or `t`, then timm's noise; an error past `lastStep` (where timm fails).
 */
const timmSchedule = (
  name: string,
  a: Warmup & Noise,
  decay: (t: number, base: number) => number,
  options: { readonly target?: (base: number) => number; readonly lastStep?: number; readonly why?: string } = {}
): ((t: number, base: number) => number) => {
  const { warmupT, warmupLrInit, warmupPrefix } = a
  const { target, lastStep } = options
  const addNoise = noiseAdder(a)
  return (t, base) => {
    // Step 0 is what timm's constructor leaves in the optimizer, which train.py trains epoch (or
    // update) 0 with: it never calls step(0). Scheduler.__init__ sets every group to its base value
    // (timm/scheduler/scheduler.py:46, 51, 59); with warmup_t > 0 the subclass then sets
    // warmup_lr_init (cosine_lr.py:75-77, tanh_lr.py:72-75, poly_lr.py:71-73, step_lr.py:50-52,
    // multistep_lr.py:45-47); no noise (only step / step_update add it, scheduler.py:81, 88).
    // Without a warmup that is the base lr even where _get_lr(0) is not (tanh's curve at 0,
    // cycleLimit 0, a multistep milestone of 0 or 1, lrMin's rounding).
    if (t === 0) return warmupT > 0 ? warmupLrInit : base
    if (lastStep !== undefined && t > lastStep)
      throw new ScheduleError('step', `at most ${lastStep}`, t, `step: ${name} is defined up to step ${lastStep}${options.why ?? ''}, got step ${t}`)
    const v =
      t < warmupT
        ? warmupLrInit + t * (((target === undefined ? base : target(base)) - warmupLrInit) / warmupT)
        : decay(warmupPrefix ? t - warmupT : t, base)
    return addNoise(t, v)
  }
}

/** step and multistep: `decay` after the warmup, with the noise (a function of the step). */
export const decaySchedule = (name: string, a: Warmup & Noise, decay: (t: number, base: number) => number): Body<EpochState> =>
  fromStep(perRow(a, timmSchedule(name, a, decay), undefined))

/**
 * cosine, tanh and poly: `shape` in each cycle (see `cyclingDecay`) after the warmup, with the
 * noise (a function of the step); with `cycleMul < 1`, defined up to the end of the cycles (counting
 * the warmup). `warmupToCurve` (tanh): without a prefix the warmup climbs to the schedule's value at
 * `warmupT`, not to the base lr.
 */
export const cyclingSchedule = (
  name: string,
  a: Cycles & Warmup & Noise,
  shape: (tCurr: number, tI: number, lrMax: number) => number,
  { warmupToCurve = false } = {}
): Body<EpochState> => {
  const decay = cyclingDecay(a, shape)
  const local = lastCycleStep(a)
  const lastStep = local === undefined ? undefined : a.warmupPrefix ? local + a.warmupT : Math.max(local, a.warmupT - 1)
  const end =
    lastStep === undefined
      ? undefined
      : { name, lastStep, why: ` (with cycleMul ${a.cycleMul} < 1 its cycles shrink and end after tInitial / (1 − cycleMul) steps; timm fails there with a math domain error)` }
  const target = warmupToCurve && !a.warmupPrefix ? { target: (base: number) => decay(a.warmupT, base) } : {}
  return fromStep(perRow(a, timmSchedule(name, a, decay, { ...target, ...(end ?? {}) }), end))
}
