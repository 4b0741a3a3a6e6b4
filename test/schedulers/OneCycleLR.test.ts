import { describe, expect, test } from 'vitest'
import { closedFormTrace, oneCycleLR, paramGroups, trace } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { column, range } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12 (absolute 1e-12 where a value is 0): the expected values are PyTorch's
// test-suite literals or its cosine formula written out; the library computes PyTorch's phase
// arithmetic, which rounds differently in the last bits.
const REL = 1e-12
const sgd = (lr: number) => [{ lr, momentum: 0 }]
// PyTorch's test helper: cos(s, e, p) = e + (s - e) / 2 * (cos(pi * p) + 1)
const annealCos = (s: number, e: number, p: number) => e + ((s - e) / 2) * (Math.cos(Math.PI * p) + 1)

describe('OneCycleLR: PyTorch test suite', () => {
  test('onecycle_lr_linear_annealing: maxLr 25, finalDiv 2, momentum 1..22, 10 steps, linear: lr 1,13,25,21.5,18,14.5,11,7.5,4,0.5', () => {
    const s = oneCycleLR({ maxLr: 25, finalDivFactor: 2, baseMomentum: 1, maxMomentum: 22, totalSteps: 10, annealStrategy: 'linear' })
    const t = trace(s, sgd(0.05), 9)
    expectClose(column(t.lr, 0), [1, 13, 25, 21.5, 18, 14.5, 11, 7.5, 4, 0.5], REL)
    expectClose(column(t.momentum!, 0), [22, 11.5, 1, 4, 7, 10, 13, 16, 19, 22], REL)
  })

  test('onecycle_lr_three_phases: maxLr 25, pctStart 0.4, finalDiv 4, linear: lr 1,9,17,25,17,9,1,0.75,0.5,0.25', () => {
    const s = oneCycleLR({ maxLr: 25, divFactor: 25, baseMomentum: 1, maxMomentum: 22, totalSteps: 10, annealStrategy: 'linear', pctStart: 0.4, finalDivFactor: 4, threePhase: true })
    const t = trace(s, sgd(0.05), 9)
    expectClose(column(t.lr, 0), [1, 9, 17, 25, 17, 9, 1, 0.75, 0.5, 0.25], REL)
    expectClose(column(t.momentum!, 0), [22, 15, 8, 1, 8, 15, 22, 22, 22, 22], REL)
  })

  test('onecycle_lr_cosine_annealing: maxLr 25, finalDiv 2: lr 1, 13, 25, then cos(25, 0.5, k/7) for k = 1..6, then 0.5', () => {
    const s = oneCycleLR({ maxLr: 25, finalDivFactor: 2, baseMomentum: 1, maxMomentum: 22, totalSteps: 10 })
    const t = trace(s, sgd(0.05), 9)
    expectClose(column(t.lr, 0), [1, 13, 25, ...range(6, (k) => annealCos(25, 0.5, (k + 1) / 7)), 0.5], REL, 1e-12)
    expectClose(column(t.momentum!, 0), [22, 11.5, 1, ...range(6, (k) => annealCos(1, 22, (k + 1) / 7)), 22], REL, 1e-12)
  })
})

