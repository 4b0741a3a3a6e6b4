/**
 * keras.ReduceLROnPlateau: Keras 3's `keras.callbacks.ReduceLROnPlateau` (keras-team/keras,
 * v3.15.1, keras/src/callbacks/reduce_lr_on_plateau.py, `on_train_begin`, `on_epoch_end`,
 * `_reduce_optimizer_lr`; keras/src/callbacks/monitor_callback.py, `_set_monitor_op`,
 * `_is_improvement`) as a schedule: a step is `on_epoch_end` with the epoch's metric (the monitored
 * `val_loss`).
 *
 * Keras's own rule, not PyTorch's: a metric is an improvement when `metric + |minDelta| < best`
 * (`"min"`; `metric − |minDelta| > best` for `"max"`), the first metric always; outside a cooldown
 * every epoch without improvement counts one (`wait`), and once `wait ≥ patience` (PyTorch: more
 * than `patience`) an lr above `minLr` becomes `max(lr · factor, minLr)`, `wait` restarts and the
 * cooldown begins: `cooldown` epochs that reset `wait` to 0, of which the last counts again (Keras
 * decrements the counter before checking it, so `cooldown: 1` is `cooldown: 0`). An lr at `minLr`
 * is not reduced, and then `wait` keeps counting. `"auto"` is `"min"`: Keras infers the
 * direction from the monitored name, and its default `val_loss` is a loss.
 *
 * float32: Keras keeps the lr in the optimizer's `learning_rate` variable, a float32, and its
 * comparisons (`ops.less`, `ops.greater`) convert both sides to float32 tensors. So, as Keras: the
 * lrs are rounded to float32 when the schedule starts (the optimizer's variable) and after every
 * reduction (`optimizer.learning_rate = new_lr`), the reduction itself is computed in float64 from
 * the float32 lr (`float(...)` of the variable), `lr > minLr` compares with `minLr` rounded to
 * float32 (`np.float32(self.min_lr)`), and an improvement compares `metric ∓ |minDelta|` (computed
 * in float64) and `best` (the metric as given) both rounded to float32.
 *
 * Rows are epochs: row 0 is the lr of the first epoch (the optimizer's float32 lr), row k the lr of
 * epoch k, after `on_epoch_end` of epoch k − 1 read `metrics[k − 1]`. Each param group is an
 * optimizer of its own (Keras reduces every optimizer of a multi-optimizer, each from its own lr;
 * one reduced restarts the counters); the lrs are absolute.
 *
 * @since 0.2.0
 */
import { Finite, InRange, NonNegative, NonNegativeInteger, OneOf } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Groups, Scheduler, StepInput } from '../../core/model.js'
import { finite, nonNegativeInteger, record } from '../../core/validate.js'
import { fromMetricReducer } from '../../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../../internal/define.js'
import { recordInitialLrs } from '../../internal/groups.js'

const args = {
  factor: withDefault(InRange(0, 1, { hi: true }), 'A reduction multiplies the lr by it: in [0, 1) (Keras rejects ≥ 1).', 0.1),
  patience: withDefault(NonNegativeInteger, 'Epochs without improvement that reduce the lr (at `wait ≥ patience`): an integer ≥ 0.', 10),
  mode: withDefault(OneOf(['auto', 'min', 'max'] as const), 'Whether the metric should decrease (`"min"`; `"auto"`: as for `val_loss`) or increase (`"max"`).', 'auto'),
  minDelta: withDefault(Finite, 'How much better a metric must be to count as an improvement (its absolute value is used).', 1e-4),
  cooldown: withDefault(NonNegativeInteger, 'Epochs after a reduction that reset the count (the last of them counts again): an integer ≥ 0.', 0),
  minLr: withDefault(NonNegative, 'The floor of the lr, ≥ 0.', 0)
}

/**
 * The arguments of keras.ReduceLROnPlateau (the callback's arguments in camelCase, Keras's defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type ReduceLROnPlateauOptions = OptionsOf<typeof args>

/**
 * The state of a keras.ReduceLROnPlateau: epochs ended, the best metric (`null` before the first),
 * Keras's `wait` and `cooldown_counter`.
 *
 * @example
 * import { keras } from 'lr-schedule'
 * const s: keras.ReduceLROnPlateauState = { lastEpoch: 0, best: null, wait: 0, cooldownCounter: 0 }
 *
 * @category model
 * @since 0.2.0
 */
