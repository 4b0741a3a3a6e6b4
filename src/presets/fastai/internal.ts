/**
 * What the fastai presets share: fastai's schedule functions of the position `pos` over the whole
 * fit (fastai/fastai, fastai/callback/schedule.py at commit 510888788cac75075e640adcba6818a05b7fa834:
 * `sched_lin`, `sched_cos`, `sched_no`, `sched_exp`, `SchedPoly`, `combine_scheds`), the positions
 * its loop gives them (fastai/callback/core.py, `TrainEvalCallback`), and the one builder,
 * `fromPositions`, every fastai schedule is made with.
 *
 * The loop (fastai/learner.py: `_do_epoch_train` → `all_batches` → `one_batch`; callback/core.py
 * `TrainEvalCallback`, callback/schedule.py `ParamScheduler`): `before_fit` sets `pct_train = 0.`;
 * every epoch's `before_train` sets `pct_train = epoch/n_epoch`; every batch's `before_batch`
 * (ParamScheduler, order 60) sets the hyper-parameters to `f(pct_train)` before the batch's
 * optimizer step, and its `after_batch` (TrainEvalCallback) adds `1./(n_iter*n_epoch)`. So the
 * value of optimizer update k (row k) is `f(pos(k))`, `pos(k)` being `epoch/n_epoch` plus
 * `1/(n_iter·n_epoch)` added `k mod n_iter` times, one rounding per addition, as fastai does. After
 * the fit's last batch the optimizer keeps what was set last: rows past the fit repeat it.
 *
 * Floating point: `pct_train` and the schedule functions are float64 (Python floats, numpy float64
 * arrays); `combine_scheds` turns its `pcts` into a float32 tensor (fastai's `tensor`, which makes
 * float64 float32), so the segment search and the position inside a segment are float32 (see
 * `combine`); the child schedule gets that float32 position as a float64 and computes in float64.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { Finite, NonNegative, PerGroup, PositiveInteger, schedulerConfig } from '../../core/codec.js'
import { ScheduleError, formatValue } from '../../core/errors.js'
import { at, groupCount } from '../../core/validate.js'
import { fromStep } from '../../internal/builders.js'
import { type Body, required } from '../../internal/define.js'
import type { EpochState } from '../../internal/leaf.js'

/** A per-group value: one number for every group, or one per group. */
export type PerGroupValue = number | ReadonlyArray<number>

/**
 * A fastai schedule function of the position, for group `i` whose initial lr is `base` (only the
 * `fit_*` schedules read `base`: fastai's `Learner.lr` when `lr_max` is not given).
 */
export type Sched = (pos: number, i: number, base: number) => number

/** A level of a schedule (its `start` or `end`) for group `i` of initial lr `base`. */
export type Level = (i: number, base: number) => number

/** A per-group argument as a level (the groups' initial lrs not read). */
export const levelOf =
  (v: PerGroupValue): Level =>
  (i) =>
    at(v, i)

// fastai's annealers, callback/schedule.py `sched_lin`, `sched_cos`, `sched_no`, `sched_exp` and
// `SchedPoly._inner`, with their operation order

/** `sched_lin`: `start + pos*(end-start)`. */
export const annealLin =
  (start: Level, end: Level): Sched =>
  (pos, i, base) => {
    const s = start(i, base)
    return s + pos * (end(i, base) - s)
  }

/** `sched_cos`: `start + (1 + math.cos(math.pi*(1-pos))) * (end-start) / 2`. */
export const annealCos =
  (start: Level, end: Level): Sched =>
  (pos, i, base) => {
    const s = start(i, base)
    return s + ((1 + Math.cos(Math.PI * (1 - pos))) * (end(i, base) - s)) / 2
  }

/** `sched_no`: `start`. */
export const annealNo =
  (start: Level): Sched =>
  (_pos, i, base) =>
    start(i, base)

/** `sched_exp`: `start * (end/start) ** pos`. */
export const annealExp =
  (start: Level, end: Level): Sched =>
  (pos, i, base) => {
    const s = start(i, base)
    return s * (end(i, base) / s) ** pos
  }

