import { describe, expect, test } from 'vitest'
import {
  chain,
  closedFormTrace,
  constantLR,
  cosineAnnealingLR,
  cyclicLR,
  exponentialLR,
  linearLR,
  multiplicativeLR,
  paramGroups,
  resume,
  sequential,
  stepLR,
  trace
} from '../../src/index.js'
import { expectClose, expectIdentical } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rep, rows, scale } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'
import { protocolOf } from '../../src/internal/protocol.js'

// Tolerance: relative 1e-12 (recurrences vs the decimal literals and powers of PyTorch's targets:
// a few ulps apart).
const REL = 1e-12

describe('sequential: PyTorch test suite', () => {
  test('sequentiallr1: Seq[Exp(0.8), StepLR(4, 0.1)], milestones [3] on 0.05/0.5 gives .05,.04,.032 then restarts at .05 with a decay every 4 steps', () => {
    const single = [0.05, 0.04, 0.032, ...rep(0.05, 4), ...rep(0.005, 4), ...rep(0.0005, 4), ...rep(0.00005, 4)]
    const s = sequential([exponentialLR({ gamma: 0.8 }), stepLR({ stepSize: 4, gamma: 0.1 })], [3])
    expectClose(trace(s, [0.05, 0.5], 18).lr, rows(single, scale(single, 10)), REL)
  })

  test('sequentiallr2: Seq[Const(0.1, 3), Exp(0.9)], milestones [3] gives [.005]*3 + [.05 * .9 ** x for x in 0..9]', () => {
    const single = [...rep(0.005, 3), ...range(10, (x) => 0.05 * 0.9 ** x)]
    const s = sequential([constantLR({ factor: 0.1, totalIters: 3 }), exponentialLR({ gamma: 0.9 })], [3])
    expectClose(trace(s, [0.05, 0.5], 12).lr, rows(single, scale(single, 10)), REL)
  })

  test('sequentiallr3: Seq[Const(0.1, 3), Exp(0.8), StepLR(2, 0.1)], milestones [3, 6] gives [.005]*3 + [.05,.04,.032] + [.05,.05,.005,.005,.0005,.0005]', () => {
    const single = [...rep(0.005, 3), 0.05, 0.04, 0.032, 0.05, 0.05, 0.005, 0.005, 0.0005, 0.0005]
    const s = sequential([constantLR({ factor: 0.1, totalIters: 3 }), exponentialLR({ gamma: 0.8 }), stepLR({ stepSize: 2, gamma: 0.1 })], [3, 6])
    expectClose(trace(s, [0.05, 0.5], 11).lr, rows(single, scale(single, 10)), REL)
  })

  test('sequentiallr4: Seq[Const(factor 1), Const(0.1)], milestones [10] on lr 0.1: the lr after the initial step is 0.1 (the second child\'s initial step is undone)', () => {
    const s = sequential([constantLR({ factor: 1 }), constantLR({ factor: 0.1 })], [10])
    expect(trace(s, [0.1], 0).lr).toEqual([[0.1]])
  })

  test('sequentiallr5: Seq[Chain[Linear(0.1, 5), Const(0.1, 5)], Const(0.5, 5)], milestones [5] on lr 0.05 gives .0005,.0014,.0023,.0032,.0041 then [.025]*5', () => {
    const inner = chain([linearLR({ startFactor: 0.1, totalIters: 5 }), constantLR({ factor: 0.1, totalIters: 5 })])
    const s = sequential([inner, constantLR({ factor: 0.5, totalIters: 5 })], [5])
    expectClose(trace(s, [0.05], 9).lr, rows([0.0005, 0.0014, 0.0023, 0.0032, 0.0041, ...rep(0.025, 5)]), REL)
  })

  test('sequentiallr_does_not_alias: float lr 2.0, Seq[Linear(0.1, 0.8, 4), Linear(0.8, 0.1, 4)], milestones [4] gives .2,.55,.9,1.25,1.6,1.25,.9,.55', () => {
    const s = sequential(
      [linearLR({ startFactor: 0.1, endFactor: 0.8, totalIters: 4 }), linearLR({ startFactor: 0.8, endFactor: 0.1, totalIters: 4 })],
      [4]
    )
    const t = trace(s, [2.0], 7)
    expectClose(t.lr, rows([0.2, 0.55, 0.9, 1.25, 1.6, 1.25, 0.9, 0.55]), REL)
    // the initial lr is kept apart from the lr
    expect(t.groups[0]?.initialLr).toBe(2.0)
  })
})

