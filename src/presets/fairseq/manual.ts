/**
 * `fairseq.manual`: fairseq's `ManualSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/manual_lr_scheduler.py, a legacy argparse scheduler) — lrs given by
 * epoch (`epoch2lr`) and by update (`update2lr`), each applying from its key on. Update k trains at
 * `update2lr` of the largest key ≤ k; without one, at `epoch2lr` of the largest key ≤ its epoch;
 * without either, at the constructor's lr: `epoch2lr[1]`, else `update2lr[1]`, else `lr[0]`.
 *
 * @since 0.2.0
 */
import { argument } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import { bisectRight } from '../../internal/bisect.js'
import { type OptionsOf, define, withDefault } from '../../internal/define.js'
import { absolute, epochOf, lrArg, updatesPerEpochArg } from './internal.js'

/** One entry of a parsed dict: the keys `start..end` (inclusive) and their lr. */
interface Span {
  readonly start: number
  readonly end: number
  readonly lr: number
}

const KEYS = 'keys "3", "1,2" or "4-6" (integers ≥ 0)'

/** fairseq's `parse_manuallr_args` (manual_lr_scheduler.py:36-53) as spans, rejecting a key listed twice. */
const parse = (path: string, v: unknown): ReadonlyArray<Span> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ScheduleError(path, `an object of lrs by ${KEYS}`, v)
  const spans: Span[] = []
  for (const [key, lr] of Object.entries(v)) {
    const k = key.replace(/ /g, '')
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) throw new ScheduleError(path, `an object of lrs (finite numbers ≥ 0) by ${KEYS}`, v)
    const range = /^(\d+)-(\d+)$/.exec(k)
    const parts = range !== null ? [] : k.split(',')
    if (range === null && !parts.every((p) => /^\d+$/.test(p))) throw new ScheduleError(path, `an object of lrs by ${KEYS}`, v)
    const add = (start: number, end: number) => {
      if (!Number.isSafeInteger(end)) throw new ScheduleError(path, `an object of lrs by ${KEYS}`, v)
      if (start <= end) spans.push({ start, end, lr })
    }
    if (range !== null) add(Number(range[1]), Number(range[2]))
    else for (const p of parts) add(Number(p), Number(p))
  }
  spans.sort((a, b) => a.start - b.start)
  // fairseq lets a later key overwrite an earlier one in the dict's order, which JSON objects do
  // not keep (integer-like keys come first): a key listed twice is rejected instead
  for (let i = 1; i < spans.length; i++)
    if ((spans[i] as Span).start <= (spans[i - 1] as Span).end)
      throw new ScheduleError(path, `an object of lrs by ${KEYS}, each key listed once (${(spans[i] as Span).start} is listed twice)`, v)
  return spans
}

const LrDict = argument('LrDict', (path, v) => {
  parse(path, v)
  return v as Readonly<Record<string, number>>
})

const args = {
  epoch2lr: withDefault(LrDict, 'The lr from each epoch (from 1) on, by key: "3", "1,2", "4-6".', {} as Readonly<Record<string, number>>),
  update2lr: withDefault(LrDict, 'The lr from each update (from 0) on, by key; it overrides `epoch2lr`.', {} as Readonly<Record<string, number>>),
  lr: lrArg("The lr when neither dict gives one (fairseq's `args.lr[0]`): a non-empty list of numbers ≥ 0."),
  updatesPerEpoch: updatesPerEpochArg
}

/**
 * The definition of `fairseq.manual`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const Manual = define({
  type: 'fairseq.manual',
  summary: "fairseq's lrs given by epoch and by update.",
  args,
  make: ({ epoch2lr, update2lr, lr, updatesPerEpoch }) => {
    const byEpoch = parse('epoch2lr', epoch2lr)
    const byUpdate = parse('update2lr', update2lr)
    if (updatesPerEpoch === undefined && byEpoch.length > 0)
      throw new ScheduleError('updatesPerEpoch', 'an integer ≥ 1 when epoch2lr has entries (the lr changes at epoch starts)', updatesPerEpoch)
    const epoch = epochOf(updatesPerEpoch)
    const starts = (spans: ReadonlyArray<Span>) => spans.map((s) => s.start)
    const epochStarts = starts(byEpoch)
    const updateStarts = starts(byUpdate)
    // the lr of the largest key ≤ x (get_next_lr / step_update, manual_lr_scheduler.py:85-124)
    const lookup = (spans: ReadonlyArray<Span>, at: ReadonlyArray<number>, x: number): number | undefined => {
      const i = bisectRight(at, x) - 1
      return i < 0 ? undefined : (spans[i] as Span).lr
    }
    // __init__ (lines 20-30): epoch2lr[1], else update2lr[1], else lr[0]
    const has1 = (spans: ReadonlyArray<Span>) => spans.find((s) => s.start <= 1 && 1 <= s.end)?.lr
    const first = has1(byEpoch) ?? has1(byUpdate) ?? (lr[0] as number)
    return absolute((k) => lookup(byUpdate, updateStarts, k) ?? lookup(byEpoch, epochStarts, epoch(k)) ?? first)
  }
})

/**
 * The arguments of `fairseq.manual` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type ManualOptions = OptionsOf<typeof args>

/**
 * fairseq's lrs given by epoch and by update.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.manual({ epoch2lr: { '1': 1, '2-3': 0.5 }, update2lr: { '5': 0.1 }, updatesPerEpoch: 2 }), [1], 5).lr // [[1], [1], [0.5], [0.5], [0.5], [0.1]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const manual = Manual.make
