/**
 * `every`: a scheduler stepped on some optimizer updates only — once an epoch, every
 * `frequency` batches — traced per update. The trainer's clock (Lightning's `interval` and
 * `frequency`, a per-epoch scheduler under a per-update trace) as a combinator.
 *
 * Semantics: the updates come in periods of `period`; the scheduler steps after the updates at the
 * offsets `at` of every period (sorted, each in `[0, period)`; by default `[period - 1]`, the last
 * update of the period) and keeps the lrs after every other. After `t` steps (updates) it has
 * stepped `n(t) = floor(t / period) · |at| + |{a ∈ at : a < t mod period}|` times, so row `t` is the
 * scheduler's row `n(t)`: the closed form, the multiplier in a chain and a checkpoint's step count
 * follow from it. At a `sequential` milestone it goes back to its step 0 on the initial lrs, as
 * `chain` does. A step that is not one of the scheduler's ignores its metric.
 *
 * The state is `{ lastEpoch, scheduler }`: the updates counted, and the scheduler's state.
 *
 * @since 0.3.0
 */
import { ScheduleError } from '../core/errors.js'
import { type AnyScheduler, type Groups, type Scheduler, type StepInput } from '../core/model.js'
import { type Kernel, resetBuffersToInitialLrs } from '../internal/kernel.js'
import { resetToInitialLrs } from '../internal/groups.js'
import { epochOf } from '../internal/leaf.js'
import { bisectRight } from '../internal/bisect.js'
import { protocolOf, scheduler } from '../internal/protocol.js'
import { array, nonNegativeInteger, positiveInteger, record } from '../core/validate.js'
import { checkScheduler } from './sequential.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The state of an `every`: updates counted, and the scheduler's state.
 *
 * @example
 * import type { EveryState } from 'lr-schedule'
 * const s: EveryState = { lastEpoch: 0, scheduler: { lastEpoch: 0 } }
 *
 * @category model
 * @since 0.3.0
 */
export interface EveryState {
  readonly lastEpoch: number
  readonly scheduler: unknown
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Steps `s` after the updates at the offsets `at` of every `period` updates (by default after the
 * last one of each period: once a period), holding its lrs in between.
 *
 * @example
 * import { every, stepLR, trace } from 'lr-schedule'
 * // StepLR stepped once an epoch of 3 updates, traced per update
 * const s = every(stepLR({ stepSize: 1, gamma: 0.5 }), 3)
 * trace(s, [1], 7).lr // [[1], [1], [1], [0.5], [0.5], [0.5], [0.25], [0.25]]
 *
 * @category combinators
 * @since 0.3.0
 */
export const every = (s: AnyScheduler, period: number, at?: ReadonlyArray<number>): Scheduler<EveryState> => {
  const child = checkScheduler('scheduler', s)
  const p = positiveInteger('period', period)
  const offsets = at === undefined ? [p - 1] : array<number>('at', at).map((a, i) => nonNegativeInteger(`at[${i}]`, a))
  offsets.forEach((a, i) => {
    if (a >= p) throw new ScheduleError(`at[${i}]`, `an offset < ${p} (the period)`, a)
    if (i > 0 && a <= (offsets[i - 1] as number)) throw new ScheduleError(`at[${i}]`, `an offset > ${offsets[i - 1]} (offsets must increase strictly)`, a)
  })
  const stepsAt = new Set(offsets)
  // the scheduler's steps after t updates
  // (the offsets are integers: those below t mod p are those <= t mod p - 1)
  const stepsAfter = (t: number): number => Math.floor(t / p) * offsets.length + bisectRight(offsets, (t % p) - 1)
  const pc = protocolOf(child)

  const reinit = (state: EveryState, groups: Groups): readonly [Groups, EveryState] => {
    const [g, c] = pc.reinit(state.scheduler, groups)
    return [g, { lastEpoch: 0, scheduler: c }]
  }
  const checked = (state: EveryState): EveryState => {
    const e = epochOf('Every', state)
    return { lastEpoch: e, scheduler: record('Every state', state, ['lastEpoch', 'scheduler'])['scheduler'] }
  }

  const kernel = (n: number): Kernel => {
    const k = pc.kernel(n)
    let e = 0
    return {
      init: (b) => {
        k.init(b)
        e = 0
      },
      reinit: (b) => {
        k.reinit(b)
        e = 0
      },
      restart: (b) => {
        resetBuffersToInitialLrs(b)
        k.reinit(b)
        e = 0
      },
      step: (b, metric) => {
        const stepped = stepsAt.has(e % p)
        e += 1
        if (stepped) k.step(b, metric)
      }
    }
  }

  const closedForm = pc.closedForm
  const closedFormMomentum = pc.closedFormMomentum
  const multiplier = pc.multiplier
  return scheduler<EveryState>({
    config: { type: 'Every', period: p, at: offsets, scheduler: child.config },
    init: (groups) => {
      const [g, c] = child.init(groups)
      return [g, { lastEpoch: 0, scheduler: c }]
    },
    reinit: (state, groups) => reinit(checked(state), groups),
    step: (state: EveryState, groups: Groups, input?: StepInput) => {
      const { lastEpoch, scheduler: c } = checked(state)
      if (!stepsAt.has(lastEpoch % p)) return [groups, { lastEpoch: lastEpoch + 1, scheduler: c }]
      const [g, c1] = child.step(c, groups, input)
      return [g, { lastEpoch: lastEpoch + 1, scheduler: c1 }]
    },
    restart: (state, groups) => reinit(checked(state), resetToInitialLrs(groups)),
    closedForm: closedForm === undefined ? undefined : (t, initialLrs) => closedForm(stepsAfter(t), initialLrs),
    closedFormMomentum: closedFormMomentum === undefined ? undefined : (t, n) => closedFormMomentum(stepsAfter(t), n),
    multiplier: multiplier === undefined ? undefined : (t) => multiplier(stepsAfter(t)),
    checkState: (state, path, groups) => {
      const o = record(path, state, ['lastEpoch', 'scheduler'])
      const e = nonNegativeInteger(`${path}.lastEpoch`, o['lastEpoch'])
      const k = pc.checkState(o['scheduler'], `${path}.scheduler`, groups)
      const expected = stepsAfter(e)
      if (k !== expected) throw new ScheduleError(`${path}.scheduler`, `a state of ${expected} steps (the every is at update ${e})`, `a state of ${k} steps`)
      return e
    },
    setsMomentum: pc.setsMomentum,
    takesMetric: pc.takesMetric,
    kernel
  })
}