/** `SchedPoly`'s `_inner`: `start + (end - start) * pos ** power`. */
export const annealPoly =
  (start: Level, end: Level, power: number): Sched =>
  (pos, i, base) => {
    const s = start(i, base)
    return s + (end(i, base) - s) * pos ** power
  }

/**
 * `combine_scheds(pcts, scheds)`: `pcts` as fastai's float32 tensor `[0, ...pcts]`, its cumulative
 * sums (torch's CPU `cumsum` accumulates float32 in a double, each sum stored as float32); for a
 * position, `idx = min((pos >= pcts).nonzero().max(), len(pcts) - 2)` and `actual_pos = (pos -
 * pcts[idx]) / (pcts[idx+1] - pcts[idx])`, all float32 (a Python float against a float32 tensor:
 * `pos` rounded to float32, every operation rounded to float32, which `Math.fround` of the double
 * result is, exactly); then `scheds[idx](actual_pos.item())` in float64.
 */
export const combine = (pcts: ReadonlyArray<number>, scheds: ReadonlyArray<Sched>): Sched => {
  const edges = cumulative(pcts)
  const last = pcts.length - 1
  return (pos, i, base) => {
    const idx = segmentOf(edges, last, pos)
    return (scheds[idx] as Sched)(positionIn(edges, idx, pos), i, base)
  }
}

/** The float32 cumulative sums of `[0, ...pcts]`, as torch computes them. */
const cumulative = (pcts: ReadonlyArray<number>): Float64Array => {
  const edges = new Float64Array(pcts.length + 1)
  let acc = 0
  pcts.forEach((p, j) => {
    acc += Math.fround(p)
    edges[j + 1] = Math.fround(acc)
  })
  return edges
}

/** `min((pos >= pcts).nonzero().max(), pct_lim)`: the last edge at or below the float32 position. */
const segmentOf = (edges: Float64Array, last: number, pos: number): number => {
  const p = Math.fround(pos)
  let idx = 0
  for (let j = edges.length - 1; j > 0; j--)
    if (p >= (edges[j] as number)) {
      idx = j
      break
    }
  return Math.min(idx, last)
}

/** `(pos-pcts[idx]) / (pcts[idx+1]-pcts[idx])` in float32. */
const positionIn = (edges: Float64Array, idx: number, pos: number): number =>
  Math.fround(Math.fround(Math.fround(pos) - (edges[idx] as number)) / Math.fround((edges[idx + 1] as number) - (edges[idx] as number)))

/**
 * The checks of `combine_scheds` fastai makes (`assert sum(pcts) == 1.`, Python's `sum` from 0 in
 * order), and the one it does not make: a position that falls in a last segment of width 0 divides
 * 0 by 0 (a NaN lr). Positions grow over the fit, so only the last batch's can (`lastPos`, computed
 * only for a last segment of width 0: it adds once per batch of an epoch); `where` names the
 * argument the pcts come from.
 */
export const checkPcts = (pcts: ReadonlyArray<number>, lastPos: () => number, where: { readonly path: string; readonly value: unknown; readonly what: string }): void => {
  const { path, value, what } = where
  let sum = 0
  for (const p of pcts) sum += p
  if (sum !== 1)
    throw new ScheduleError(path, `${what} that sum to 1 (fastai's combine_scheds asserts sum(pcts) == 1.; the sum is ${formatValue(sum)})`, value)
  const edges = cumulative(pcts)
  const last = pcts.length - 1
  // only a last segment of width 0 can be reached with width 0 (the search skips empty ones before it)
  if (edges[last + 1] === edges[last] && segmentOf(edges, last, lastPos()) === last)
    throw new ScheduleError(
      path,
      `${what} whose last segment is not empty where the fit's last batches fall (fastai's combine_scheds would divide 0 by 0 there: a NaN lr)`,
      value
    )
}

// -------------------------------------------------------------------------------------
// the fit
// -------------------------------------------------------------------------------------

