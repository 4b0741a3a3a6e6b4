import { describe, expect, test } from 'vitest'
import { type CyclicLROptions, closedFormTrace, cyclePosition, cyclicLR, paramGroups, trace, traceArray } from '../../src/index.js'
import { protocolOf } from '../../src/internal/protocol.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { column, range, rows } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12. PyTorch's arithmetic (x = 1 + t / total - cycle, x / stepRatio, ...)
// rounds differently from the literals (13/3, 1.25, ...) and from x * diff * gamma ** i by a few ulps.
const REL = 1e-12

// PyTorch's fixture: SGD with two groups, lr 0.05 and 0.5, momentum 0
const sgd = paramGroups([0.05, 0.5])
const run = (options: CyclicLROptions, n: number) => trace(cyclicLR(options), sgd, n - 1)

// group 1's targets for both groups, or one list per group
const same = (xs: ReadonlyArray<number>) => rows(xs, xs)
const plus = (xs: ReadonlyArray<number>, d: number) => rows(xs, xs.map((x) => x + d))

const triangular = [1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3]
const triangularMomentum = [5, 4, 3, 2, 1, 2, 3, 4, 5, 4, 3]
const triangular2 = [1, 2, 3, 4, 5, 4, 3, 2, 1, 1.5, 2, 2.5, 3, 2.5, 2, 1.5, 1, 1.25, 1.5, 1.75, 2, 1.75]
const expXs = [0, 0.25, 0.5, 0.75, 1, 0.75, 0.5, 0.25, 0, 0.25, 0.5, 0.75, 1]

describe('CyclicLR: PyTorch test suite, one lr', () => {
  const base = { baseLr: 1, maxLr: 5, stepSizeUp: 4, baseMomentum: 1, maxMomentum: 5 } as const

  test('triangular_mode_one_lr: base 1, max 5, up 4 gives lr 1,2,3,4,5,4,3,2,1,2,3 and momentum 5,4,3,2,1,2,3,4,5,4,3', () => {
    const t = run({ ...base, mode: 'triangular' }, 11)
    expectClose(t.lr, same(triangular), REL)
    expectClose(t.momentum ?? [], same(triangularMomentum), REL)
  })

  test('triangular_mode_one_lr_no_momentum: cycleMomentum false leaves momentum 0 and records no momentum column', () => {
    const t = run({ ...base, mode: 'triangular', cycleMomentum: false }, 11)
    expectClose(t.lr, same(triangular), REL)
    expect(t.momentum).toBeUndefined()
    expect(t.groups.map((g) => g.momentum)).toEqual([0, 0])
  })

  test('triangular2_mode_one_lr: the amplitude halves every cycle: 1..5..1, 1..3..1, 1..2..1.75; momentum = 6 - lr', () => {
    const t = run({ ...base, mode: 'triangular2' }, 22)
    expectClose(t.lr, same(triangular2), REL)
    expectClose(t.momentum ?? [], same(triangular2.map((x) => 6 - x)), REL)
  })

  test('exp_range_mode_one_lr: gamma 0.9 gives lr 1 + x * 4 * .9 ** i and momentum 5 - x * 4 * .9 ** i, x = 0,.25,.5,.75,1,.75,...', () => {
    const t = run({ ...base, mode: 'exp_range', gamma: 0.9 }, 13)
    expectClose(t.lr, same(expXs.map((x, i) => 1 + x * 4 * 0.9 ** i)), REL)
    expectClose(t.momentum ?? [], same(expXs.map((x, i) => 5 - x * 4 * 0.9 ** i)), REL)
  })
})

