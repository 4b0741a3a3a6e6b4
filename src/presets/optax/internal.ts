/**
 * What the optax presets share: the builder of a schedule from its optax function, the argument
 * codecs optax's signatures need beyond the core ones (integers of any sign, `boundaries_and_scales`
 * dicts, keyword-argument objects), the checks that involve several arguments, and optax's schedule
 * functions themselves (one per building block of `optax/schedules/_schedule.py` and `_join.py`,
 * with optax's floating-point operation order; the presets optax composes are composed of them).
 *
 * An optax schedule is a pure function of the step count and gives an absolute value: every param
 * group gets it (the group's own lr is ignored), and the reducer and the closed form are the same
 * function. Each scheduler built here is remembered with its function, which is how
 * `joinSchedules` evaluates its children (their closed forms, at the steps since their boundary).
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { argument, failureAt } from '../../core/codec.js'
import { ScheduleError, formatValue } from '../../core/errors.js'
import type { AnyScheduler } from '../../core/model.js'
import { fromStep } from '../../internal/builders.js'
import type { Body } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'

// -------------------------------------------------------------------------------------
// the builder
// -------------------------------------------------------------------------------------

/** An optax schedule: the value at step count `count` (a non-negative integer). */
export type OptaxFn = (count: number) => number

const registry = new WeakMap<AnyScheduler, OptaxFn>()

/**
 * The body of an optax schedule: row k of a trace is `fn(k)` in every group (`fromStep`, the
 * group's lr ignored), remembered with `fn` for `joinSchedules`. `config` replaces entries of the
 * config where the schedule writes an argument in its canonical form.
 */
export const fromOptax =
  (fn: OptaxFn, config?: Readonly<Record<string, unknown>>): Body<EpochState> =>
  (meta) => {
    const s = fromStep({ lr: (e) => fn(e) })(config === undefined ? meta : { ...meta, config: { ...meta.config, ...config } })
    registry.set(s, fn)
    return s
  }

/** The schedule function of a scheduler built by the optax presets, or `undefined`. */
export const optaxFnOf = (s: unknown): OptaxFn | undefined =>
  typeof s === 'object' && s !== null ? registry.get(s as AnyScheduler) : undefined

/** A ScheduleError of a nested argument, its path prefixed (`schedules[1]` + `decaySteps`). */
export const prefixError = (prefix: string, e: ScheduleError): ScheduleError =>
  new ScheduleError(`${prefix}.${e.path}`, e.expected, e.value, `${prefix}.${e.message}`)

// -------------------------------------------------------------------------------------
// argument codecs
// -------------------------------------------------------------------------------------

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v)

/** A (safe) integer of any sign: optax gives a meaning to negative steps in several places. */
export const Integer = argument('Integer', (path, v) => {
  if (!isNumber(v) || !Number.isSafeInteger(v)) throw new ScheduleError(path, 'an integer', v)
  return v
})

/** `boundaries_and_scales` as pairs sorted by step (optax iterates `sorted(d.items())`). */
export type Pairs = ReadonlyArray<readonly [number, number]>

/** A canonical integer key, as Python's `str(int)` writes it (no `-0`, `+5` or `007`: one spelling per step). */
const KEY = /^(0|-?[1-9][0-9]*)$/

/** The path of a `boundaries_and_scales` entry: `b[100]`, or `b.-5` for a negative step. */
const entryPath = (path: string, k: string): string => (/^\d+$/.test(k) ? `${path}[${k}]` : `${path}.${k}`)

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

/** The problems of a `boundaries_and_scales` object, each with its path (empty when it is valid). */
const boundaryProblems = (path: string, v: unknown): ReadonlyArray<ScheduleError> => {
  if (!isRecord(v)) return [new ScheduleError(path, 'an object mapping integer steps to scales ({"100": 0.1})', v)]
  const problems: ScheduleError[] = []
  for (const [k, s] of Object.entries(v)) {
    if (!KEY.test(k) || !Number.isSafeInteger(Number(k)))
      problems.push(new ScheduleError(entryPath(path, k), 'a key that is an integer step (such as "100")', k, `${entryPath(path, k)}: expected a key that is an integer step (such as "100"), got ${formatValue(k)}`))
    else if (!isNumber(s) || !Number.isFinite(s) || s < 0)
      // optax: "expects non-negative scale factors"
      problems.push(new ScheduleError(entryPath(path, k), 'a scale that is a finite number >= 0', s))
  }
  return problems
}