describe('sequential: behaviour', () => {
  for (const { name, s } of [
    { name: 'StepLR(3, 0.1)', s: stepLR({ stepSize: 3, gamma: 0.1 }) },
    { name: 'LinearLR(0.5, 1, 4)', s: linearLR({ startFactor: 0.5, totalIters: 4 }) },
    { name: 'MultiplicativeLR(0.9)', s: multiplicativeLR({ lrLambda: () => 0.9 }) },
    { name: 'CyclicLR(1, 5, up 4)', s: cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4 }) }
  ]) test(`a sequential of one scheduler, ${name}, gives the same trace bit for bit (lr and momentum)`, () => {
    const a = trace(sequential([s], []), paramGroups([0.05, 0.5], 0.9), 20)
    const b = trace(s, paramGroups([0.05, 0.5], 0.9), 20)
    expectIdentical(a.lr, b.lr)
    expect(a.momentum).toEqual(b.momentum)
  })

  test('at a milestone the next scheduler starts over from the initial lrs: Seq[Exp(0.5), Exp(0.5)], milestones [2] on lr 1 gives 1, 0.5, 1, 0.5, 0.25', () => {
    const s = sequential([exponentialLR({ gamma: 0.5 }), exponentialLR({ gamma: 0.5 })], [2])
    expect(trace(s, [1], 4).lr).toEqual([[1], [0.5], [1], [0.5], [0.25]])
  })

  test('MultiplicativeLR at a milestone multiplies the current lr by lambda(0) (PyTorch 2.13): Seq[Exp(0.5), Mult(0.9)], milestones [3] on lr 1 gives 1, .5, .25, .225, .2025', () => {
    const s = sequential([exponentialLR({ gamma: 0.5 }), multiplicativeLR({ lrLambda: () => 0.9 })], [3])
    expectClose(trace(s, [1], 4).lr, rows([1, 0.5, 0.25, 0.25 * 0.9, 0.25 * 0.9 * 0.9]), REL)
  })

  test('milestone 0 starts with the second scheduler (PyTorch 2.13, #185872): Seq[Const(0.5, 2), Exp(0.9)], milestones [0] on lr 1 gives 1, .9, .81, .729', () => {
    const s = sequential([constantLR({ factor: 0.5, totalIters: 2 }), exponentialLR({ gamma: 0.9 })], [0])
    expectClose(trace(s, [1], 3).lr, rows([1, 0.9, 0.81, 0.729]), REL)
  })

  test('the state is { lastEpoch, schedulers }: Seq[Exp(0.5), StepLR(2)], milestones [3], after 5 steps: { lastEpoch: 5, schedulers: [{ lastEpoch: 2, baseLrs: [1] }, { lastEpoch: 2, baseLrs: [1] }] }', () => {
    // child 1 stepped at t = 1, 2; child 2 restarted at t = 3 (lastEpoch 0), stepped at t = 4, 5
    const s = sequential([exponentialLR({ gamma: 0.5 }), stepLR({ stepSize: 2 })], [3])
    expect(trace(s, [1], 5).state).toEqual({ lastEpoch: 5, schedulers: [{ lastEpoch: 2, baseLrs: [1] }, { lastEpoch: 2, baseLrs: [1] }] })
  })

  test('a run resumed from a JSON checkpoint across a milestone continues bit for bit: Seq[Linear(0.1, 1, 5), Cos(20)], milestones [5], split at 3', () => {
    const s = sequential([linearLR({ startFactor: 0.1, totalIters: 5 }), cosineAnnealingLR({ tMax: 20 })], [5])
    const whole = trace(s, [0.05, 0.5], 30)
    const first = trace(s, [0.05, 0.5], 3)
    const rest = resume(s, JSON.parse(JSON.stringify(first.groups)), JSON.parse(JSON.stringify(first.state)), 27)
    expectIdentical(rest.lr, whole.lr.slice(3))
  })

  test('closedForm follows the child in charge at its local step: Seq[Linear(0.5, 1, 2), Exp(0.5)], milestones [2] on lr 1 gives 0.5, 0.75, 1, 0.5, 0.25', () => {
    const s = sequential([linearLR({ startFactor: 0.5, totalIters: 2 }), exponentialLR({ gamma: 0.5 })], [2])
    expectClose(closedFormTrace(s, [1], 4), rows([0.5, 0.75, 1, 0.5, 0.25]), REL)
    expectClose(trace(s, [1], 4).lr, rows([0.5, 0.75, 1, 0.5, 0.25]), REL)
  })

  test('a CosineAnnealingLR after a milestone starts at its closed form at 0 and recurses from there: Seq[Const(0.5, 2), Cos(4)], ms [2] on lr 1 gives .5, .5, then (1 + cos(pi j / 4)) / 2', () => {
    const s = sequential([constantLR({ factor: 0.5, totalIters: 2 }), cosineAnnealingLR({ tMax: 4 })], [2])
    // abs 1e-15: cos(pi / 2) = 6.1e-17 and the recursion's ratios round in the last bits
    expectClose(trace(s, [1], 6).lr, rows([0.5, 0.5, ...range(5, (j) => (1 + Math.cos((Math.PI * j) / 4)) / 2)]), 0, 1e-15)
  })

  test('a first CyclicLR records its baseLr as the initial lr (PyTorch sets lr = baseLr before setdefault), so a later child restarts from it: Seq[Cyclic(1, 5, up 2), Exp(0.5)], ms [4] on lr 0.05 gives 1, 3, 5, 3, 1, 0.5, 0.25', () => {
    const s = sequential([cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 2 }), exponentialLR({ gamma: 0.5 })], [4])
    const t = trace(s, paramGroups([0.05], 0.9), 6)
    expectClose(t.lr, rows([1, 3, 5, 3, 1, 0.5, 0.25]), REL)
    // momentum: maxMomentum 0.9 at the cycle's ends, baseMomentum 0.8 at its peak; ExponentialLR leaves the last value
    expectClose(t.momentum ?? [], rows([0.9, 0.85, 0.8, 0.85, 0.85, 0.85, 0.85]), REL)
  })

  test('no closed form when a child has none (MultiplicativeLR)', () => {
    expect(protocolOf(sequential([stepLR({ stepSize: 1 }), multiplicativeLR({ lrLambda: () => 0.9 })], [2])).closedForm).toBeUndefined()
  })

  test('momentum is cycled when a child cycles it: Seq[Const(0.5, 2), CyclicLR(1, 5, up 4, momentum 1..5)], milestones [2] on lr 0.05 (momentum 0.9)', () => {
    // row 0: every child is built in order (CyclicLR sets momentum to maxMomentum 5 and lr to 1, a
    // recorded initial lr stays 0.05), then the lr goes back to 0.05 and ConstantLR halves it;
    // at milestone 2 CyclicLR restarts at its t = 0: lr 1, momentum 5; then 2, 3 and momentum 4, 3
    const s = sequential([constantLR({ factor: 0.5, totalIters: 2 }), cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 4, baseMomentum: 1, maxMomentum: 5 })], [2])
    const t = trace(s, paramGroups([0.05], 0.9), 4)
    expectClose(t.lr, rows([0.025, 0.025, 1, 2, 3]), REL)
    expectClose(t.momentum ?? [], rows([5, 5, 5, 4, 3]), REL)
  })
})