describe('CyclicLR: PyTorch test suite, one lr per group', () => {
  test('triangular_mode: base [1, 2], max [5, 6], momentum [1, 2]..[5, 6]: group 2 = group 1 + 1', () => {
    const t = run({ baseLr: [1, 2], maxLr: [5, 6], stepSizeUp: 4, baseMomentum: [1, 2], maxMomentum: [5, 6] }, 11)
    expectClose(t.lr, plus(triangular, 1), REL)
    expectClose(t.momentum ?? [], plus(triangularMomentum, 1), REL)
  })

  test('triangular2_mode: base [1, 3], max [5, 7], momentum [1, 3]..[5, 7]: group 2 = group 1 + 2', () => {
    const t = run({ baseLr: [1, 3], maxLr: [5, 7], stepSizeUp: 4, mode: 'triangular2', baseMomentum: [1, 3], maxMomentum: [5, 7] }, 22)
    expectClose(t.lr, plus(triangular2, 2), REL)
    expectClose(t.momentum ?? [], plus(triangular2.map((x) => 6 - x), 2), REL)
  })

  test('exp_range_mode: base [1, 5], max [5, 12], gamma 0.9: lr base + x * (max - base) * .9 ** i per group, momentum max - x * (max - base) * .9 ** i', () => {
    const t = run({ baseLr: [1, 5], maxLr: [5, 12], stepSizeUp: 4, mode: 'exp_range', gamma: 0.9, baseMomentum: [1, 5], maxMomentum: [5, 12] }, 13)
    expectClose(t.lr, rows(expXs.map((x, i) => 1 + x * 4 * 0.9 ** i), expXs.map((x, i) => 5 + x * 7 * 0.9 ** i)), REL)
    expectClose(t.momentum ?? [], rows(expXs.map((x, i) => 5 - x * 4 * 0.9 ** i), expXs.map((x, i) => 12 - x * 7 * 0.9 ** i)), REL)
  })
})

describe('CyclicLR: PyTorch test suite, stepSizeUp != stepSizeDown', () => {
  test('triangular_mode_step_size_up_down: up 4, down 6 gives lr 1,2,3,4,5,13/3,11/3,3,7/3,5/3,1 and momentum 5,4,3,2,1,5/3,...,13/3,5', () => {
    const t = run({ baseLr: 1, maxLr: 5, stepSizeUp: 4, stepSizeDown: 6, baseMomentum: 1, maxMomentum: 5 }, 11)
    expectClose(t.lr, same([1, 2, 3, 4, 5, 13 / 3, 11 / 3, 3, 7 / 3, 5 / 3, 1]), REL)
    expectClose(t.momentum ?? [], same([5, 4, 3, 2, 1, 5 / 3, 7 / 3, 3, 11 / 3, 13 / 3, 5]), REL)
  })

  test('triangular2_mode_step_size_up_down: base [1, 3], max [5, 7], up 2, down 6 gives lr 1,3,5,13/3,...,7/6 (group 2 + 2), momentum 5,3,1,5/3,...,29/6 (+ 2)', () => {
    const lr = [1, 3, 5, 13 / 3, 11 / 3, 3, 7 / 3, 5 / 3, 1, 2, 3, 8 / 3, 7 / 3, 2, 5 / 3, 4 / 3, 1, 1.5, 2, 11 / 6, 10 / 6, 9 / 6, 8 / 6, 7 / 6]
    const momentum = [5, 3, 1, 5 / 3, 7 / 3, 3, 11 / 3, 13 / 3, 5, 4, 3, 10 / 3, 11 / 3, 4, 13 / 3, 14 / 3, 5, 4.5, 4, 25 / 6, 13 / 3, 4.5, 14 / 3, 29 / 6]
    const t = run({ baseLr: [1, 3], maxLr: [5, 7], stepSizeUp: 2, stepSizeDown: 6, mode: 'triangular2', baseMomentum: [1, 3], maxMomentum: [5, 7] }, 24)
    expectClose(t.lr, plus(lr, 2), REL)
    expectClose(t.momentum ?? [], plus(momentum, 2), REL)
  })

  test('exp_range_mode_step_size_up_down: up 2, down 6, gamma 0.9 gives lr 1 + x * 4 * .9 ** i, x = 0,.5,1,5/6,4/6,...,1/6,0,.5,1,5/6,4/6', () => {
    const xs = [0, 0.5, 1, 5 / 6, 4 / 6, 3 / 6, 2 / 6, 1 / 6, 0, 0.5, 1, 5 / 6, 4 / 6]
    const t = run({ baseLr: 1, maxLr: 5, stepSizeUp: 2, stepSizeDown: 6, mode: 'exp_range', gamma: 0.9, baseMomentum: 1, maxMomentum: 5 }, 13)
    expectClose(t.lr, same(xs.map((x, i) => 1 + x * 4 * 0.9 ** i)), REL)
    expectClose(t.momentum ?? [], same(xs.map((x, i) => 5 - x * 4 * 0.9 ** i)), REL)
  })
})