/** The length of a fit: `n_epoch` epochs of `n_iter` batches. */
export interface Fit {
  readonly nEpoch: number
  readonly batchesPerEpoch: number
}

/** The argument table's entries for the fit's length. */
export const fitArgs = {
  nEpoch: required(PositiveInteger, "Epochs of the fit (fastai's `n_epoch`): an integer ≥ 1."),
  batchesPerEpoch: required(PositiveInteger, "Training batches per epoch (`len(dls.train)`, fastai's `n_iter`): an integer ≥ 1.")
}

/** The number of optimizer updates of a fit. */
export const batchesOf = (fit: Fit): number => fit.nEpoch * fit.batchesPerEpoch

/**
 * `pct_train` before batch `k` of the fit (TrainEvalCallback): `epoch/n_epoch`, then `+=
 * 1./(n_iter*n_epoch)` after every batch of the epoch. Past the fit, the last batch's (the
 * optimizer keeps the last values set). The last position computed is kept, so a trace, which
 * reads them in order, adds once per batch; reading backwards starts the epoch again.
 */
export const positionsOf = (fit: Fit): ((k: number) => number) => {
  const { nEpoch, batchesPerEpoch: nIter } = fit
  const lastBatch = nEpoch * nIter - 1
  const increment = 1 / (nIter * nEpoch)
  let [epoch, batch, pct] = [-1, 0, 0]
  return (k) => {
    const at = Math.min(k, lastBatch)
    const e = Math.floor(at / nIter)
    const b = at - e * nIter
    if (e !== epoch || b < batch) [epoch, batch, pct] = [e, 0, e / nEpoch]
    for (; batch < b; batch++) pct += increment
    return pct
  }
}

/** The position of the fit's last batch (as `positionsOf`, without its table). */
export const lastPositionOf = (fit: Fit): number => {
  const { nEpoch, batchesPerEpoch: nIter } = fit
  const increment = 1 / (nIter * nEpoch)
  let pct = (nEpoch - 1) / nEpoch
  for (let j = 1; j < nIter; j++) pct += increment
  return pct
}

/**
 * A fastai schedule as the rows of its fit: row k is `lr(pos(k))` (and `momentum(pos(k))`, fastai's
 * `mom` hyper-parameter: the groups' momentum or Adam's beta1), past the fit the last batch's.
 * `checkGroups` checks the per-group arguments against the number of groups.
 */
export const fromPositions = (
  fit: Fit,
  spec: { readonly lr: Sched; readonly momentum?: Sched; readonly perGroup: ReadonlyArray<readonly [string, PerGroupValue | undefined]> }
): Body<EpochState> => {
  const posOf = positionsOf(fit)
  const { lr, momentum, perGroup } = spec
  return fromStep({
    checkGroups: (n) => {
      for (const [path, v] of perGroup) if (v !== undefined) groupCount(path, v, n)
    },
    lr: (e, base, i) => lr(posOf(e), i, base),
    ...(momentum === undefined ? {} : { momentum: (e: number, i: number) => momentum(posOf(e), i, 0) })
  })
}

// -------------------------------------------------------------------------------------
// the child schedules of combine_scheds
// -------------------------------------------------------------------------------------

/** The annealers `combine_scheds` combines, by type. */
export const childTypes = ['fastai.SchedLin', 'fastai.SchedCos', 'fastai.SchedNo', 'fastai.SchedExp', 'fastai.SchedPoly'] as const

/** One of them, as JSON writes it inside `combine_scheds` (no fit length: the combination's). */
export type ChildConfig =
  | { readonly type: Exclude<(typeof childTypes)[number], 'fastai.SchedPoly'>; readonly start: PerGroupValue; readonly end: PerGroupValue }
  | { readonly type: 'fastai.SchedPoly'; readonly start: PerGroupValue; readonly end: PerGroupValue; readonly power: number }

