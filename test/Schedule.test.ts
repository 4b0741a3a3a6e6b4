import { describe, expect, test } from 'vitest'
import {
  closedFormTrace,
  cyclicLR,
  exponentialLR,
  linearLR,
  multiplicativeLR,
  paramGroups,
  resume,
  stepLR,
  trace,
  traceArray,
} from '../src/index.js'
import { initialLrOf, momentumOf, recordInitialLrs, resetToInitialLrs, withMomentum } from '../src/internal/groups.js'
import { expectIdentical } from './helpers/close.js'
import { deepFreeze } from './helpers/freeze.js'
import { expectScheduleError } from './helpers/throws.js'

describe('trace', () => {
  test('has steps + 1 rows, row 0 right after the initial step: LinearLR(0.5, 1, 2) on lr 1 over 3 steps gives 0.5, 0.75, 1, 1', () => {
    expect(trace(linearLR({ startFactor: 0.5, totalIters: 2 }), [1], 3).lr).toEqual([[0.5], [0.75], [1], [1]])
  })

  test('0 steps gives the one row of the initial step: ExponentialLR(0.5) on lrs 1/2 gives [[1, 2]]', () => {
    expect(trace(exponentialLR({ gamma: 0.5 }), [1, 2], 0).lr).toEqual([[1, 2]])
  })

  test('takes param groups too, carrying their other fields and recording initialLr: StepLR(1, 0.5) on { lr: 0.1, momentum: 0.9 }', () => {
    const t = trace(stepLR({ stepSize: 1, gamma: 0.5 }), [{ lr: 0.1, momentum: 0.9 }], 2)
    expect(t.lr).toEqual([[0.1], [0.05], [0.025]])
    expect(t.groups).toEqual([{ lr: 0.025, initialLr: 0.1, momentum: 0.9 }])
  })

  test('numbers become groups with momentum 0 (like paramGroups)', () => {
    expect(trace(stepLR({ stepSize: 1 }), [0.1], 0).groups).toEqual([{ lr: 0.1, initialLr: 0.1, momentum: 0 }])
  })

  test('has a momentum column (steps + 1 rows) only when the schedule sets momentum', () => {
    expect(trace(stepLR({ stepSize: 1 }), [1], 2).momentum).toBeUndefined()
    expect('momentum' in trace(stepLR({ stepSize: 1 }), [1], 2)).toBe(false)
    const m = trace(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, baseMomentum: 1, maxMomentum: 5 }), [0.05], 2).momentum
    expect(m).toEqual([[5], [4], [3]])
  })

  test('leaves deep-frozen input groups untouched', () => {
    const groups = deepFreeze([{ lr: 0.05, momentum: 0.9 }, { lr: 0.5, momentum: 0.9 }])
    trace(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 2 }), groups, 5)
    traceArray(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 2 }), groups, 5)
    expect(groups).toEqual([{ lr: 0.05, momentum: 0.9 }, { lr: 0.5, momentum: 0.9 }])
  })

  for (const { steps, message } of [
    { steps: -1, message: 'steps: expected a non-negative integer, got -1' },
    { steps: 1.5, message: 'steps: expected a non-negative integer, got 1.5' },
    { steps: NaN, message: 'steps: expected a non-negative integer, got NaN' }
  ]) test(`trace, traceArray and resume reject ${message}`, () => {
    const s = stepLR({ stepSize: 1 })
    expectScheduleError(() => trace(s, [1], steps), message)
    expectScheduleError(() => traceArray(s, [1], steps), message)
    const t = trace(s, [1], 1)
    expectScheduleError(() => resume(s, t.groups, t.state, steps), message)
  })
})

describe('resume', () => {
  test('continues from a JSON checkpoint: StepLR(1, 0.5) after 2 steps resumes at 0.25, then 0.125', () => {
    const s = stepLR({ stepSize: 1, gamma: 0.5 })
    const first = trace(s, [1], 2)
    expect(resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 1).lr).toEqual([[0.25], [0.125]])
  })

  test('a run split at any step equals the whole run bit for bit: ExponentialLR(0.9) on 0.05/0.5, 20 steps split at 0, 7 and 20', () => {
    const s = exponentialLR({ gamma: 0.9 })
    const whole = trace(s, [0.05, 0.5], 20)
    for (const k of [0, 7, 20]) {
      const first = trace(s, [0.05, 0.5], k)
      const rest = resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 20 - k)
      expectIdentical(rest.lr, whole.lr.slice(k))
      expect(rest.state).toEqual(whole.state)
    }
  })

  test('0 steps returns the given groups as the only row, and the given state', () => {
    const s = multiplicativeLR({ lrLambda: () => 0.5 })
    // after 4 steps from 1: 1 · 0.5^4 = 0.0625
    const t = resume(s, [{ lr: 0.0625, initialLr: 1 }], { lastEpoch: 4, baseLrs: [1] }, 0)
    expect(t.lr).toEqual([[0.0625]])
    expect(t.state).toEqual({ lastEpoch: 4, baseLrs: [1] })
  })
})

