/**
 * What timm's schedulers share: the warmup, the cycles of cosine / tanh / poly (with timm's
 * floating-point cycle index), and the noise arguments.
 *
 * @internal
 */
import { Bool, NonNegative, NonNegativeInteger, Positive, argument } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { boolean, finite, nonNegative, nonNegativeInteger, positive, positiveInteger, withDefault } from '../../core/validate.js'
import { log } from '../../internal/log.js'
import { integer, noiseAt } from './noise.js'

// -------------------------------------------------------------------------------------
// noise
// -------------------------------------------------------------------------------------

/** timm's `noise_range_t`: noise from step `n` on, or for `from <= t < to`. */
export type NoiseRange = number | readonly [number, number]

const NOISE_RANGE = 'a finite number (noise from that step on) or an array [from, to] of two finite numbers (noise for from <= t < to)'

/** Checks a `noiseRangeT`. */
export const noiseRange = (path: string, v: unknown): NoiseRange => {
  if (Array.isArray(v)) {
    if (v.length !== 2) throw new ScheduleError(path, NOISE_RANGE, v)
    return [finite(`${path}[0]`, v[0]), finite(`${path}[1]`, v[1])]
  }
  if (typeof v !== 'number') throw new ScheduleError(path, NOISE_RANGE, v)
  return finite(path, v)
}

/** The codecs of the noise arguments every timm scheduler takes. */
export const noiseCodecs = {
  noiseRangeT: argument('NoiseRangeT', noiseRange),
  noisePct: Positive,
  noiseStd: Positive,
  noiseSeed: argument('Integer', integer)
}

/** The noise arguments as the options carry them. */
export interface NoiseArguments {
  readonly noiseRangeT?: NoiseRange
  readonly noisePct?: number
  readonly noiseStd?: number
  readonly noiseSeed?: number
}

/** The checked noise arguments, defaults filled (timm's: no range, pct 0.67, std 1, seed 42). */
export interface Noise {
  readonly rangeT: NoiseRange | undefined
  readonly pct: number
  readonly std: number
  readonly seed: number
  readonly type: 'normal' | 'uniform'
}

/** Checks the noise arguments. */
export const noiseOf = (o: NoiseArguments, type: 'normal' | 'uniform' = 'normal'): Noise => ({
  rangeT: o.noiseRangeT === undefined ? undefined : noiseRange('noiseRangeT', o.noiseRangeT),
  pct: positive('noisePct', withDefault(o.noisePct, 0.67)),
  std: positive('noiseStd', withDefault(o.noiseStd, 1.0)),
  seed: integer('noiseSeed', withDefault(o.noiseSeed, 42)),
  type
})

/** The noise arguments of a config, defaults filled (`noiseRangeT` only when there is noise). */
export const noiseConfig = (n: Noise): Readonly<Record<string, unknown>> => ({
  ...(n.rangeT === undefined ? {} : { noiseRangeT: n.rangeT }),
  noisePct: n.pct,
  noiseStd: n.std,
  noiseSeed: n.seed
})

/** timm's `_is_apply_noise(t)`. */
export const inNoiseRange = (n: Noise, t: number): boolean =>
  n.rangeT === undefined ? false : typeof n.rangeT === 'number' ? t >= n.rangeT : n.rangeT[0] <= t && t < n.rangeT[1]

/**
 * timm's `_add_noise`: `v + v · noise(t)` inside the noise range, `v` outside. The noise of the
 * last step is remembered (every group of a step gets the same noise).
 */