/**
 * The codec of a `boundaries_and_scales` object: keys are integer steps written as strings (JSON
 * object keys), values non-negative finite scales; every bad entry is reported.
 */
export const BoundariesAndScales = new t.Type<Readonly<Record<string, number>>, Readonly<Record<string, number>>, unknown>(
  'BoundariesAndScales',
  (u): u is Readonly<Record<string, number>> => boundaryProblems('', u).length === 0,
  (u, c) => {
    if (!isRecord(u))
      return t.failure(u, c, `${u === undefined ? 'missing, expected' : 'expected'} an object mapping integer steps to scales ({"100": 0.1})${u === undefined ? '' : `, got ${formatValue(u)}`}`)
    const problems = boundaryProblems('', u)
    if (problems.length === 0) return t.success(u as Readonly<Record<string, number>>)
    return t.failures(
      problems.map((e) => {
        const key = e.path.startsWith('[') ? e.path.slice(1, -1) : e.path.slice(1)
        return failureAt(c, [key], e.value, e.message.slice(e.path.length + 2))
      })
    )
  },
  t.identity
)

/** A checked `boundaries_and_scales` object as pairs sorted by step. */
export const pairsOf = (v: Readonly<Record<string, number>>): Pairs =>
  Object.entries(v)
    .map(([k, s]) => [Number(k), s] as const)
    .sort((a, b) => a[0] - b[0])

/** Pairs as the config writes them: a `boundaries_and_scales` object in step order. */
export const objectOf = (pairs: Pairs): Readonly<Record<string, number>> => Object.fromEntries(pairs.map(([b, s]) => [String(b), s]))

/** A plain object with exactly the given keys, as a codec: optax's keyword arguments (`cosine_kwargs`). */
export const kwargsCodec = <R extends Record<string, t.Mixed>, O extends Record<string, t.Mixed>>(name: string, required: R, optional: O) => {
  type A = { readonly [K in keyof R]: t.TypeOf<R[K]> } & { readonly [K in keyof O]?: t.TypeOf<O[K]> }
  const keys = [...Object.keys(required), ...Object.keys(optional)]
  const validate = (u: unknown, c: t.Context): t.Validation<A> => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `${u === undefined ? 'missing, expected' : 'expected'} an object with the arguments of ${name} (${keys.join(', ')})${u === undefined ? '' : `, got ${formatValue(u)}`}`)
    const o = u as Record<string, unknown>
    const errors: t.ValidationError[] = []
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(o))
      if (!keys.includes(k)) errors.push(failureAt(c, [k], o[k], `unknown argument of ${name} (it takes ${keys.join(', ')})`))
    const field = (k: string, codec: t.Mixed, isRequired: boolean): void => {
      if (!isRequired && o[k] === undefined) return
      const r = codec.validate(o[k], [...c, { key: k, type: codec, actual: o[k] }])
      if (E.isLeft(r)) errors.push(...r.left)
      else out[k] = r.right
    }
    for (const [k, codec] of Object.entries(required)) field(k, codec, true)
    for (const [k, codec] of Object.entries(optional)) field(k, codec, false)
    return errors.length > 0 ? t.failures(errors) : t.success(out as A)
  }
  return new t.Type<A, A, unknown>(name, (u): u is A => E.isRight(validate(u, [])), validate, t.identity)
}

// -------------------------------------------------------------------------------------
// checks of several arguments
// -------------------------------------------------------------------------------------

/**
 * Checks that the values a piecewise schedule steps through (`initValue` times the running product
 * of the scales, in step order) are finite: optax multiplies them into every value, so one infinite
 * value would make the others NaN.
 */
export const finiteProducts = (path: string, init: number, pairs: Pairs): void => {
  let v = init
  for (const [, s] of pairs) {
    v = v * s
    if (!Number.isFinite(v))
      throw new ScheduleError(path, `scales whose running product with the initial value ${init} stays finite (it overflows at the scale ${s})`, s, `${path}: expected scales whose running product with the initial value ${init} stays finite, got an overflow at the scale ${s}`)
  }
}