describe('traceArray', () => {
  test('is row-major, entry k * groups + i: StepLR(1, 0.5) on lrs 1/2 over 1 step gives [1, 2, 0.5, 1]', () => {
    const a = traceArray(stepLR({ stepSize: 1, gamma: 0.5 }), [1, 2], 1)
    expect(Array.from(a.lr)).toEqual([1, 2, 0.5, 1])
    expect(a.groups).toBe(2)
    expect(a.steps).toBe(1)
    expect(a.lr).toBeInstanceOf(Float64Array)
  })

  test('has momentum only when the schedule sets it: CyclicLR(1, 5, up 4, momentum 1..5) gives momentum 5, 4, 3', () => {
    expect(traceArray(stepLR({ stepSize: 1 }), [1], 2).momentum).toBeUndefined()
    const a = traceArray(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, baseMomentum: 1, maxMomentum: 5 }), [0.05], 2)
    expect(Array.from(a.momentum ?? [])).toEqual([5, 4, 3])
    expect(Array.from(a.lr)).toEqual([1, 2, 3])
  })

  test('takes param groups with a recorded initialLr: ExponentialLR(0.5) on { lr: 0.25, initialLr: 1 } continues 0.25, 0.125 like trace', () => {
    const groups = [{ lr: 0.25, initialLr: 1 }]
    expect(Array.from(traceArray(exponentialLR({ gamma: 0.5 }), groups, 1).lr)).toEqual([0.25, 0.125])
    expect(trace(exponentialLR({ gamma: 0.5 }), groups, 1).lr).toEqual([[0.25], [0.125]])
  })
})

describe('traceArray into arrays of the caller', () => {
  test('writes the rows into into.lr and returns a view of them: ExponentialLR(0.5) on [1] over 2 steps fills 1, 0.5, 0.25 of [7, 7, 7, 7, 7]', () => {
    const into = { lr: new Float64Array(5).fill(7) }
    const a = traceArray(exponentialLR({ gamma: 0.5 }), [1], 2, undefined, into)
    expect(Array.from(into.lr)).toEqual([1, 0.5, 0.25, 7, 7])
    expect(Array.from(a.lr)).toEqual([1, 0.5, 0.25])
    expect(a.lr.buffer).toBe(into.lr.buffer)
    expect(a.momentum).toBeUndefined()
  })

  test('gives the numbers of a fold into new arrays, bit for bit, lr and momentum, and reuses the arrays (CyclicLR with per-group lists, 2 groups, 30 steps, twice)', () => {
    const s = cyclicLR({ baseLr: [1, 2], maxLr: [5, 3], stepSizeUp: 3, stepSizeDown: 5, baseMomentum: [0.8, 0.7], maxMomentum: 0.9 })
    const gs = paramGroups([0.05, 0.5], 0.9)
    const fresh = traceArray(s, gs, 30)
    const into = { lr: new Float64Array(62), momentum: new Float64Array(62) }
    for (let k = 0; k < 2; k++) {
      const a = traceArray(s, gs, 30, undefined, into)
      expectIdentical(a.lr, fresh.lr)
      expect(a.momentum).toBeDefined()
      expectIdentical(a.momentum ?? [], fresh.momentum ?? [])
    }
  })

  test('leaves into.momentum alone for a schedule that does not set momentum', () => {
    const into = { lr: new Float64Array(2), momentum: new Float64Array(2).fill(7) }
    expect(traceArray(stepLR({ stepSize: 1 }), [1], 1, undefined, into).momentum).toBeUndefined()
    expect(Array.from(into.momentum)).toEqual([7, 7])
  })

  for (const { into, message } of [
    { into: { lr: new Float64Array(5) }, message: 'into.lr: expected a Float64Array of at least 6 entries ((steps + 1) · groups), got a Float64Array of 5' },
    { into: { lr: [0, 0, 0, 0, 0, 0] }, message: 'into.lr: expected a Float64Array of at least 6 entries ((steps + 1) · groups), got [0,0,0,0,0,0]' },
    { into: { lr: new Float32Array(6) }, message: 'into.lr: expected a Float64Array of at least 6 entries ((steps + 1) · groups), got a Float32Array of 6' }
  ]) test(`rejects ${message} (StepLR on 2 groups, 2 steps)`, () => {
    expectScheduleError(() => traceArray(stepLR({ stepSize: 1 }), [1, 2], 2, undefined, into as never), message)
  })

  test('a momentum-cycling schedule needs into.momentum, and nothing is written when it is missing', () => {
    const into = { lr: new Float64Array(3).fill(7) }
    expectScheduleError(
      () => traceArray(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 2 }), paramGroups([0.05], 0.9), 2, undefined, into),
      'into.momentum: expected a Float64Array of at least 3 entries ((steps + 1) · groups), got undefined'
    )
    expect(Array.from(into.lr)).toEqual([7, 7, 7])
  })
})