describe('CyclicLR: PyTorch test suite, optimizers without momentum', () => {
  test('cycle_lr_with_momentumless_optimizer: groups without momentum and cycleMomentum false give lr 1,2,3,4,5,4,3,2,1,2,3', () => {
    const t = trace(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, cycleMomentum: false }), [{ lr: 0.05 }, { lr: 0.5 }], 10)
    expectClose(t.lr, same(triangular), REL)
    expect(t.groups).toEqual([{ lr: 3, initialLr: 1 }, { lr: 3, initialLr: 1 }])
  })

  test('cycle_momentum_fail_with_momentumless_optimizer: cycleMomentum (the default) on a group without momentum or betas fails in trace and traceArray', () => {
    const s = cyclicLR({ baseLr: 1, maxLr: 5 })
    const message =
      'groups[0]: expected a param group with momentum or betas (CyclicLR cycles momentum; set cycleMomentum: false for an optimizer without momentum), got {"lr":0.05}'
    expectScheduleError(() => trace(s, [{ lr: 0.05 }], 1), message)
    expectScheduleError(() => traceArray(s, [{ lr: 0.05 }], 1), message)
  })

  test('cycle_momentum_with_beta1: Adam-like groups cycle betas[0] (5,4,3,2,1,...) and keep betas[1] = 0.999', () => {
    const adam = [{ lr: 0.05, betas: [0.9, 0.999] as const }, { lr: 0.5, betas: [0.9, 0.999] as const }]
    const s = cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, baseMomentum: 1, maxMomentum: 5 })
    const t = trace(s, adam, 10)
    expectClose(t.lr, same(triangular), REL)
    expectClose(t.momentum ?? [], same(triangularMomentum), REL)
    expect(t.groups.map((g) => g.betas)).toEqual([[3, 0.999], [3, 0.999]])
    expect(t.groups.some((g) => 'momentum' in g)).toBe(false)
    expectTraceArrayMatches(s, adam, 10)
  })
})

