/**
 * `hf.greedy`: transformers' `GreedyLR` (huggingface/transformers, v5.18.0,
 * src/transformers/optimization.py, `GreedyLR.step`, `_reduce_lr`, `_increase_lr`, `_reset`,
 * `StreamingAverage`; built by `get_greedy_schedule` from `get_scheduler("greedy", optimizer,
 * scheduler_specific_kwargs=...)`): a plateau schedule that also raises the lr. Each step takes a
 * metric (optionally averaged over the last `windowSize` metrics when `smooth`), and, outside a
 * cooldown (after a reduction) or a warmup (after a raise):
 *
 * - an improvement (as PyTorch's ReduceLROnPlateau judges it, from `mode`, `threshold`,
 *   `thresholdMode`) counts a good step, anything else a bad one; each resets the other count;
 * - more than `patience` good steps in a row divide every lr by `factor` (at most `maxLr`), then
 *   `warmup` steps pass without counting;
 * - more than `patience` bad steps multiply every lr by `factor` (at least `minLr`), then
 *   `cooldown` steps pass without counting; a change of at most `eps` is skipped;
 * - a reduction with every lr at its `minLr` counts down `resetStart`; at 0 the lrs go back to the
 *   lrs the schedule started from and everything starts over (but the cooldown just set).
 *
 * The lrs are absolute (not multipliers): `minLr` and `maxLr` are lrs, and a reset sets the lrs the
 * optimizer held when the schedule was built. Rows follow transformers' Trainer, which steps GreedyLR
 * once per evaluation, with the evaluation's `metric_for_best_model` (default `eval_loss`), not after
 * training steps (trainer.py, v5.18.0, lines 1905–1906 and 3217–3226): row k is the lr after the k-th
 * evaluation, `metrics[k - 1]` its metric. The Trainer does not set `mode` from
 * `greater_is_better`: set `mode: "max"` for an accuracy-like metric. (`verbose`, which only prints,
 * is not an argument here.)
 *
 * @since 0.2.0
 */
import { Bool, InRange, NonNegative, NonNegativeInteger, OneOf, PerGroup, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Groups, Scheduler, StepInput } from '../../core/model.js'
import { at, finite, groupCount, nonNegativeInteger, record } from '../../core/validate.js'
import { fromMetricReducer } from '../../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../../internal/define.js'
import { recordInitialLrs } from '../../internal/groups.js'

const args = {
  mode: withDefault(OneOf(['min', 'max'] as const), 'Whether the metric should decrease (`"min"`) or increase (`"max"`).', 'min'),
  factor: withDefault(InRange(0, 1, { lo: true, hi: true }), 'A reduction multiplies the lr by it, a raise divides it: in (0, 1).', 0.95),
  patience: withDefault(NonNegativeInteger, 'Good (or bad) steps in a row tolerated before a raise (or a reduction): an integer ≥ 0.', 10),
  threshold: withDefault(NonNegative, 'How much better a metric must be to count as an improvement, ≥ 0.', 1e-6),
  thresholdMode: withDefault(OneOf(['rel', 'abs'] as const), 'Whether `threshold` is relative (`"rel"`) or absolute (`"abs"`).', 'abs'),
  cooldown: withDefault(NonNegativeInteger, 'Steps after a reduction during which nothing is counted: an integer ≥ 0.', 0),
  warmup: withDefault(NonNegativeInteger, 'Steps after a raise during which nothing is counted: an integer ≥ 0.', 0),
  minLr: withDefault(PerGroup(NonNegative), 'The floor of the lr, ≥ 0 (one per group, or one for all).', 1e-3 as number | ReadonlyArray<number>),
  maxLr: withDefault(PerGroup(NonNegative), 'The ceiling of the lr, ≥ 0 (one per group, or one for all).', 1 as number | ReadonlyArray<number>),
  eps: withDefault(NonNegative, 'A change of the lr by at most this much is skipped, ≥ 0.', 1e-8),
  smooth: withDefault(Bool, 'Whether a step reads the average of the last `windowSize` metrics rather than the metric.', false),
  windowSize: withDefault(PositiveInteger, 'How many metrics `smooth` averages: an integer ≥ 1.', 50),
  resetStart: withDefault(NonNegativeInteger, 'Reductions with every lr at its floor before the schedule starts over: an integer ≥ 0.', 500)
}

