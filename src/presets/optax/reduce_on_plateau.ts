/**
 * `optax.reduce_on_plateau`: optax 0.2.8's `optax.contrib.reduce_on_plateau` (google-deepmind/optax,
 * v0.2.8, optax/contrib/_reduce_on_plateau.py, `init_fn`, `update_fn`, `_update_scale`) as a
 * schedule. optax's is a gradient transformation: its `update(updates, state, value=...)` multiplies
 * the updates by a `scale` (1 at `init`) that falls by `factor` on a plateau of the values; placed
 * after the optimizer (`optax.chain(optax.sgd(lr), reduce_on_plateau(...))`) the lr is `lr · scale`.
 * So here every group's lr is its initial lr × `scale`, whatever lr the group held.
 *
 * A step is optax's `update` with `value` = the step's metric. The values are averaged over
 * `accumulationSize` updates; at the last of them (and only then), with the average `v`:
 *
 * - `v < (1 − rtol) · best − atol` is an improvement: `best = v`, the bad count restarts at 0;
 *   otherwise the bad count grows by one (int32, saturating);
 * - in a cooldown the bad count is set to 0 and the cooldown counts down; otherwise a bad count
 *   equal to `patience` (optax compares with `==`, PyTorch with `>`) multiplies `scale` by `factor`,
 *   restarts the count and starts `cooldown`; `scale` never goes below `minScale`.
 *
 * optax 0.2.8's rule, followed as it is (its fix, google-deepmind/optax#1767, is an open pull
 * request): for a negative `best`, `(1 − rtol) · best` is above `best`, so a value equal to the best
 * (a flat negative metric), or a little worse, still counts as an improvement and the scale never falls; with `patience: 0` only an improvement reduces
 * (the count is 0 right after one), and with `rtol: 1` nothing improves (`0 · ∞` is NaN).
 *
 * Rows: optax's update applies the scale its own value just produced (no lag). Row 0 is the state
 * after `init` (scale 1), which no update applies; row k (k ≥ 1) is the scale after the k-th update,
 * with `metrics[k − 1]` its value: the scale that update k − 1 (counting from 0) multiplies its
 * updates by. For update j, read row j + 1.
 *
 * @since 0.2.0
 */
import { InRange, NonNegative, NonNegativeInteger, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Groups, Scheduler, StepInput } from '../../core/model.js'
import { finite, nonNegativeInteger, record } from '../../core/validate.js'
import { fromMetricReducer } from '../../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../../internal/define.js'
import { initialLrOf, recordInitialLrs } from '../../internal/groups.js'

/** The largest int32: optax's counters are int32 (`numerics.safe_increment` saturates there). */
const INT32_MAX = 2 ** 31 - 1

const args = {
  factor: withDefault(InRange(0, 1, { lo: true, hi: true }), 'A reduction multiplies the scale by it: in (0, 1).', 0.1),
  patience: withDefault(NonNegativeInteger, 'The bad count that reduces the scale (optax: `== patience`): an integer ≥ 0.', 10),
  rtol: withDefault(InRange(0, 1), 'Relative tolerance of an improvement, in [0, 1] (not 0 with `atol`).', 1e-4),
  atol: withDefault(NonNegative, 'Absolute tolerance of an improvement, ≥ 0 (not 0 with `rtol`).', 0),
  cooldown: withDefault(NonNegativeInteger, 'Accumulated steps after a reduction during which bad steps are not counted: an integer ≥ 0.', 0),
  accumulationSize: withDefault(PositiveInteger, 'How many values are averaged before each plateau check: an integer ≥ 1.', 1),
  minScale: withDefault(NonNegative, 'The floor of the scale, ≥ 0.', 0)
}

/**
 * The arguments of `optax.reduce_on_plateau` (optax's, in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type ReduceOnPlateauOptions = OptionsOf<typeof args>

/**
 * The state of an `optax.reduce_on_plateau`: optax's `ReduceLROnPlateauState` (`scale`,
 * `best_value`, as `null` while it is +inf, `plateau_count`, `cooldown_count`, `count` and
 * `avg_value` of the values accumulated) and the number of updates taken.
 *
 * @example
 * import { optax } from 'lr-schedule'
 * const s: optax.ReduceOnPlateauState = { updates: 0, scale: 1, bestValue: null, plateauCount: 0, cooldownCount: 0, count: 0, avgValue: 0 }
 *
 * @category model
 * @since 0.2.0
 */
export interface ReduceOnPlateauState {
  readonly updates: number
  readonly scale: number
  readonly bestValue: number | null
  readonly plateauCount: number
  readonly cooldownCount: number
  readonly count: number
  readonly avgValue: number
}