export const noiseAdder = (n: Noise): ((t: number, v: number) => number) => {
  let lastT = -1
  let last = 0
  return (t, v) => {
    if (!inNoiseRange(n, t)) return v
    if (t !== lastT) {
      last = noiseAt(n.seed, t, n.pct, n.type)
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
}

/** Where step `t` (after the warmup prefix) is: timm's cycle index `i`, cycle length `t_i`, position `t_curr`. */
export interface CyclePosition {
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
export const cyclePosition = (c: Cycles): ((t: number) => CyclePosition) => {
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

// -------------------------------------------------------------------------------------
// warmup
// -------------------------------------------------------------------------------------

/** The warmup arguments. */
export interface Warmup {
  readonly warmupT: number
  readonly warmupLrInit: number
  readonly warmupPrefix: boolean
}

/**
 * A timm schedule as a function of the step: the linear warmup (`warmupLrInit + t · s`, `s =
 * (target − warmupLrInit) / warmupT`, `target` the group's base value or, for tanh without a
 * prefix, the schedule's value at `warmupT`), then `decay` at `t − warmupT` (with `warmupPrefix`)
 * or `t`, then timm's noise; an error past `lastStep` (where timm fails).
 */
export const timmSchedule = (
  name: string,
  w: Warmup,
  decay: (t: number, base: number) => number,
  noise: Noise,
  options: { readonly target?: (base: number) => number; readonly lastStep?: number; readonly why?: string } = {}
): ((t: number, base: number) => number) => {
  const { warmupT, warmupLrInit, warmupPrefix } = w
  const { target, lastStep } = options
  const addNoise = noiseAdder(noise)
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

/**
 * The last step of a cycling schedule whose cycles end (`cycleMul < 1`), counting the warmup:
 * `undefined` when there is none.
 */
export const lastStepOf = (c: Cycles, w: Warmup): number | undefined => {
  const local = lastCycleStep(c)
  if (local === undefined) return undefined
  return w.warmupPrefix ? local + w.warmupT : Math.max(local, w.warmupT - 1)
}

/** Why a cycling schedule ends (for its error past the last step). */
export const endReason = (c: Cycles): string =>
  ` (with cycleMul ${c.cycleMul} < 1 its cycles shrink and end after tInitial / (1 − cycleMul) steps; timm fails there with a math domain error)`

// -------------------------------------------------------------------------------------
// the arguments cosine, tanh and poly share
// -------------------------------------------------------------------------------------

/** The codecs of the cycle and warmup arguments cosine, tanh and poly share (the noise's are `noiseCodecs`). */
export const cyclingCodecs = {
  lrMin: NonNegative,
  cycleMul: Positive,
  cycleDecay: NonNegative,
  cycleLimit: NonNegativeInteger,
  warmupT: NonNegativeInteger,
  warmupLrInit: NonNegative,
  warmupPrefix: Bool
}

/** Those arguments as the options carry them. */
export interface CyclingArguments extends NoiseArguments {
  readonly tInitial: number
  readonly lrMin?: number
  readonly cycleMul?: number
  readonly cycleDecay?: number
  readonly cycleLimit?: number
  readonly warmupT?: number
  readonly warmupLrInit?: number
  readonly warmupPrefix?: boolean
}

/** Those arguments checked, timm's defaults filled in. */
export interface Cycling {
  readonly lrMin: number
  readonly cycles: Cycles
  readonly warmup: Warmup
  readonly noise: Noise
  /** When the cycles end (`cycleMul < 1`), the last step, counting the warmup. */
  readonly lastStep: number | undefined
  /** The arguments for the scheduler's config. */
  readonly config: Readonly<Record<string, unknown>>
}

/** Checks the shared arguments (timm's defaults: lrMin 0, cycleMul 1, cycleDecay 1, cycleLimit 1, no warmup). */
export const cyclingOf = (o: CyclingArguments): Cycling => {
  const cycles: Cycles = {
    tInitial: positiveInteger('tInitial', o.tInitial),
    cycleMul: positive('cycleMul', withDefault(o.cycleMul, 1)),
    cycleDecay: nonNegative('cycleDecay', withDefault(o.cycleDecay, 1)),
    cycleLimit: nonNegativeInteger('cycleLimit', withDefault(o.cycleLimit, 1))
  }
  const lrMin = nonNegative('lrMin', withDefault(o.lrMin, 0))
  const warmup: Warmup = {
    warmupT: nonNegativeInteger('warmupT', withDefault(o.warmupT, 0)),
    warmupLrInit: nonNegative('warmupLrInit', withDefault(o.warmupLrInit, 0)),
    warmupPrefix: boolean('warmupPrefix', withDefault(o.warmupPrefix, false))
  }
  const noise = noiseOf(o)
  return { lrMin, cycles, warmup, noise, lastStep: lastStepOf(cycles, warmup), config: { ...cycles, lrMin, ...warmup, ...noiseConfig(noise) } }
}

/**
 * timm's `_get_lr` after the warmup for a cycling schedule, for one group: the cycle of step `t`,
 * `lrMin` once `cycleLimit` cycles are done, else `shape(tCurr, tI, lrMax)` with
 * `lrMax = base · cycleDecay^i` (each schedule writes its own formula, in timm's operation order).
 */
export const cyclingDecay = (
  c: Cycling,
  shape: (tCurr: number, tI: number, lrMax: number) => number
): ((t: number, base: number) => number) => {
  const position = cyclePosition(c.cycles)
  return (t, base) => {
    const { i, tI, tCurr } = position(t)
    if (i >= c.cycles.cycleLimit) return c.lrMin
    return shape(tCurr, tI, base * Math.pow(c.cycles.cycleDecay, i))
  }
}

/** The end of a cycling schedule, for `timmSchedule`'s options. */
export const cyclingEnd = (c: Cycling): { readonly lastStep?: number; readonly why?: string } =>
  c.lastStep === undefined ? {} : { lastStep: c.lastStep, why: endReason(c.cycles) }