describe('paramGroups', () => {
  test('gives every lr a group with momentum 0: [0.1, 0.01] -> [{ lr: 0.1, momentum: 0 }, { lr: 0.01, momentum: 0 }]', () => {
    expect(paramGroups([0.1, 0.01])).toEqual([{ lr: 0.1, momentum: 0 }, { lr: 0.01, momentum: 0 }])
  })

  test('takes the momentum: paramGroups([0.1], 0.9) -> [{ lr: 0.1, momentum: 0.9 }]', () => {
    expect(paramGroups([0.1], 0.9)).toEqual([{ lr: 0.1, momentum: 0.9 }])
  })

  for (const { lrs, message } of [
    { lrs: [], message: 'lrs: expected a non-empty array of initial lrs, got []' },
    { lrs: 0.1, message: 'lrs: expected a non-empty array of initial lrs, got 0.1' },
    { lrs: [0.1, NaN], message: 'lrs[1]: expected a finite number >= 0, got NaN' },
    { lrs: [Infinity], message: 'lrs[0]: expected a finite number >= 0, got Infinity' },
    { lrs: ['0.1'], message: 'lrs[0]: expected a finite number >= 0, got "0.1"' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => paramGroups(lrs as never), message)
  })
})

describe('closedFormTrace', () => {
  test('has steps + 1 rows from the initial lrs: StepLR(1, 0.5) on [1] over 2 steps gives [[1], [0.5], [0.25]]', () => {
    expect(closedFormTrace(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 2)).toEqual([[1], [0.5], [0.25]])
  })

  test('0 steps gives one row: ExponentialLR(0.5) on [1, 2] gives [[1, 2]]', () => {
    expect(closedFormTrace(exponentialLR({ gamma: 0.5 }), [1, 2], 0)).toEqual([[1, 2]])
  })

  test('fails for a scheduler without a closed form: scheduler: expected a scheduler with a closed form, got "MultiplicativeLR"', () => {
    expectScheduleError(
      () => closedFormTrace(multiplicativeLR({ lrLambda: () => 0.9 }), [1], 2),
      'scheduler: expected a scheduler with a closed form, got "MultiplicativeLR"'
    )
  })

  for (const { steps, message } of [
    { steps: -1, message: 'steps: expected a non-negative integer, got -1' },
    { steps: 1.5, message: 'steps: expected a non-negative integer, got 1.5' }
  ]) test(`rejects ${message}, like trace`, () => {
    expectScheduleError(() => closedFormTrace(stepLR({ stepSize: 1 }), [1], steps), message)
  })
})

describe('group utilities', () => {
  test('momentumOf reads momentum, or betas[0] for Adam-like groups, else undefined', () => {
    expect(momentumOf({ lr: 1, momentum: 0.9 })).toBe(0.9)
    expect(momentumOf({ lr: 1, betas: [0.95, 0.999] })).toBe(0.95)
    expect(momentumOf({ lr: 1 })).toBeUndefined()
  })

  test('withMomentum sets momentum, or betas[0] keeping betas[1], in a new group', () => {
    const g = deepFreeze({ lr: 1, betas: [0.9, 0.999] as const })
    expect(withMomentum(g, 0.85)).toEqual({ lr: 1, betas: [0.85, 0.999] })
    expect(withMomentum({ lr: 1, momentum: 0.9 }, 0.85)).toEqual({ lr: 1, momentum: 0.85 })
  })

  test('recordInitialLrs records lr where initialLr is absent and keeps a recorded one (PyTorch setdefault)', () => {
    expect(recordInitialLrs([{ lr: 0.1 }, { lr: 0.2, initialLr: 1 }])).toEqual([{ lr: 0.1, initialLr: 0.1 }, { lr: 0.2, initialLr: 1 }])
  })

  test('resetToInitialLrs sets lr back to initialLr: { lr: 0.01, initialLr: 0.1 } -> { lr: 0.1, initialLr: 0.1 }', () => {
    expect(resetToInitialLrs([{ lr: 0.01, initialLr: 0.1 }])).toEqual([{ lr: 0.1, initialLr: 0.1 }])
  })

  test('initialLrOf fails before an initial step recorded it', () => {
    expect(initialLrOf({ lr: 0.05, initialLr: 0.1 }, 0)).toBe(0.1)
    expectScheduleError(
      () => initialLrOf({ lr: 0.05 }, 2),
      "groups[2].initialLr: expected an initial lr (call the scheduler's init before step), got undefined"
    )
  })
})