/**
 * Checks that a linear or polynomial transition's span `init - end` is finite (optax multiplies it
 * into every value of the transition: an infinite span gives Infinity or NaN), when there is a
 * transition (`steps > 0`). `names` are the arguments' names, `path` the one reported.
 */
export const checkSpan = (path: string, init: number, end: number, steps: number, names: readonly [string, string]): void => {
  if (steps > 0 && !Number.isFinite(init - end))
    throw new ScheduleError(path, `a value with ${names[0]} - ${names[1]} finite (${names[0]} is ${init})`, end)
}

/** `int(pct * transition_steps)` for the argument `name`, checked to be a usable step. */
export const truncatedStep = (name: string, pct: number, steps: number): number => {
  const k = Math.trunc(pct * steps)
  if (!Number.isSafeInteger(k)) throw new ScheduleError(name, `a number with int(${name} · transitionSteps) a safe integer`, pct)
  return k === 0 ? 0 : k
}

/**
 * The checks of a one-cycle schedule's factors: the start value `peakValue / divFactor`, the scales
 * and the values they lead to must be finite (optax divides by zero, or multiplies an infinity into
 * every value, otherwise).
 */
export const checkOnecycle = (peakValue: number, divFactor: number, finalDivFactor: number, scales: ReadonlyArray<number>): void => {
  if (!Number.isFinite(peakValue / divFactor))
    throw new ScheduleError('divFactor', `a factor with peakValue / divFactor finite (peakValue is ${peakValue})`, divFactor)
  if (!scales.every(Number.isFinite))
    throw new ScheduleError('finalDivFactor', `a factor with finite scales (${scales.join(', ')})`, finalDivFactor)
}

/** A Python dict built key by key (a later key replaces an equal earlier one), as sorted pairs. */
export const dictPairs = (entries: ReadonlyArray<readonly [number, number]>): Pairs => {
  const m = new Map<number, number>()
  for (const [k, v] of entries) m.set(k, v)
  return [...m.entries()].sort((a, b) => a[0] - b[0])
}

// -------------------------------------------------------------------------------------
// optax's schedule functions (optax/schedules/_schedule.py and _join.py, same operation order)
// -------------------------------------------------------------------------------------

/** `constant_schedule`. */
export const constantFn = (value: number): OptaxFn => () => value

/**
 * `polynomial_schedule`: `transition_steps <= 0` holds `init_value` (optax logs and returns a constant),
 * a negative `transition_begin` falls back to 0.
 */
export const polynomialFn = (init: number, end: number, power: number, steps: number, begin: number): OptaxFn => {
  if (steps <= 0) return () => init
  const b = begin < 0 ? 0 : begin
  return (count) => {
    const c = Math.min(Math.max(count - b, 0), steps)
    const frac = 1 - c / steps
    return (init - end) * frac ** power + end
  }
}

/** `linear_schedule`: `polynomial_schedule` with power 1 (a Python int: jax's integer_pow, x ** 1 = x). */
export const linearFn = (init: number, end: number, steps: number, begin: number): OptaxFn => polynomialFn(init, end, 1, steps, begin)

/**
 * `exponential_decay`: `transition_steps <= 0` or `decay_rate == 0` hold `init_value`; a negative
 * `transition_begin` falls back to 0; `end_value` is a floor when `decay_rate < 1`, else a ceiling.
 */
export const exponentialFn = (
  init: number,
  steps: number,
  rate: number,
  begin: number,
  staircase: boolean,
  end: number | undefined
): OptaxFn => {
  if (steps <= 0 || rate === 0) return () => init
  const b = begin < 0 ? 0 : begin
  const clip = end === undefined ? undefined : rate < 1.0 ? Math.max : Math.min
  return (count) => {
    const d = count - b
    let p = d / steps
    if (staircase) p = Math.floor(p)
    const v = d <= 0 ? init : init * rate ** p
    return clip === undefined ? v : clip(v, end as number)
  }
}