describe('sequential: nesting', () => {
  test('a chain as a later child is built afresh on the initial lrs at its milestone: Seq[Exp(0.5), Chain[Const(0.5, 2), Exp(0.9)]], milestones [2] on lr 1', () => {
    // rows 0-1: Exp(0.5) from 1: 1, 0.5. Row 2: the chain's initial step on lr 1: 1 * 0.5 (Const)
    // = 0.5. Row 3: Const holds, Exp: 0.5 * 0.9 = 0.45. Row 4: Const restores (/ 0.5), Exp: 0.81.
    // Row 5: 0.729. In general row 2 + j = 0.9 ** j * (j < 2 ? 0.5 : 1).
    const inner = chain([constantLR({ factor: 0.5, totalIters: 2 }), exponentialLR({ gamma: 0.9 })])
    const s = sequential([exponentialLR({ gamma: 0.5 }), inner], [2])
    const expected = [1, 0.5, ...range(4, (j) => 0.9 ** j * (j < 2 ? 0.5 : 1))]
    expectClose(trace(s, [1], 5).lr, rows(expected), REL)
    expectClose(trace(s, [1, 10], 5).lr, rows(expected, scale(expected, 10)), REL)
  })

  test('a sequential as a later child starts over at its milestone: Seq[Const(0.5, 1), Seq[Exp(0.5), StepLR(1, 0.1)] ms [2]], milestones [1] on lr 1', () => {
    // row 0: 0.5 (Const); row 1: the inner sequential starts on lr 1: 1; rows 2: 0.5 (Exp);
    // row 3 (inner milestone 2): StepLR restarts at 1; rows 4, 5: 0.1, 0.01
    const inner = sequential([exponentialLR({ gamma: 0.5 }), stepLR({ stepSize: 1, gamma: 0.1 })], [2])
    const s = sequential([constantLR({ factor: 0.5, totalIters: 1 }), inner], [1])
    expectClose(trace(s, [1], 5).lr, rows([0.5, 1, 0.5, 1, 0.1, 0.01]), REL)
  })
})

