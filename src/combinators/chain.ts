/**
 * `chain` (PyTorch's ChainedScheduler): every child steps in turn, each on the lrs the previous
 * one left; the initial steps compound the same way (PyTorch's constructors do).
 *
 * At a `sequential` milestone a chain goes back to its step 0 on the initial lrs (every child's
 * initial step again, in turn). Its state is the tuple of
 * its children's states. It has a closed form when every child is a multiplier of the lr
 * (StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR and chains of them; not a
 * sequential, which sets the lrs back to the initial ones at its milestones):
 * the product of the children's multipliers.
 *
 * @since 0.1.0
 */
import { type AnyScheduler, type Groups, type Scheduler, type StepInput } from '../core/model.js'
import { type Buffers, type Kernel, resetBuffersToInitialLrs } from '../internal/kernel.js'
import { resetToInitialLrs } from '../internal/groups.js'
import { ScheduleError } from '../core/errors.js'
import { CHUNK, heldMomentumRows, keepMomentum } from '../internal/leaf.js'
import { nonEmptyArray } from '../core/validate.js'
import { checkScheduler, childStates } from './sequential.js'
import { protocolOf, scheduler } from '../internal/protocol.js'

/** The kernels a chain's fast path steps in turn (its children's, a chain child's flattened). */
const chainParts = new WeakMap<Kernel, ReadonlyArray<Kernel>>()

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Steps every scheduler in turn on the same groups.
 *
 * @example
 * import { chain, constantLR, exponentialLR, trace } from 'lr-schedule'
 * const s = chain([exponentialLR({ gamma: 0.5 }), constantLR({ factor: 0.5, totalIters: 1 })])
 * trace(s, [1], 2).lr // [[0.5], [0.5], [0.25]]
 *
 * @category combinators
 * @since 0.1.0
 */