/**
 * The arguments of `hf.greedy` (transformers' `GreedyLR` arguments in camelCase, its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type GreedyOptions = OptionsOf<typeof args>

/**
 * The state of an `hf.greedy`: GreedyLR's counters, its best metric (`null` while it is ±inf, before
 * the first metric and after a reset), the lrs it started from (`initLrs`, what a reset sets), and
 * the window of metrics `smooth` averages (`window`, its running `sum`: empty and 0 without `smooth`).
 *
 * @example
 * import { hf } from 'lr-schedule'
 * const s: hf.GreedyState = { lastEpoch: 0, best: null, numBadEpochs: 0, numGoodEpochs: 0, cooldownCounter: 0, warmupCounter: 0, resetStart: 500, initLrs: [0.1], window: [], sum: 0 }
 *
 * @category model
 * @since 0.2.0
 */
export interface GreedyState {
  readonly lastEpoch: number
  readonly best: number | null
  readonly numBadEpochs: number
  readonly numGoodEpochs: number
  readonly cooldownCounter: number
  readonly warmupCounter: number
  readonly resetStart: number
  readonly initLrs: ReadonlyArray<number>
  readonly window: ReadonlyArray<number>
  readonly sum: number
}

/**
 * The definition of `hf.greedy`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Greedy = define({
  type: 'hf.greedy',
  summary: "transformers' GreedyLR: raises the lr after `patience` improving evaluations, lowers it after `patience` bad ones.",
  args,
  make: (a) => fromMetricReducer(greedyLR(a))
})

/**
 * transformers' GreedyLR: raises the lr after `patience` improving evaluations, lowers it after `patience` bad ones.
 *
 * @example
 * import { hf, trace } from 'lr-schedule'
 * // two better metrics in a row (patience 1) divide the lr by 0.5; two bad ones multiply it by 0.5
 * trace(hf.greedy({ patience: 1, factor: 0.5, minLr: 0 }), [0.25], 4, [3, 2, 2, 2]).lr // [[0.25], [0.25], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const greedy = (options: GreedyOptions = {}): Scheduler<GreedyState> => Greedy.make(options)

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/** GreedyLR as a reducer and its protocol. */
const greedyLR = (a: ArgsOf<typeof args>) => {
  const { mode, factor, patience, threshold, thresholdMode, cooldown, warmup, minLr, maxLr, eps, smooth, windowSize, resetStart } = a
  const worse = mode === 'min' ? Infinity : -Infinity
  const checkGroups = (n: number): void => {
    groupCount('minLr', minLr, n)
    groupCount('maxLr', maxLr, n)
  }

  // GreedyLR.is_better
  const isBetter = (current: number, best: number): boolean =>
    mode === 'min'
      ? thresholdMode === 'rel'
        ? current < best * (1.0 - threshold)
        : current < best - threshold
      : thresholdMode === 'rel'
        ? current > best * (1.0 + threshold)
        : current > best + threshold

  const fresh = (initLrs: ReadonlyArray<number>): GreedyState => ({
    lastEpoch: 0,
    best: null,
    numBadEpochs: 0,
    numGoodEpochs: 0,
    cooldownCounter: 0,
    warmupCounter: 0,
    resetStart,
    initLrs,
    window: [],
    sum: 0
  })

  const init = (groups: Groups): readonly [Groups, GreedyState] => {
    checkGroups(groups.length)
    return [recordInitialLrs(groups), fresh(groups.map((g) => g.lr))]
  }

  const step = (state: GreedyState, groups: Groups, input?: StepInput): readonly [Groups, GreedyState] => {
    const s = validState(state, 'hf.greedy state', groups.length)
    const metric = input?.metric
    if (typeof metric !== 'number' || !Number.isFinite(metric))
      throw new ScheduleError('metric', 'a finite number (hf.greedy takes the metric of every evaluation)', metric)
    let lrs = groups.map((g) => g.lr)
    // StreamingAverage.streamavg: the sum gains the metric, then loses the oldest beyond the window
    let window = s.window
    let sum = s.sum
    let current = metric
    if (smooth) {
      window = [...window, metric]
      sum += metric
      if (window.length > windowSize) {
        sum -= window[0] as number
        window = window.slice(1)
      }
      current = sum / window.length
    }
    let { best, numBadEpochs: bad, numGoodEpochs: good, cooldownCounter: cool, warmupCounter: warm, resetStart: left } = s
    if (cool > 0) {
      cool -= 1
      bad = 0
      good = 0
    } else if (warm > 0) {
      warm -= 1
      bad = 0
      good = 0
    } else {
      if (isBetter(current, best ?? worse)) {
        best = current
        bad = 0
        good += 1
      } else {
        bad += 1
        good = 0
      }
      if (good > patience) {
        // _increase_lr
        lrs = lrs.map((old, i) => {
          const next = Math.min(old / factor, at(maxLr, i))
          return next - old > eps ? next : old
        })
        left = resetStart
        warm = warmup
        good = 0
      } else if (bad > patience) {
        // _reduce_lr
        lrs = lrs.map((old, i) => {
          const next = Math.max(old * factor, at(minLr, i))
          return old - next > eps ? next : old
        })
        if (lrs.every((lr, i) => !(lr > at(minLr, i)))) {
          left -= 1
          if (left <= 0) {
            // _reset (the cooldown below is set after it, as in step)
            lrs = [...s.initLrs]
            best = null
            good = 0
            warm = 0
            left = resetStart
            if (smooth) {
              window = []
              sum = 0
            }
          }
        }
        cool = cooldown
        bad = 0
      }
    }
    const next: GreedyState = {
      lastEpoch: s.lastEpoch + 1,
      best,
      numBadEpochs: bad,
      numGoodEpochs: good,
      cooldownCounter: cool,
      warmupCounter: warm,
      resetStart: left,
      initLrs: s.initLrs,
      window,
      sum
    }
    return [groups.map((g, i) => (g.lr === lrs[i] ? g : { ...g, lr: lrs[i] as number })), next]
  }

  // a state read back from JSON (or passed to step): its shape and its ranges
  const validState = (state: unknown, path: string, n: number): GreedyState => {
    const keys = ['lastEpoch', 'best', 'numBadEpochs', 'numGoodEpochs', 'cooldownCounter', 'warmupCounter', 'resetStart', 'initLrs', 'window', 'sum']
    const o = record(path, state, keys)
    const best = o['best']
    if (best !== null) finite(`${path}.best`, best)
    const upTo = (key: string, most: number, what: string): number => {
      const v = nonNegativeInteger(`${path}.${key}`, o[key])
      if (v > most) throw new ScheduleError(`${path}.${key}`, `at most ${what} = ${most}`, v)
      return v
    }
    const numbers = (key: string, length: (l: number) => boolean, what: string): ReadonlyArray<number> => {
      const v = o[key]
      if (!Array.isArray(v) || !length(v.length)) throw new ScheduleError(`${path}.${key}`, what, v)
      return v.map((x, i) => finite(`${path}.${key}[${i}]`, x))
    }
    return {
      lastEpoch: nonNegativeInteger(`${path}.lastEpoch`, o['lastEpoch']),
      best: best as number | null,
      numBadEpochs: upTo('numBadEpochs', patience, 'patience'),
      numGoodEpochs: upTo('numGoodEpochs', patience, 'patience'),
      cooldownCounter: upTo('cooldownCounter', cooldown, 'cooldown'),
      warmupCounter: upTo('warmupCounter', warmup, 'warmup'),
      resetStart: upTo('resetStart', resetStart, 'resetStart'),
      initLrs: numbers('initLrs', (l) => l === n, `${n} lr${n === 1 ? '' : 's'} (one per param group)`),
      window: numbers('window', (l) => l <= (smooth ? windowSize : 0), smooth ? `at most windowSize = ${windowSize} metrics` : 'an empty array (smooth is false)'),
      sum: finite(`${path}.sum`, o['sum'])
    }
  }

  return { init, step, checkState: (state: unknown, path: string, n: number) => validState(state, path, n).lastEpoch, checkGroups }
}