/** `cosine_decay_schedule` (`decay_steps > 0`, checked by the callers). */
export const cosineDecayFn = (init: number, decaySteps: number, alpha: number, exponent: number): OptaxFn => (count) => {
  const c = Math.min(count, decaySteps)
  const cosineDecay = 0.5 * (1 + Math.cos((Math.PI * c) / decaySteps))
  const decayed = (1 - alpha) * cosineDecay ** exponent + alpha
  return init * decayed
}

/** `piecewise_constant_schedule`: from step `b` on, the value is multiplied by its scale. */
export const piecewiseConstantFn = (init: number, pairs: Pairs): OptaxFn => (count) => {
  let v = init
  for (const [b, s] of pairs) if (count >= b) v = s * v
  return v
}

/**
 * `piecewise_interpolate_schedule`: between consecutive boundaries (0 first), interpolates between
 * the running products of the scales; the value is the last product from the last boundary on.
 */
export const piecewiseInterpolateFn = (type: 'linear' | 'cosine', init: number, pairs: Pairs): OptaxFn => {
  const bounds = [0, ...pairs.map(([b]) => b)]
  // jnp.cumprod, left to right
  const values: number[] = [init]
  for (const [, s] of pairs) values.push((values[values.length - 1] as number) * s)
  const last = bounds.length - 1
  const interpolate =
    type === 'linear'
      ? (start: number, end: number, pct: number): number => (end - start) * pct + start
      : (start: number, end: number, pct: number): number => end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1)
  return (count) => {
    // indicator.dot(interp_vals): at most one interval [bounds[i], bounds[i+1]) holds the count
    let dot = 0
    for (let i = 0; i < last; i++) {
      const lo = bounds[i] as number
      const hi = bounds[i + 1] as number
      if (lo <= count && count < hi) dot += interpolate(values[i] as number, values[i + 1] as number, (count - lo) / Math.max(hi - lo, 1))
    }
    return (bounds[last] as number) <= count ? dot + (values[last] as number) : dot
  }
}

/**
 * `join_schedules`: `schedules[i + 1]` from `boundaries[i]` on, counting steps since that boundary;
 * where several boundaries have been reached, the last one in list order wins (optax's chain of
 * `jnp.where`).
 */
export const joinFn = (fns: ReadonlyArray<OptaxFn>, boundaries: ReadonlyArray<number>): OptaxFn => (count) => {
  let j = -1
  for (let k = 0; k < boundaries.length; k++) if (count >= (boundaries[k] as number)) j = k
  return j < 0 ? (fns[0] as OptaxFn)(count) : (fns[j + 1] as OptaxFn)(count - (boundaries[j] as number))
}

/** The arguments of `warmup_cosine_decay_schedule`, defaults filled in (one `sgdr_schedule` cycle). */
export interface WarmupCosine {
  readonly initValue: number
  readonly peakValue: number
  readonly warmupSteps: number
  readonly decaySteps: number
  readonly endValue: number
  readonly exponent: number
}

/**
 * `warmup_cosine_decay_schedule`, as optax composes it: `join_schedules([linear_schedule(init →
 * peak over warmup), cosine_decay_schedule(peak, decay - warmup, alpha = end / peak)], [warmup])`.
 * Checks what optax rejects or turns into NaN (the arguments' paths under `prefix`): `decaySteps -
 * warmupSteps > 0`, a finite warmup span and a finite `alpha`.
 */
export const warmupCosineFn = (prefix: string, a: WarmupCosine): OptaxFn => {
  const { initValue: init, peakValue: peak, warmupSteps: warmup, decaySteps: decay, endValue: end } = a
  if (!(decay - warmup > 0))
    throw new ScheduleError(`${prefix}decaySteps`, `an integer > warmupSteps (${warmup}): optax's cosine decay needs decaySteps - warmupSteps > 0`, decay)
  checkSpan(`${prefix}peakValue`, init, peak, warmup, ['initValue', 'peakValue'])
  if (peak !== 0.0 && !Number.isFinite(end / peak))
    throw new ScheduleError(`${prefix}endValue`, `a value with endValue / peakValue finite (peakValue is ${peak})`, end)
  const alpha = peak === 0.0 ? 0.0 : end / peak
  return joinFn([linearFn(init, peak, warmup, 0), cosineDecayFn(peak, decay - warmup, alpha, a.exponent)], [warmup])
}