export interface ReduceLROnPlateauState {
  readonly lastEpoch: number
  readonly best: number | null
  readonly wait: number
  readonly cooldownCounter: number
}

/**
 * The definition of keras.ReduceLROnPlateau.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ReduceLROnPlateau = define({
  type: 'keras.ReduceLROnPlateau',
  summary: "Keras's ReduceLROnPlateau callback: reduces the (float32) lr once `patience` epochs have not improved the metric.",
  args,
  make: (a) => fromMetricReducer(kerasPlateau(a))
})

/**
 * Keras's ReduceLROnPlateau callback: reduces the (float32) lr once `patience` epochs have not improved the metric.
 *
 * @example
 * import { keras, trace } from 'lr-schedule'
 * // patience 1: the first epoch without improvement halves the lr
 * trace(keras.reduceLROnPlateau({ patience: 1, factor: 0.5 }), [1], 4, [3, 3, 2, 2]).lr // [[1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const reduceLROnPlateau = (options: ReduceLROnPlateauOptions = {}): Scheduler<ReduceLROnPlateauState> => ReduceLROnPlateau.make(options)

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

const fresh: ReduceLROnPlateauState = { lastEpoch: 0, best: null, wait: 0, cooldownCounter: 0 }

/** The callback as a reducer and its protocol. */
const kerasPlateau = (a: ArgsOf<typeof args>) => {
  const { factor, patience, mode, cooldown, minLr } = a
  // MonitorCallback: min_delta = abs(min_delta), negated for a metric to minimise
  const delta = mode === 'max' ? Math.abs(a.minDelta) : -Math.abs(a.minDelta)
  const floor32 = Math.fround(minLr)
  // _is_improvement: monitor_op(value - min_delta, best), both sides float32 tensors
  const improves = (value: number, best: number | null): boolean => {
    if (best === null) return true
    const x = Math.fround(value - delta)
    const y = Math.fround(best)
    return mode === 'max' ? x > y : x < y
  }

  const init = (groups: Groups): readonly [Groups, ReduceLROnPlateauState] => [
    recordInitialLrs(groups).map((g) => ({ ...g, lr: Math.fround(g.lr) })),
    fresh
  ]

  const step = (state: ReduceLROnPlateauState, groups: Groups, input?: StepInput): readonly [Groups, ReduceLROnPlateauState] => {
    const s = validState(state, 'keras.ReduceLROnPlateau state')
    const current = input?.metric
    if (typeof current !== 'number' || !Number.isFinite(current))
      throw new ScheduleError('metric', 'a finite number (keras.ReduceLROnPlateau takes the metric of every epoch)', current)
    let { best, wait, cooldownCounter: cool } = s
    let out = groups
    if (cool > 0) {
      cool -= 1
      wait = 0
    }
    if (improves(current, best)) {
      best = current
      wait = 0
    } else if (!(cool > 0)) {
      wait += 1
      if (wait >= patience) {
        // _reduce_optimizer_lr, for every optimizer (group): the lr rounded to float32 when assigned
        let reduced = false
        out = groups.map((g) => {
          if (!(g.lr > floor32)) return g
          reduced = true
          return { ...g, lr: Math.fround(Math.max(g.lr * factor, minLr)) }
        })
        if (reduced) {
          cool = cooldown
          wait = 0
        }
      }
    }
    return [out, { lastEpoch: s.lastEpoch + 1, best, wait, cooldownCounter: cool }]
  }

  // a state read back from JSON (or passed to step): its shape and its ranges
  const validState = (state: unknown, path: string): ReduceLROnPlateauState => {
    const o = record(path, state, ['lastEpoch', 'best', 'wait', 'cooldownCounter'])
    const best = o['best'] === null ? null : finite(`${path}.best`, o['best'])
    const cooldownCounter = nonNegativeInteger(`${path}.cooldownCounter`, o['cooldownCounter'])
    if (cooldownCounter > cooldown) throw new ScheduleError(`${path}.cooldownCounter`, `at most cooldown = ${cooldown}`, cooldownCounter)
    // (wait may pass patience: it keeps counting while the lr is at its floor)
    return { lastEpoch: nonNegativeInteger(`${path}.lastEpoch`, o['lastEpoch']), best, wait: nonNegativeInteger(`${path}.wait`, o['wait']), cooldownCounter }
  }

  return { init, step, checkState: (state: unknown, path: string) => validState(state, path).lastEpoch }
}