const startEnd = { start: PerGroup(Finite), end: PerGroup(Finite) }
const childCodecs: Readonly<Record<string, t.Mixed>> = Object.fromEntries(
  childTypes.map((type) => [type, schedulerConfig(type, type === 'fastai.SchedPoly' ? { ...startEnd, power: NonNegative } : startEnd, {})])
)

/** The codec of a child schedule: an annealer's config without the fit's length. */
export const ChildSchedule = new t.Type<ChildConfig, ChildConfig, unknown>(
  'ChildSchedule',
  (u): u is ChildConfig => E.isRight(validateChild(u, [])),
  (u, c) => validateChild(u, c),
  t.identity
)

function validateChild(u: unknown, c: t.Context): t.Validation<ChildConfig> {
  const type = typeof u === 'object' && u !== null && !Array.isArray(u) ? (u as Record<string, unknown>)['type'] : undefined
  const codec = typeof type === 'string' && Object.prototype.hasOwnProperty.call(childCodecs, type) ? childCodecs[type] : undefined
  if (codec === undefined) {
    const message = `expected one of ${childTypes.map((x) => JSON.stringify(x)).join(', ')} (an annealer with start and end; SchedPoly with power), got ${formatValue(type === undefined ? u : type)}`
    return t.failure(u, type === undefined ? c : [...c, { key: 'type', type: t.unknown, actual: type }], message)
  }
  return codec.validate(u, c) as t.Validation<ChildConfig>
}

/**
 * `SchedExp`'s arguments fastai cannot compute with: `start` 0 (`end/start` divides by zero) and a
 * ratio `end/start` < 0 (Python raises a negative float to a fractional power: a complex number).
 */
export const checkExp = (start: PerGroupValue, end: PerGroupValue, path: string): void => {
  const n = Math.max(Array.isArray(start) ? start.length : 1, Array.isArray(end) ? end.length : 1)
  for (let i = 0; i < n; i++) {
    const [s, e] = [at(start, i), at(end, i)]
    const p = (key: string, v: PerGroupValue) => `${path}${key}${Array.isArray(v) ? `[${i}]` : ''}`
    if (s === 0) throw new ScheduleError(p('start', start), 'a number ≠ 0 (SchedExp divides end by start)', s)
    if (e / s < 0) throw new ScheduleError(p('end', end), `a number of the sign of start (SchedExp raises end/start to a fractional power; start is ${s})`, e)
  }
}

/** A child's annealer. */
export const schedOf = (c: ChildConfig): Sched => {
  const [s, e] = [levelOf(c.start), levelOf(c.end)]
  switch (c.type) {
    case 'fastai.SchedLin':
      return annealLin(s, e)
    case 'fastai.SchedCos':
      return annealCos(s, e)
    case 'fastai.SchedNo':
      return annealNo(s)
    case 'fastai.SchedExp':
      return annealExp(s, e)
    case 'fastai.SchedPoly':
      return annealPoly(s, e, c.power)
  }
}

/** `combined_cos(pct, start, middle, end)`: `combine_scheds([pct, 1-pct], [SchedCos(start, middle), SchedCos(middle, end)])`. */
export const combinedCos = (pct: number, start: Level, middle: Level, end: Level): Sched => combine([pct, 1 - pct], [annealCos(start, middle), annealCos(middle, end)])

/** The arguments of an annealer (`SchedLin(start, end)` and its kin) run by ParamScheduler over a fit. */
export const annealerArgs = {
  start: required(PerGroup(Finite), 'The value at position 0 (per group): a finite number.'),
  end: required(PerGroup(Finite), 'The value at position 1 (per group): a finite number.'),
  ...fitArgs
}

/** An annealer over a fit: its value set as every group's lr (absolute: the groups' initial lrs are not read). */
export const annealerBody = (
  a: { readonly start: PerGroupValue; readonly end: PerGroupValue; readonly nEpoch: number; readonly batchesPerEpoch: number },
  annealer: (start: Level, end: Level) => Sched
): Body<EpochState> => fromPositions(a, { lr: annealer(levelOf(a.start), levelOf(a.end)), perGroup: [['start', a.start], ['end', a.end]] })
