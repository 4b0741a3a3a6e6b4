import { describe, expect, test } from 'vitest'
import { closedFormTrace, cosineAnnealingLR, paramGroups, resume, sequential, trace } from '../../src/index.js'
import { expectClose, expectIdentical } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rows } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// The annealing formula, as PyTorch's docs write it.
const cosine = (base: number, etaMin: number, tMax: number) => (t: number): number =>
  etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2

describe('CosineAnnealingLR: PyTorch test suite', () => {
  test('cos_anneal_lr: CosineAnnealingLR(tMax 10, etaMin 1e-10) on 0.05/0.5 gives 1e-10 + (lr - 1e-10) * (1 + cos(pi x / 10)) / 2 for x in 0..9', () => {
    // Group 2 is computed with its own formula (PyTorch writes it as group 1 x 10, off by 9e-10 and
    // hidden by its atol 1e-5). Tolerance: relative 1e-12; PyTorch's recursive form divides
    // (1 + cos(pi e / T)) by (1 + cos(pi (e-1) / T)) at each step, which loses a few ulps to
    // cancellation near the bottom (1 + cos(9 pi / 10) = 0.049).
    const s = cosineAnnealingLR({ tMax: 10, etaMin: 1e-10 })
    expectClose(trace(s, [0.05, 0.5], 9).lr, rows(range(10, cosine(0.05, 1e-10, 10)), range(10, cosine(0.5, 1e-10, 10))), 1e-12)
  })

  test('cos_anneal_lr_continue: CosineAnnealingLR(tMax 5, etaMin 0.1) resumed from a JSON checkpoint after 1 step continues with the same numbers', () => {
    const s = cosineAnnealingLR({ tMax: 5, etaMin: 0.1 })
    const whole = trace(s, [0.05, 0.5], 12)
    const first = trace(s, [0.05, 0.5], 1)
    const rest = resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 11)
    expectIdentical(rest.lr, whole.lr.slice(1))
  })
})

describe('CosineAnnealingLR: behaviour', () => {
  test('past tMax the lr rises again (period 2 tMax): tMax 2 on lr 1 gives 1, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 1', () => {
    // abs 1e-15: cos(pi / 2) is 6.1e-17, not 0, so the midpoints are 0.5 within a few ulps
    expectClose(trace(cosineAnnealingLR({ tMax: 2 }), [1], 8).lr, rows([1, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 1]), 0, 1e-15)
  })

  test('the recursive form follows the closed form for 3 periods: tMax 10, etaMin 1e-10 on 0.05/0.5, 60 steps', () => {
    // Tolerance: relative 1e-12. The recursion carries its rounding from step to step (a few ulps
    // per step, amplified near the bottom where it divides two small 1 + cos terms); over 60 steps
    // that stays around 1e-14.
    const s = cosineAnnealingLR({ tMax: 10, etaMin: 1e-10 })
    const expected = rows(range(61, cosine(0.05, 1e-10, 10)), range(61, cosine(0.5, 1e-10, 10)))
    expectClose(trace(s, [0.05, 0.5], 60).lr, expected, 1e-12)
  })

  test('closedForm(t) = etaMin + (base - etaMin) * (1 + cos(pi t / tMax)) / 2: tMax 5, etaMin 0.01 on 0.05/0.5 over 12 steps', () => {
    const expected = rows(range(13, cosine(0.05, 0.01, 5)), range(13, cosine(0.5, 0.01, 5)))
    // same expression, same operation order: equal to the last ulp
    expectClose(closedFormTrace(cosineAnnealingLR({ tMax: 5, etaMin: 0.01 }), [0.05, 0.5], 12), expected, 1e-15)
  })

  test('a negative etaMin is allowed (finite): tMax 1, etaMin -1 on lr 1 gives 1, -1, 1', () => {
    expectClose(trace(cosineAnnealingLR({ tMax: 1, etaMin: -1 }), [1], 2).lr, [[1], [-1], [1]], 1e-15)
  })
})

describe('CosineAnnealingLR: validation', () => {
  for (const { options, message } of [
    { options: { tMax: 0 }, message: 'tMax: expected a positive integer, got 0' },
    { options: { tMax: -10 }, message: 'tMax: expected a positive integer, got -10' },
    { options: { tMax: 2.5 }, message: 'tMax: expected a positive integer, got 2.5' },
    { options: {}, message: 'tMax: missing, expected a positive integer' },
    { options: { tMax: 10, etaMin: NaN }, message: 'etaMin: expected a finite number, got NaN' },
    { options: { tMax: 10, etaMin: Infinity }, message: 'etaMin: expected a finite number, got Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => cosineAnnealingLR(options as { tMax: number }), message)
  })
})

describe('CosineAnnealingLR: laws', () => {
  test('init, 25 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(cosineAnnealingLR({ tMax: 10, etaMin: 1e-10 }), paramGroups([0.05, 0.5]), 25)
  })

  test('traceArray equals trace bit for bit (tMax 10, etaMin 1e-10, lrs 0.05/0.5, 60 steps)', () => {
    expectTraceArrayMatches(cosineAnnealingLR({ tMax: 10, etaMin: 1e-10 }), [0.05, 0.5], 60)
  })

  // the fast path keeps each step's cosine for the next step's cos(pi (e - 1) / T), and must not
  // use it after a restart at a milestone, where the step count goes back to 0
  test('traceArray equals trace bit for bit when one CosineAnnealingLR restarts at the milestones of a sequential, twice (tMax 7, milestones 5 and 9, 40 steps)', () => {
    const c = cosineAnnealingLR({ tMax: 7, etaMin: 0.01 })
    expectTraceArrayMatches(sequential([c, c, c], [5, 9]), [0.05, 0.5], 40)
  })

  test('state after 12 steps is { lastEpoch: 12, baseLrs: [1] }', () => {
    expect(trace(cosineAnnealingLR({ tMax: 10 }), [1], 12).state).toEqual({ lastEpoch: 12, baseLrs: [1] })
  })
})
