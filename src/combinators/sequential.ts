/**
 * `sequential` (PyTorch's SequentialLR): runs its schedulers one after the other, switching at
 * the milestones; at a milestone the next scheduler starts over from the initial lrs.
 *
 * Semantics (PyTorch 2.13's where PyTorch can compute them):
 * - initial step: every child's initial step runs in order (PyTorch builds them all: their side
 *   effects, such as CyclicLR setting momentum, stay), then every lr is set back to its initial
 *   lr and the first active child (`milestones` may start at 0) takes its initial step again
 *   (a composite child goes back to its own step 0);
 * - step t: the child whose segment holds t steps; at its milestone a plain scheduler restarts as
 *   PyTorch's `_update_lr(0)` does (its closed form at 0, else its chainable form at epoch 0), a
 *   composite goes back to its own step 0 on the initial lrs, as if just built (PyTorch raises
 *   NotImplementedError there, and advances a nested SequentialLR one step too far at
 *   construction, pytorch/pytorch#196243).
 *
 * The state is `{ lastEpoch, schedulers }`: the step count and the tuple of the children's states.
 *
 * @since 0.1.0
 */
import { ScheduleError } from '../core/errors.js'
import { type AnyScheduler, type Groups, type Scheduler } from '../core/model.js'
import { type Buffers, type Kernel, resetBuffersToInitialLrs } from '../internal/kernel.js'
import { resetToInitialLrs } from '../internal/groups.js'
import { bisectRight } from '../internal/bisect.js'
import { type Protocol, isScheduler, protocolOf, scheduler } from '../internal/protocol.js'
import { ALL_STEPS, epochOf } from '../internal/leaf.js'
import { array, nonEmptyArray, nonNegativeInteger, record } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The state of a `sequential`: steps taken, and each child's state.
 *
 * @example
 * import type { SequentialState } from 'lr-schedule'
 * const s: SequentialState = { lastEpoch: 0, schedulers: [{ lastEpoch: 0 }, { lastEpoch: 0 }] }
 *
 * @category model
 * @since 0.1.0
 */
