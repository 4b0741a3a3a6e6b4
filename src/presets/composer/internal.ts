/**
 * What the Composer presets share (mosaicml/composer v0.32.1, commit 4bfb5fc4,
 * composer/optim/scheduler.py, composer/core/time.py, composer/trainer/trainer.py).
 *
 * Composer's schedulers are multipliers of each param group's initial lr: the trainer wraps each
 * in a torch LambdaLR (`compile_composer_scheduler`, scheduler.py:159-197). Time arguments are
 * Composer's time strings in `ep`, `ba` or `dur`, resolved against the facts every schedule takes
 * (`maxDuration`, `batchesPerEpoch`, `scaleScheduleRatio`) as `_convert_time` (scheduler.py:139-157)
 * resolves them against the trainer's state: `ep` → batches (× batchesPerEpoch) then × ssr,
 * truncated; `ba` × ssr, truncated; `dur` × the (scaled) max duration in batches, truncated, not × ssr.
 *
 * Rows follow `Trainer` (trainer.py at v0.32.1): `_compile_schedulers` builds the LambdaLR in
 * `__init__` (line 1570) BEFORE `_scale_max_duration_by_ssr` scales `max_duration` (line 1574);
 * the LambdaLR constructor steps once, so update 0 trains at λ(batch 0) seen with the unscaled max
 * duration. In the loop, `scheduler.step()` (line 2492) runs after the update and before
 * `timestamp.to_next_batch` (line 2501): update k ≥ 1 trains at λ(batch k − 1), with the scaled
 * max duration. Row 0 = λ₀(0), row k = λ(k − 1).
 *
 * @internal
 */
import { Positive, PositiveInteger, argument } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { fromStep } from '../../internal/builders.js'
import { type Body, optional, required, withDefault } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'

/** A parsed time string. */
export interface Time {
  readonly value: number
  readonly unit: 'ep' | 'ba' | 'dur'
}