describe('CyclicLR: behaviour', () => {
  test('the constructor sets the lr to baseLr and records it as initialLr: base 1 on lr 0.05 gives row 0 = 1, initialLr 1', () => {
    const [g] = cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4 }).init(sgd)
    expect(g.map((x) => [x.lr, x.initialLr, x.momentum])).toEqual([[1, 1, 0.9], [1, 1, 0.9]])
  })

  test('row 0 is the recorded initialLr when another scheduler recorded it first (PyTorch steps before assigning base_lrs): initialLr 0.05 gives 0.05, then 2, 3', () => {
    const t = trace(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4 }), [{ lr: 0.05, initialLr: 0.05, momentum: 0 }], 2)
    expectClose(t.lr, [[0.05], [2], [3]], REL)
  })

  test('default momenta 0.8..0.9 and default stepSizeUp 2000: step 1000 is halfway, lr 1.5 and momentum 0.85 for base 1, max 2', () => {
    const t = trace(cyclicLR({ baseLr: 1, maxLr: 2 }), paramGroups([0.1]), 1000)
    expectClose(t.lr[1000] ?? [], [1.5], REL)
    expectClose(t.momentum?.[1000] ?? [], [0.85], REL)
  })

  test('stepSizeDown 0 makes a sawtooth: base 0, max 1, up 2, down 0 gives 0, 0.5, 0, 0.5, 0', () => {
    expectClose(trace(cyclicLR({ baseLr: 0, maxLr: 1, stepSizeUp: 2, stepSizeDown: 0, cycleMomentum: false }), [1], 4).lr, rows([0, 0.5, 0, 0.5, 0]), REL)
  })

  test('a custom scaleFn of the cycle number (1, 2, 3, ...): x => 1 / x with base 0, max 1, up 1, down 1 peaks at 1, 1/2, 1/3', () => {
    const s = cyclicLR({ baseLr: 0, maxLr: 1, stepSizeUp: 1, scaleFn: (x) => 1 / x, cycleMomentum: false })
    expectClose(trace(s, [1], 6).lr, rows([0, 1, 0, 1 / 2, 0, 1 / 3, 0]), REL)
  })

  test('a custom scaleFn of the step index (scaleMode iterations): t => 0.5 ** t with base 0, max 1, up 1 peaks at 0.5, 0.125, 0.03125', () => {
    const s = cyclicLR({ baseLr: 0, maxLr: 1, stepSizeUp: 1, scaleFn: (t) => 0.5 ** t, scaleMode: 'iterations', cycleMomentum: false })
    expectClose(trace(s, [1], 5).lr, rows([0, 0.5, 0, 0.125, 0, 0.03125]), REL)
  })

  test('mode is checked even when scaleFn is given (as decoding checks it; PyTorch reads it only without scale_fn)', () => {
    expectScheduleError(
      () => cyclicLR({ baseLr: 0, maxLr: 1, mode: 'CATS' as never, scaleFn: () => 1 }),
      'mode: expected one of "triangular", "triangular2", "exp_range", got "CATS"'
    )
    expect(() => cyclicLR({ baseLr: 0, maxLr: 1, mode: 'exp_range', scaleFn: () => 1 })).not.toThrow()
  })

  test('cyclePosition(t, up 2, down 2): cycles 1,1,1,1,2 and scale factors 0, 0.5, 1, 0.5, 0 at t = 0..4', () => {
    expect(range(5, (t) => cyclePosition(t, 2, 2).cycle)).toEqual([1, 1, 1, 1, 2])
    expect(range(5, (t) => cyclePosition(t, 2, 2).scaleFactor)).toEqual([0, 0.5, 1, 0.5, 0])
  })

  test('closedForm(t) gives the triangular targets 1,2,3,4,5,4,3,2,1,2,3 and cyclicMomentum(t) 5,4,3,2,1,2,3,4,5,4,3 (base 1, max 5, up 4, momentum 1..5)', () => {
    const s = cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, baseMomentum: 1, maxMomentum: 5 })
    expectClose(closedFormTrace(s, [0.05, 0.5], 10), same(triangular), REL)
    expectClose(range(11, (t) => protocolOf(s).closedFormMomentum!(t, 2)), same(triangularMomentum), REL)
  })

  test('closedForm and cyclicMomentum equal the trace (the same expression): triangular2, up 2, down 6, two groups, 40 steps', () => {
    const s = cyclicLR({ baseLr: [1, 3], maxLr: [5, 7], stepSizeUp: 2, stepSizeDown: 6, mode: 'triangular2', baseMomentum: [1, 3], maxMomentum: [5, 7] })
    const t = trace(s, sgd, 40)
    expect(closedFormTrace(s, [1, 3], 40)).toEqual(t.lr)
    expect(range(41, (k) => protocolOf(s).closedFormMomentum!(k, 2))).toEqual(t.momentum)
    expect(column(t.lr, 0).slice(0, 3)).toEqual([1, 3, 5])
  })
})