export interface SequentialState {
  readonly lastEpoch: number
  readonly schedulers: ReadonlyArray<unknown>
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/** Checks that a child is a scheduler. @internal */
export const checkScheduler = (path: string, s: unknown): Scheduler<unknown> => {
  if (!isScheduler(s)) throw new ScheduleError(path, 'a scheduler (built by one of the constructors or combinators of lr-schedule)', s)
  return s as Scheduler<unknown>
}

/** Checks a composite's state: an array of one state per child. @internal */
export const childStates = (path: string, states: unknown, n: number): ReadonlyArray<unknown> => {
  if (!Array.isArray(states) || states.length !== n) throw new ScheduleError(path, `an array of ${n} child states`, states)
  return states
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Runs `schedulers[i]` from `milestones[i - 1]` on; `milestones` strictly increasing, one fewer
 * than the schedulers.
 *
 * @example
 * import { sequential, linearLR, exponentialLR, trace } from 'lr-schedule'
 * const s = sequential([linearLR({ startFactor: 0.5, totalIters: 2 }), exponentialLR({ gamma: 0.5 })], [2])
 * trace(s, [1], 4).lr // [[0.5], [0.75], [1], [0.5], [0.25]]
 *
 * @category combinators
 * @since 0.1.0
 */
export const sequential = (
  schedulers: ReadonlyArray<AnyScheduler>,
  milestones: ReadonlyArray<number>
): Scheduler<SequentialState> => {
  const children = nonEmptyArray<unknown>('schedulers', schedulers).map((s, i) => checkScheduler(`schedulers[${i}]`, s))
  const ms = array<number>('milestones', milestones).map((m, i) => nonNegativeInteger(`milestones[${i}]`, m))
  if (ms.length !== children.length - 1)
    throw new ScheduleError('milestones', `${children.length - 1} milestone${children.length === 2 ? '' : 's'} (one fewer than the schedulers)`, milestones)
  ms.forEach((m, i) => {
    if (i > 0 && m <= (ms[i - 1] as number))
      throw new ScheduleError(`milestones[${i}]`, `a milestone > ${ms[i - 1]} (milestones must increase strictly)`, m)
  })
  const first = bisectRight(ms, 0)

  // back to step 0: every lr to its initial lr, then the first child's initial step again
  const reinit = (states: ReadonlyArray<unknown>, groups: Groups): readonly [Groups, SequentialState] => {
    const [g, s] = protocolOf(children[first] as Scheduler<unknown>).reinit(states[first], resetToInitialLrs(groups))
    return [g, { lastEpoch: 0, schedulers: states.map((x, i) => (i === first ? s : x)) }]
  }

  const init = (groups: Groups): readonly [Groups, SequentialState] => {
    // PyTorch builds every child before the SequentialLR: their initial steps run in order
    const states: Array<unknown> = []
    let g = groups
    for (const c of children) {
      const [g1, s1] = c.init(g)
      g = g1
      states.push(s1)
    }
    return reinit(states, g)
  }

  const step = (state: SequentialState, groups: Groups, input?: Parameters<Scheduler['step']>[2]): readonly [Groups, SequentialState] => {
    const e = epochOf('SequentialLR', state) + 1
    const states = childStates('SequentialLR state.schedulers', state.schedulers, children.length)
    const idx = bisectRight(ms, e)
    const child = children[idx] as Scheduler<unknown>
    const [g, s] = idx > 0 && ms[idx - 1] === e ? protocolOf(child).restart(states[idx], groups) : child.step(states[idx], groups, input)
    return [g, { lastEpoch: e, schedulers: states.map((x, i) => (i === idx ? s : x)) }]
  }

  const closedForms = children.map((c) => protocolOf(c).closedForm)
  // the child in charge after t steps and its local step count
  const segment = (t: number): readonly [number, number] => {
    const idx = bisectRight(ms, t)
    return [idx, idx === 0 ? t : t - (ms[idx - 1] as number)]
  }

  const kernel = (n: number): Kernel => {
    const ks = children.map((c) => protocolOf(c).kernel(n))
    const run: Run = { kernels: ks, milestones: ms, e: 0, idx: first, next: ms[first] ?? Infinity }
    const writes = ks.every((k) => k.writesRows === true)
    const reinit: Kernel['reinit'] = (b) => {
      resetBuffersToInitialLrs(b)
      ;(ks[first] as Kernel).reinit(b)
      run.e = 0
      run.idx = first
      run.next = ms[first] ?? Infinity
    }
    return {
      init: (b) => {
        for (const k of ks) k.init(b)
        reinit(b)
      },
      reinit,
      restart: reinit,
      step: (b, metric) => fastStep(run, b, metric),
      // every call ends with a child's
      writesRows: writes,
      steps: writes && children.every((c) => !protocolOf(c).takesMetric) ? (b, count) => fastSteps(run, b, count) : undefined,
      factorRun: () => factorRunOf(run),
      factors: (out, at, count) => {
        ;(run.kernels[run.idx] as Kernel).factors?.(out, at, count)
        run.e += count
      }
    }
  }

  return scheduler<SequentialState>({
    config: { type: 'SequentialLR', schedulers: children.map((c) => c.config), milestones: ms },
    init,
    // a composite child starts afresh (PyTorch would advance it, pytorch/pytorch#196243)
    // as a child of a sequential, a sequential goes back to its step 0 (with what its children
    // recorded when they were built), at the start and at its milestone alike
    reinit: (state, groups) => reinit(childStates('SequentialLR state.schedulers', state.schedulers, children.length), groups),
    step,
    restart: (state, groups) => reinit(childStates('SequentialLR state.schedulers', state.schedulers, children.length), groups),
    closedForm: closedForms.every((f) => f !== undefined)
      ? (t, initialLrs) => {
          const [idx, local] = segment(t)
          return (closedForms[idx] as NonNullable<Protocol<unknown>['closedForm']>)(local, initialLrs)
        }
      : undefined,
    // not a multiplier: at its start and its milestones it sets the lrs back to the initial ones,
    // which, inside a chain, would wipe what the other children multiplied in
    multiplier: undefined,
    checkState: (state, path, groups) => {
      const o = record(path, state, ['lastEpoch', 'schedulers'])
      const e = nonNegativeInteger(`${path}.lastEpoch`, o['lastEpoch'])
      const states = childStates(`${path}.schedulers`, o['schedulers'], children.length)
      const idx = bisectRight(ms, e)
      children.forEach((c, i) => {
        const k = protocolOf(c).checkState(states[i], `${path}.schedulers[${i}]`, groups)
        // steps each child has taken: up to its segment's end, 0 before it starts
        const start = i === 0 ? 0 : (ms[i - 1] as number)
        const expected = i < first || i > idx ? 0 : i === idx ? e - start : (ms[i] as number) - 1 - start
        if (k !== expected)
          throw new ScheduleError(`${path}.schedulers[${i}]`, `a state of ${expected} steps (the sequential is at step ${e})`, `a state of ${k} steps`)
      })
      return e
    },
    setsMomentum: children.some((c) => protocolOf(c).setsMomentum),
    takesMetric: children.some((c) => protocolOf(c).takesMetric),
    kernel
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/**
 * A fold's sequential: its children's kernels, the step count, the child in charge and the
 * milestone where the next one takes over (the reducer's bisect_right, kept up to date: a step is
 * one comparison).
 */
interface Run {
  readonly kernels: ReadonlyArray<Kernel>
  readonly milestones: ReadonlyArray<number>
  e: number
  idx: number
  next: number
}

// at module level: V8 compiles it once for every sequential (see LeafSpec.fastStep)
const fastStep = (run: Run, b: Buffers, metric: number): void => {
  run.e += 1
  if (run.e === run.next) {
    run.idx += 1
    run.next = run.milestones[run.idx] ?? Infinity
    ;(run.kernels[run.idx] as Kernel).restart(b)
  } else (run.kernels[run.idx] as Kernel).step(b, metric)
}

// `count` steps: the child in charge takes the steps up to the next milestone at once (its own
// loop, when it has one), the next child restarts at the milestone
const fastSteps = (run: Run, b: Buffers, count: number): void => {
  const n = b.lr.length
  let left = count
  while (left > 0) {
    if (run.e + 1 === run.next) {
      fastStep(run, b, NaN)
      b.row += n
      left -= 1
    } else {
      const k = run.kernels[run.idx] as Kernel
      const m = Math.min(left, run.next - run.e - 1)
      if (k.steps !== undefined) k.steps(b, m)
      else for (let j = 0; j < m; j++, b.row += n) k.step(b, NaN)
      run.e += m
      left -= m
    }
  }
}

// the next steps that are factors of the child in charge, up to the milestone (whose step is a
// restart: not a factor)
const factorRunOf = (run: Run): number => {
  const toMilestone = run.next === Infinity ? ALL_STEPS : Math.min(run.next - run.e - 1, ALL_STEPS)
  if (toMilestone === 0) return -1
  const r = (run.kernels[run.idx] as Kernel).factorRun?.() ?? -ALL_STEPS
  return r > 0 ? Math.min(r, toMilestone) : -Math.min(-r, toMilestone)
}