const TIME = /^\+?((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(ep|ba|dur|sp|tok|iter|sec)$/i

/** Parses a time string (`"10ep"`, `"500ba"`, `"0.1dur"`), or throws a ScheduleError naming `path`. */
export const parseTime = (path: string, v: unknown): Time => {
  const expected = 'a Composer time string in ep, ba or dur (e.g. "10ep", "500ba", "0.1dur"; ep and ba integers ≥ 0)'
  if (typeof v !== 'string') throw new ScheduleError(path, expected, v)
  const m = TIME.exec(v.trim())
  if (m === null) throw new ScheduleError(path, expected, v)
  const unit = (m[2] as string).toLowerCase()
  if (unit !== 'ep' && unit !== 'ba' && unit !== 'dur')
    throw new ScheduleError(path, `${expected}: ${unit} is not supported (sp and tok need samples/tokens per batch, sec Composer rejects)`, v)
  const value = Number(m[1])
  if (!Number.isFinite(value)) throw new ScheduleError(path, expected, v)
  if (unit !== 'dur' && !Number.isSafeInteger(value)) throw new ScheduleError(path, `${expected} (Composer: units ${unit} require integer values)`, v)
  return { value, unit }
}

/** A time string argument (kept as the string in the config). */
export const TimeString = argument('TimeString', (path, v) => (parseTime(path, v), v as string))

/** A list of time strings (MultiStepScheduler's milestones). */
export const TimeStrings = argument('TimeStrings', (path, v) => {
  if (!Array.isArray(v)) throw new ScheduleError(path, 'an array of Composer time strings', v)
  v.forEach((x, i) => parseTime(`${path === '' ? '' : path}[${i}]`, x))
  return v as ReadonlyArray<string>
})

/** The max duration: `"Nep"` or `"Nba"`, N ≥ 1. */
export const MaxDuration = argument('MaxDuration', (path, v) => {
  const t = parseTime(path, v)
  if (t.unit === 'dur' || !(t.value >= 1)) throw new ScheduleError(path, "the trainer's max_duration: a time string in ep or ba, at least 1 (e.g. \"10ep\", \"1000ba\")", v)
  return v as string
})

/** The facts every Composer schedule takes (the trainer's state). */
export const factArgs = {
  maxDuration: required(MaxDuration, "The trainer's max_duration, in ep or ba (e.g. \"10ep\"): what dur times are fractions of."),
  batchesPerEpoch: optional(PositiveInteger, "Batches per epoch (the trainer's dataloader_len): an integer ≥ 1; needed when a time is in ep, or in dur with maxDuration in ep."),
  scaleScheduleRatio: withDefault(Positive, "The Trainer's scale_schedule_ratio: a number > 0 (scales max_duration and the ep/ba times).", 1.0)
}

/** The facts, as `make` receives them. */
export interface Facts {
  readonly maxDuration: string
  readonly batchesPerEpoch?: number | undefined
  readonly scaleScheduleRatio: number
}

/** One view of the trainer's state: the max duration it sees (unscaled at construction, scaled in the loop). */
export interface Context {
  readonly max: Time
  readonly batchesPerEpoch: number | undefined
  /** `'construction'` (update 0) or `'loop'` (updates ≥ 1), for messages. */
  readonly when: string
}

/** Composer's `_convert_time` (scheduler.py:139-157): a time string in batches, with the ratio `ssr`. */
export const convert = (ctx: Context, path: string, s: string, ssr: number): number => {
  const t = parseTime(path, s)
  const bpe = (): number => {
    if (ctx.batchesPerEpoch === undefined)
      throw new ScheduleError('batchesPerEpoch', `an integer ≥ 1: ${path} = ${JSON.stringify(s)} needs it with maxDuration ${ctx.max.value}${ctx.max.unit} (Composer: "Cannot convert time, as state.dataloader_len is None")`, undefined)
    return ctx.batchesPerEpoch
  }
  if (t.unit === 'dur') return ctx.max.unit === 'ep' ? Math.trunc(t.value * bpe() * ctx.max.value) : Math.trunc(t.value * ctx.max.value)
  const v = t.unit === 'ep' ? t.value * bpe() : t.value
  return Math.trunc(v * ssr)
}

/** A converted time that Composer divides by: > 0, or a ScheduleError naming the argument. */
export const divisor = (ctx: Context, path: string, s: string, ssr: number): number => {
  const v = convert(ctx, path, s, ssr)
  if (!(v > 0)) throw new ScheduleError(path, `a time that is at least 1 batch once converted (${JSON.stringify(s)} is ${v} batches at ${ctx.when}; Composer divides by it)`, s)
  return v
}

/** `_raise_if_max_duration_exceeds_t_max` (scheduler.py:543-583): tMax (in batches) at least the max duration. */
export const checkTMax = (ctx: Context, tMax: number, s: string): void => {
  const { max } = ctx
  const limit = max.unit === 'ba' ? max.value : ctx.batchesPerEpoch === undefined ? undefined : max.value * ctx.batchesPerEpoch
  if (limit !== undefined && tMax < limit)
    throw new ScheduleError('tMax', `a duration at least max_duration (${JSON.stringify(s)} is ${tMax} batches, max_duration ${max.value}${max.unit} at ${ctx.when}; Composer raises "t_max … must be greater than or equal to max_duration")`, s)
}

/** Python's `min(a, b)` for floats (returns `a` on ties, as Python does). */
export const pyMin = (a: number, b: number): number => (b < a ? b : a)

/** `_cosine_anneal` (scheduler.py:387-394). */
export const cosineAnneal = (x: number, minY: number, maxY = 1.0): number => {
  const c = pyMin(Math.max(x, 0.0), 1.0)
  return minY + ((maxY - minY) * (1 + Math.cos(c * Math.PI))) / 2
}

/** A finite value, or a ScheduleError naming `path` (a value Composer would compute as inf/nan). */
export const finite = (path: string, v: number, given: unknown): number => {
  if (!Number.isFinite(v)) throw new ScheduleError(path, 'a value for which the multiplier stays finite', given)
  return v
}

/**
 * A Composer schedule: `lambdaAt(ctx, ssr)` checks what the context makes invalid (throwing a
 * ScheduleError naming the argument) and returns the multiplier of batch t. Row 0 is the
 * construction context's λ(0), row k the loop's λ(k − 1); every group's lr is its initial lr times it.
 */
export const composer = (facts: Facts, lambdaAt: (ctx: Context, ssr: number) => (t: number) => number): Body<EpochState> => {
  const ssr = facts.scaleScheduleRatio
  const max = parseTime('maxDuration', facts.maxDuration)
  // _scale_max_duration_by_ssr (trainer.py:150-160): Time(int(value * ssr))
  const scaled = Math.trunc(max.value * ssr)
  if (!(scaled > 0))
    throw new ScheduleError('scaleScheduleRatio', `a ratio that keeps max_duration at least 1 (${max.value}${max.unit} × ${ssr} truncates to ${scaled}; Composer: "Scale schedule has reduced the max_duration to 0")`, ssr)
  const bpe = facts.batchesPerEpoch
  const first = lambdaAt({ max, batchesPerEpoch: bpe, when: 'construction (update 0, max_duration not yet scaled)' }, ssr)
  const loop = lambdaAt({ max: { value: scaled, unit: max.unit }, batchesPerEpoch: bpe, when: 'the training loop' }, ssr)
  const m0 = first(0)
  return fromStep({ lr: (e, base) => base * (e === 0 ? m0 : loop(e - 1)) })
}

/** The warmup of the *WithWarmup schedulers: `LinearScheduler(alpha_i=0.0, alpha_f=peak, t_max=t_warmup)` called with ssr or 1. */
export const warmup = (ctx: Context, tWarmup: string, ssr: number, scaleWarmup: boolean, peak: number) => {
  // the phase test uses _convert_time(t_warmup, state) (no ssr); the linear scheduler's t_max uses the ssr passed
  const tw = convert(ctx, 'tWarmup', tWarmup, 1.0)
  const twS = tw > 0 ? (scaleWarmup ? divisor(ctx, 'tWarmup', tWarmup, ssr) : tw) : 1
  return { tw, at: (t: number) => 0.0 + pyMin(1.0, t / twS) * (peak - 0.0) }
}

/**
 * The *WithWarmupScheduler bodies after `t_warmup` (LinearWithWarmupScheduler.__call__,
 * scheduler.py:768-794, and its copies in CosineAnnealingWithWarmupScheduler and
 * PolynomialWithWarmupScheduler): a linear warmup from 0 to `peak`, then `after(τ)` with
 * τ = min(1, (t − tWarmup) / (tMax − tWarmup)), 0 when tMax ≤ tWarmup. `check` runs at decode.
 */
export const withWarmup = (
  facts: Facts,
  tWarmup: string,
  tMax: string,
  scaleWarmup: boolean,
  peak: number,
  after: (frac: number) => number,
  check: () => void = () => undefined
): Body<EpochState> => {
  check()
  return composer(facts, (ctx, ssr) => {
    const w = warmup(ctx, tWarmup, ssr, scaleWarmup, peak)
    const end = convert(ctx, 'tMax', tMax, ssr)
    checkTMax(ctx, end, tMax)
    return (t) => (t < w.tw ? w.at(t) : after(pyMin(1.0, end > w.tw ? (t - w.tw) / (end - w.tw) : 0.0)))
  })
}