describe('CyclicLR: validation', () => {
  const ok = { baseLr: 1, maxLr: 5 }
  for (const { options, message } of [
    { options: { maxLr: 5 }, message: 'baseLr: missing, expected a finite number >= 0' },
    { options: { baseLr: -1, maxLr: 5 }, message: 'baseLr: expected a finite number >= 0, got -1' },
    { options: { baseLr: [], maxLr: 5 }, message: 'baseLr: expected a number or a non-empty array of numbers (one per param group), got []' },
    { options: { baseLr: [1, NaN], maxLr: 5 }, message: 'baseLr[1]: expected a finite number >= 0, got NaN' },
    { options: { baseLr: 1, maxLr: Infinity }, message: 'maxLr: expected a finite number >= 0, got Infinity' },
    { options: { ...ok, stepSizeUp: 0 }, message: 'stepSizeUp: expected a positive integer, got 0' },
    { options: { ...ok, stepSizeUp: 2.5 }, message: 'stepSizeUp: expected a positive integer, got 2.5' },
    { options: { ...ok, stepSizeDown: -1 }, message: 'stepSizeDown: expected a non-negative integer, got -1' },
    { options: { ...ok, stepSizeDown: 1.5 }, message: 'stepSizeDown: expected a non-negative integer, got 1.5' },
    { options: { ...ok, mode: 'CATS' }, message: 'mode: expected one of "triangular", "triangular2", "exp_range", got "CATS"' },
    { options: { ...ok, mode: 'exp_range', gamma: 0 }, message: 'gamma: expected a finite number > 0, got 0' },
    { options: { ...ok, scaleFn: 1 }, message: 'scaleFn: expected a function or a non-empty array of functions (one per param group), got 1' },
    { options: { ...ok, scaleFn: [() => 1, () => 2] }, message: 'scaleFn: expected a function, got ["<function>","<function>"]' },
    { options: { ...ok, scaleFn: () => 1, scaleMode: 'epochs' }, message: 'scaleMode: expected one of "cycle", "iterations", got "epochs"' },
    { options: { ...ok, cycleMomentum: 'yes' }, message: 'cycleMomentum: expected a boolean, got "yes"' },
    { options: { ...ok, baseMomentum: -0.1 }, message: 'baseMomentum: expected a finite number >= 0, got -0.1' },
    { options: { ...ok, maxMomentum: [0.9, -1] }, message: 'maxMomentum[1]: expected a finite number >= 0, got -1' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => cyclicLR(options as unknown as CyclicLROptions), message)
  })

  for (const { options, message } of [
    { options: { baseLr: [1, 2, 3], maxLr: 5 }, message: 'baseLr: expected 2 values (one per param group), got [1,2,3]' },
    { options: { baseLr: 1, maxLr: [5] }, message: 'maxLr: expected 2 values (one per param group), got [5]' },
    { options: { baseLr: 1, maxLr: 5, baseMomentum: [0.8] }, message: 'baseMomentum: expected 2 values (one per param group), got [0.8]' },
    { options: { baseLr: 1, maxLr: 5, maxMomentum: [0.9, 0.9, 0.9] }, message: 'maxMomentum: expected 2 values (one per param group), got [0.9,0.9,0.9]' }
  ]) test(`a per-group list of the wrong length fails on 2 groups in trace, traceArray and closedFormTrace: ${message}`, () => {
    const s = cyclicLR(options)
    expectScheduleError(() => trace(s, sgd, 1), message)
    expectScheduleError(() => traceArray(s, sgd, 1), message)
    expectScheduleError(() => closedFormTrace(s, [0.05, 0.5], 1), message)
  })

  test('momentum lists of the wrong length are ignored when cycleMomentum is false', () => {
    const s = cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, cycleMomentum: false, baseMomentum: [0.8], maxMomentum: [0.9] })
    expectClose(trace(s, sgd, 10).lr, same(triangular), REL)
  })
})

describe('CyclicLR: laws', () => {
  test('init, 30 steps and restart leave frozen groups and states unchanged (SGD and Adam-like groups)', () => {
    const s = cyclicLR({ baseLr: [1, 3], maxLr: [5, 7], stepSizeUp: 2, stepSizeDown: 6, mode: 'triangular2' })
    expectPure(s, sgd, 30)
    expectPure(s, [{ lr: 0.05, betas: [0.9, 0.999] }, { lr: 0.5, betas: [0.95, 0.99] }], 30)
  })

  // the fast path computes a step once when every group has the same arguments, per group otherwise
  for (const options of [
    { baseLr: 1, maxLr: 5, stepSizeUp: 3 },
    { baseLr: 1, maxLr: [5, 6, 5], stepSizeUp: 3 },
    { baseLr: 1, maxLr: 5, stepSizeUp: 3, baseMomentum: [0.8, 0.7, 0.8] },
    { baseLr: 1, maxLr: 5, stepSizeUp: 3, mode: 'triangular2' as const, cycleMomentum: false }
  ]) test(`traceArray equals trace bit for bit, lr and momentum, on 3 groups: ${JSON.stringify(options)}`, () => {
    expectTraceArrayMatches(cyclicLR(options), paramGroups([0.05, 0.5, 1], 0.9), 40)
  })

  test('traceArray equals trace bit for bit, lr and momentum (exp_range, up 2, down 6, 50 steps; no-momentum, 20 steps)', () => {
    expectTraceArrayMatches(cyclicLR({ baseLr: [1, 5], maxLr: [5, 12], stepSizeUp: 2, stepSizeDown: 6, mode: 'exp_range', gamma: 0.9 }), sgd, 50)
    expectTraceArrayMatches(cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, cycleMomentum: false }), [{ lr: 0.05 }, { lr: 0.5 }], 20)
  })
})