describe('sequential: validation', () => {
  const a = stepLR({ stepSize: 1 })
  const b = exponentialLR({ gamma: 0.9 })
  for (const { schedulers, milestones, message } of [
    { schedulers: [a, b], milestones: [], message: 'milestones: expected 1 milestone (one fewer than the schedulers), got []' },
    { schedulers: [a, b, a], milestones: [2], message: 'milestones: expected 2 milestones (one fewer than the schedulers), got [2]' },
    { schedulers: [a], milestones: [3], message: 'milestones: expected 0 milestones (one fewer than the schedulers), got [3]' },
    { schedulers: [a, b, a], milestones: [3, 3], message: 'milestones[1]: expected a milestone > 3 (milestones must increase strictly), got 3' },
    { schedulers: [a, b, a], milestones: [5, 2], message: 'milestones[1]: expected a milestone > 5 (milestones must increase strictly), got 2' },
    { schedulers: [a, b], milestones: [-1], message: 'milestones[0]: expected a non-negative integer, got -1' },
    { schedulers: [a, b], milestones: [1.5], message: 'milestones[0]: expected a non-negative integer, got 1.5' },
    { schedulers: [a, b], milestones: 3, message: 'milestones: expected an array, got 3' },
    { schedulers: [], milestones: [], message: 'schedulers: expected a non-empty array, got []' },
    { schedulers: undefined, milestones: [], message: 'schedulers: expected a non-empty array, got undefined' },
    { schedulers: [a, { foo: 1 }], milestones: [1], message: 'schedulers[1]: expected a scheduler (built by one of the constructors or combinators of lr-schedule), got {"foo":1}' },
    { schedulers: [null, a], milestones: [1], message: 'schedulers[0]: expected a scheduler (built by one of the constructors or combinators of lr-schedule), got null' },
    { schedulers: [a, 0.1], milestones: [1], message: 'schedulers[1]: expected a scheduler (built by one of the constructors or combinators of lr-schedule), got 0.1' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => sequential(schedulers as never, milestones as never), message)
  })
})

describe('sequential: laws', () => {
  const cases = [
    { name: 'Seq[Exp(0.8), StepLR(4, 0.1)] ms [3]', s: sequential([exponentialLR({ gamma: 0.8 }), stepLR({ stepSize: 4, gamma: 0.1 })], [3]) },
    { name: 'Seq[Exp(0.5), Mult(0.9)] ms [3]', s: sequential([exponentialLR({ gamma: 0.5 }), multiplicativeLR({ lrLambda: () => 0.9 })], [3]) },
    { name: 'Seq[Const(0.5, 2), Exp(0.9)] ms [0]', s: sequential([constantLR({ factor: 0.5, totalIters: 2 }), exponentialLR({ gamma: 0.9 })], [0]) },
    {
      name: 'Seq[Chain[Linear(0.1, 5), Const(0.1, 5)], Const(0.5, 5)] ms [5]',
      s: sequential([chain([linearLR({ startFactor: 0.1, totalIters: 5 }), constantLR({ factor: 0.1, totalIters: 5 })]), constantLR({ factor: 0.5, totalIters: 5 })], [5])
    },
    {
      name: 'Seq[Exp(0.5), Chain[Const(0.5, 2), Exp(0.9)], Seq[Cos(5), Cyclic(1, 5)] ms [3]] ms [2, 6]',
      s: sequential(
        [
          exponentialLR({ gamma: 0.5 }),
          chain([constantLR({ factor: 0.5, totalIters: 2 }), exponentialLR({ gamma: 0.9 })]),
          sequential([cosineAnnealingLR({ tMax: 5 }), cyclicLR({ baseLr: 1, maxLr: 5, stepSizeUp: 2 })], [3])
        ],
        [2, 6]
      )
    }
  ]

  for (const { name, s } of cases) test(`${name}: init, 15 steps (across the milestones) and restart leave frozen groups and states unchanged`, () => {
    expectPure(s, paramGroups([0.05, 0.5], 0.9), 15)
  })

  for (const { name, s } of cases) test(`${name}: traceArray equals trace bit for bit over 20 steps`, () => {
    expectTraceArrayMatches(s, paramGroups([0.05, 0.5], 0.9), 20)
  })

  // the fast path keeps the child in charge and the next milestone rather than bisecting
  test('traceArray equals trace bit for bit with a milestone 0 and milestones a step apart (milestones 0, 3, 4, 8; 12 steps)', () => {
    const s = sequential(
      [exponentialLR({ gamma: 0.5 }), linearLR({ startFactor: 0.5, totalIters: 2 }), stepLR({ stepSize: 1, gamma: 0.9 }), exponentialLR({ gamma: 0.8 }), constantLR({ factor: 0.5, totalIters: 2 })],
      [0, 3, 4, 8]
    )
    expectTraceArrayMatches(s, paramGroups([0.05, 0.5], 0.9), 12)
  })
})