describe('OneCycleLR: behaviour', () => {
  test('the constructor sets the initial lr to maxLr / divFactor, whatever the group had: 0.1 / 25 = 0.004', () => {
    const [g] = oneCycleLR({ maxLr: 0.1, totalSteps: 100 }).init([{ lr: 7, initialLr: 3, momentum: 0 }])
    expect(g[0]).toMatchObject({ initialLr: 0.1 / 25, momentum: 0.95 })
    // row 0 is the cosine at 0 from 0.004 to 0.1: 0.1 + (0.004 - 0.1) / 2 * 2, 0.004 up to rounding
    expectClose([g[0]!.lr], [0.004], REL)
  })

  test('epochs 4 × stepsPerEpoch 5 is totalSteps 20: step 20 is allowed (it extrapolates), step 21 is an error naming the step', () => {
    const s = oneCycleLR({ maxLr: 1, epochs: 4, stepsPerEpoch: 5, annealStrategy: 'linear', cycleMomentum: false })
    const t = trace(s, [1], 20)
    // last phase: from step pct·T − 1 = 5 to T − 1 = 19, linear from 1 to 1/25/1e4; step 20 is 15/14 of
    // the way. Tolerance: absolute 1e-15 — (end − start)·pct + start cancels down from 1 to 4e-6.
    const min = 1 / 25 / 1e4
    expectClose([t.lr[19]![0]!, t.lr[20]![0]!], [min, (min - 1) * (15 / 14) + 1], 0, 1e-15)
    expectScheduleError(() => trace(s, [1], 21), "step: tried to step 21 times, but OneCycleLR's totalSteps is 20")
  })

  test('with an empty last phase (pctStart 1, two phases) the last step allowed is totalSteps − 1, where PyTorch divides by zero', () => {
    const s = oneCycleLR({ maxLr: 1, totalSteps: 4, pctStart: 1, annealStrategy: 'linear', cycleMomentum: false })
    expectClose(column(trace(s, [1], 3).lr, 0), [0.04, 0.36, 0.68, 1], REL)
    expectScheduleError(() => trace(s, [1], 4), "step: tried to step 4 times, but OneCycleLR's totalSteps is 4 (and its last phase is empty: at most 3 steps)")
  })

  test('Adam-like groups: momentum cycles betas[0] and keeps betas[1]', () => {
    const s = oneCycleLR({ maxLr: 1, totalSteps: 10, annealStrategy: 'linear' })
    const [g] = s.init([{ lr: 1, betas: [0.9, 0.999] }])
    expect(g[0]!.betas).toEqual([0.95, 0.999])
  })

  test('closedForm equals the fold (the lr is a function of the step): maxLr [1, 2], 50 steps, cos', () => {
    const s = oneCycleLR({ maxLr: [1, 2], totalSteps: 50 })
    expect(trace(s, [{ lr: 1, momentum: 0 }, { lr: 1, momentum: 0 }], 50).lr).toEqual(closedFormTrace(s, [1 / 25, 2 / 25], 50))
  })

  test('is pure and its fast path equals its reducer', () => {
    const s = oneCycleLR({ maxLr: [0.1, 0.2], totalSteps: 40, threePhase: true })
    const gs = [{ lr: 1, momentum: 0.9 }, { lr: 1, betas: [0.9, 0.99] as const }]
    expectPure(s, gs, 40)
    expectTraceArrayMatches(s, gs, 40)
  })

  // the fast path computes a step once when every group has the same arguments, per group otherwise
  for (const options of [
    { maxLr: 0.1, totalSteps: 60 },
    { maxLr: 0.1, totalSteps: 60, baseMomentum: [0.8, 0.85, 0.8], annealStrategy: 'linear' as const },
    { maxLr: [0.1, 0.2, 0.1], totalSteps: 60, threePhase: true },
    { maxLr: 0.1, totalSteps: 60, cycleMomentum: false }
  ]) test(`its fast path equals its reducer, lr and momentum, on 3 groups: ${JSON.stringify(options)}`, () => {
    expectTraceArrayMatches(oneCycleLR(options), paramGroups([0.05, 0.5, 1], 0.9), 60)
  })
})

describe('OneCycleLR: validation', () => {
  test.each([
    [{ maxLr: 1 }, 'totalSteps: missing, expected a positive integer (or epochs and stepsPerEpoch)'],
    [{ maxLr: 1, totalSteps: 0 }, 'totalSteps: expected a positive integer, got 0'],
    [{ maxLr: 1, totalSteps: 10.5 }, 'totalSteps: expected a positive integer, got 10.5'],
    [{ maxLr: 1, epochs: 3 }, 'stepsPerEpoch: missing, expected a positive integer (epochs is given)'],
    [{ maxLr: 1, epochs: 3, stepsPerEpoch: 4, totalSteps: 10 }, 'totalSteps: expected epochs · stepsPerEpoch = 12 when all three are given, got 10'],
    [{ maxLr: 1, totalSteps: 10, pctStart: 1.1 }, 'pctStart: expected a number in [0, 1], got 1.1'],
    [{ maxLr: 1, totalSteps: 10, pctStart: 0.1 }, 'pctStart: expected a fraction with pctStart · totalSteps ≠ 1 (the warm-up phase would have no length; PyTorch divides by zero) for totalSteps 10, got 0.1'],
    [{ maxLr: 1, totalSteps: 10, annealStrategy: 'CATS' }, 'annealStrategy: expected one of "cos", "linear", got "CATS"'],
    [{ maxLr: 1, totalSteps: 10, divFactor: 0 }, 'divFactor: expected a finite number > 0, got 0'],
    [{ maxLr: -1, totalSteps: 10 }, 'maxLr: expected a finite number >= 0, got -1']
  ] as const)('%j is rejected: %s', (options, message) => {
    expectScheduleError(() => oneCycleLR(options as never), message)
  })

  test('a per-group maxLr list of the wrong length is rejected when the groups are seen', () => {
    expectScheduleError(() => trace(oneCycleLR({ maxLr: [1, 2, 3], totalSteps: 10 }), [1, 1], 1), 'maxLr: expected 2 values (one per param group), got [1,2,3]')
  })
})