export const chain = (schedulers: ReadonlyArray<AnyScheduler>): Scheduler<ReadonlyArray<unknown>> => {
  const children = nonEmptyArray<unknown>('schedulers', schedulers).map((s, i) => checkScheduler(`schedulers[${i}]`, s))

  const init = (groups: Groups): readonly [Groups, ReadonlyArray<unknown>] => {
    const states: Array<unknown> = []
    let g = groups
    for (const c of children) {
      const [g1, s1] = c.init(g)
      g = g1
      states.push(s1)
    }
    return [g, states]
  }

  // back to step 0: every child's initial step again, in turn, with what it recorded when built
  const reinit = (state: ReadonlyArray<unknown>, groups: Groups): readonly [Groups, ReadonlyArray<unknown>] => {
    const states = childStates('ChainedScheduler state', state, children.length)
    const next: Array<unknown> = []
    let g = groups
    children.forEach((c, i) => {
      const [g1, s1] = protocolOf(c).reinit(states[i], g)
      g = g1
      next.push(s1)
    })
    return [g, next]
  }

  const step = (state: ReadonlyArray<unknown>, groups: Groups, input?: StepInput): readonly [Groups, ReadonlyArray<unknown>] => {
    const states = childStates('ChainedScheduler state', state, children.length)
    const next: Array<unknown> = []
    let g = groups
    children.forEach((c, i) => {
      const [g1, s1] = c.step(states[i], g, input)
      g = g1
      next.push(s1)
    })
    return [g, next]
  }

  const multipliers = children.map((c) => protocolOf(c).multiplier)
  const multiplier = multipliers.every((f) => f !== undefined)
    ? (t: number): number => multipliers.reduce((acc, f) => acc * (f as (t: number) => number)(t), 1)
    : undefined

  const kernel = (n: number): Kernel => {
    const ks = children.map((c) => protocolOf(c).kernel(n))
    const metric = children.some((c) => protocolOf(c).takesMetric)
    // a step steps the children in turn, and a chain child steps its own children in turn: one
    // flat loop over the parts, not a call per level of nesting
    const parts = ks.flatMap((k) => chainParts.get(k) ?? [k])
    const steps = parts.map((k) => k.step)
    const writes = ks[ks.length - 1]?.writesRows === true
    const columns = new Float64Array(parts.length * CHUNK)
    const reinit: Kernel['reinit'] = (b) => {
      for (const k of ks) k.reinit(b)
    }
    const fast: Kernel = {
      init: (b) => {
        for (const k of ks) k.init(b)
      },
      reinit,
      restart: (b) => {
        resetBuffersToInitialLrs(b)
        reinit(b)
      },
      step: (b, metric) => stepAll(steps, b, metric),
      // every call ends with the last child's
      writesRows: writes,
      // when its parts' steps may be factors: runs of steps where all are, in one pass each (a
      // step that reads a metric is never a factor: a chain holding one steps one step at a time)
      steps:
        writes && !metric && parts.every((k) => k.factorRun !== undefined && k.factors !== undefined)
          ? (b, count) => chainSteps(parts, steps, columns, b, count)
          : undefined
    }
    chainParts.set(fast, parts)
    return fast
  }

  return scheduler<ReadonlyArray<unknown>>({
    config: { type: 'ChainedScheduler', schedulers: children.map((c) => c.config) },
    init,
    // as the first child of a sequential, a chain is built afresh
    reinit,
    step,
    restart: (state, groups) => reinit(state, resetToInitialLrs(groups)),
    closedForm: multiplier === undefined ? undefined : (t, initialLrs) => initialLrs.map((lr) => lr * multiplier(t)),
    multiplier,
    checkState: (state, path, groups) => {
      const states = childStates(path, state, children.length)
      const counts = children.map((c, i) => protocolOf(c).checkState(states[i], `${path}[${i}]`, groups))
      counts.forEach((k, i) => {
        if (k !== counts[0]) throw new ScheduleError(`${path}[${i}]`, `a state of ${counts[0]} steps, like the chain's first scheduler`, `a state of ${k} steps`)
      })
      return counts[0] as number
    },
    setsMomentum: children.some((c) => protocolOf(c).setsMomentum),
    takesMetric: children.some((c) => protocolOf(c).takesMetric),
    kernel
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

// a chain's step: its parts' in turn (at module level: V8 compiles it once for every chain, see
// LeafSpec.fastStep)
const stepAll = (steps: ReadonlyArray<Kernel['step']>, b: Buffers, metric: number): void => {
  for (let j = 0; j < steps.length; j++) (steps[j] as Kernel['step'])(b, metric)
}

/**
 * `count` steps of a chain whose parts' steps may be factors (see `Kernel.factorRun`): where every
 * part's next steps are, up to CHUNK of them at a time, each part writes its factors into its
 * column and one pass multiplies every lr by them in the chain's order (the same products as a
 * step of each part in turn); elsewhere, a step at a time.
 */
const chainSteps = (parts: ReadonlyArray<Kernel>, steps: ReadonlyArray<Kernel['step']>, columns: Float64Array, b: Buffers, count: number): void => {
  const n = b.lr.length
  for (let left = count; left > 0; ) {
    let run = CHUNK
    let stall = 0
    for (let p = 0; p < parts.length; p++) {
      const r = ((parts[p] as Kernel).factorRun as () => number)()
      if (r > 0) run = Math.min(run, r)
      else stall = Math.max(stall, -r)
    }
    if (stall > 0) {
      const c = Math.min(left, stall)
      for (let j = 0; j < c; j++, b.row += n) stepAll(steps, b, NaN)
      left -= c
    } else {
      const c = Math.min(left, run)
      for (let p = 0; p < parts.length; p++) ((parts[p] as Kernel).factors as NonNullable<Kernel['factors']>)(columns, p * CHUNK, c)
      multiplyRows(b, columns, parts.length, c)
      left -= c
    }
  }
}

/** `count` steps that multiply every lr by the parts' factors in turn (part p's in `columns` from p · CHUNK), each writing its row. */
const multiplyRows = (b: Buffers, columns: Float64Array, parts: number, count: number): void => {
  const { lr, momentum } = b
  const out = b.rows.lr
  const held = heldMomentumRows(b)
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    for (let i = 0; i < lr.length; i++) {
      let x = lr[i] as number
      for (let p = 0, at = j; p < parts; p++, at += CHUNK) x *= columns[at] as number
      lr[i] = x
      out[row + i] = x
    }
    if (held !== undefined) keepMomentum(momentum, held, row)
  }
  b.row = row
}