/**
 * The definition of `optax.reduce_on_plateau`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ReduceOnPlateau = define({
  type: 'optax.reduce_on_plateau',
  summary: "optax.contrib's reduce_on_plateau: the initial lr × a scale that falls by `factor` when the values plateau.",
  args,
  make: (a) => {
    if (a.rtol === 0 && a.atol === 0) throw new ScheduleError('rtol', 'a number in (0, 1] when atol is 0 (optax: at least one of rtol or atol must be positive)', a.rtol)
    for (const key of ['patience', 'cooldown', 'accumulationSize'] as const)
      if (a[key] > INT32_MAX) throw new ScheduleError(key, `at most ${INT32_MAX} (optax's counters are int32)`, a[key])
    return fromMetricReducer(optaxPlateau(a))
  }
})

/**
 * optax.contrib's reduce_on_plateau: the initial lr × a scale that falls by `factor` when the values plateau.
 *
 * @example
 * import { optax, trace } from 'lr-schedule'
 * // patience 2: the second value in a row that does not improve halves the scale
 * trace(optax.reduceOnPlateau({ factor: 0.5, patience: 2 }), [1], 4, [3, 3, 3, 3]).lr // [[1], [1], [1], [0.5], [0.5]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const reduceOnPlateau = (options: ReduceOnPlateauOptions = {}): Scheduler<ReduceOnPlateauState> => ReduceOnPlateau.make(options)

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

const fresh: ReduceOnPlateauState = { updates: 0, scale: 1, bestValue: null, plateauCount: 0, cooldownCount: 0, count: 0, avgValue: 0 }

// numerics.safe_increment on int32
const safeIncrement = (x: number): number => (x < INT32_MAX ? x + 1 : x)

/** optax's transformation as a reducer and its protocol. */
const optaxPlateau = (a: ArgsOf<typeof args>) => {
  const { factor, patience, rtol, atol, cooldown, accumulationSize, minScale } = a

  // _update_scale, on a state whose average is complete
  const updateScale = (s: ReduceOnPlateauState, avg: number): ReduceOnPlateauState => {
    const best = s.bestValue ?? Infinity
    const improved = avg < (1 - rtol) * best - atol
    const newBest = improved ? avg : best
    const curr = improved ? 0 : safeIncrement(s.plateauCount)
    let plateauCount: number
    let scale: number
    let cooldownCount: number
    if (s.cooldownCount > 0) {
      plateauCount = 0
      scale = s.scale
      cooldownCount = s.cooldownCount - 1
    } else {
      const hit = curr === patience
      plateauCount = hit ? 0 : curr
      scale = Math.max(hit ? s.scale * factor : s.scale, minScale)
      cooldownCount = hit ? cooldown : 0
    }
    return { updates: s.updates, scale, bestValue: newBest === Infinity ? null : newBest, plateauCount, cooldownCount, count: 0, avgValue: 0 }
  }

  const lrs = (groups: Groups, scale: number): Groups => groups.map((g, i) => ({ ...g, lr: initialLrOf(g, i) * scale }))

  const init = (groups: Groups): readonly [Groups, ReduceOnPlateauState] => [lrs(recordInitialLrs(groups), 1), fresh]

  const step = (state: ReduceOnPlateauState, groups: Groups, input?: StepInput): readonly [Groups, ReduceOnPlateauState] => {
    const s = validState(state, 'optax.reduce_on_plateau state')
    const value = input?.metric
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new ScheduleError('metric', 'a finite number (optax.reduce_on_plateau takes the value of every update)', value)
    // update_fn: the running average, then the plateau check at accumulation_size values
    const count = safeIncrement(s.count)
    const avg = (s.count * s.avgValue + value) / count
    const accumulated: ReduceOnPlateauState = { ...s, updates: s.updates + 1, count, avgValue: avg }
    const next = count === accumulationSize ? updateScale(accumulated, avg) : accumulated
    return [lrs(groups, next.scale), next]
  }

  // a state read back from JSON (or passed to step): its shape and its ranges
  const validState = (state: unknown, path: string): ReduceOnPlateauState => {
    const o = record(path, state, ['updates', 'scale', 'bestValue', 'plateauCount', 'cooldownCount', 'count', 'avgValue'])
    const scale = finite(`${path}.scale`, o['scale'])
    if (scale < 0) throw new ScheduleError(`${path}.scale`, 'a finite number >= 0', scale)
    const upTo = (key: string, most: number, what: string): number => {
      const v = nonNegativeInteger(`${path}.${key}`, o[key])
      if (v > most) throw new ScheduleError(`${path}.${key}`, `at most ${what}`, v)
      return v
    }
    return {
      updates: nonNegativeInteger(`${path}.updates`, o['updates']),
      scale,
      bestValue: o['bestValue'] === null ? null : finite(`${path}.bestValue`, o['bestValue']),
      // (with patience 0 the count passes patience: only an improvement reduces)
      plateauCount: upTo('plateauCount', patience === 0 ? INT32_MAX : patience - 1, patience === 0 ? `${INT32_MAX} (int32)` : `patience - 1 = ${patience - 1}`),
      cooldownCount: upTo('cooldownCount', cooldown, `cooldown = ${cooldown}`),
      count: upTo('count', accumulationSize - 1, `accumulationSize - 1 = ${accumulationSize - 1}`),
      avgValue: finite(`${path}.avgValue`, o['avgValue'])
    }
  }

  return { init, step, checkState: (state: unknown, path: string) => validState(state, path).updates }
}
