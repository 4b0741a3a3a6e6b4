import { describe, expect, test } from 'vitest'
import { closedFormTrace, paramGroups, polynomialLR, trace } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rep, rows, scale } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12. PyTorch's chainable form multiplies by ((1 - e/T) / (1 - (e-1)/T)) ** p
// at each step; the expected values are the closed form (1 - x/T) ** p * base: a few ulps apart.
// The zeros from step T on are exact in both (the factor at e = T is 0 ** p = 0).
const REL = 1e-12

describe('PolynomialLR: PyTorch test suite', () => {
  test('poly_lr: PolynomialLR(power 0.9, totalIters 5) on 0.05/0.5 gives (1 - x/5) ** .9 * .05 for x < 5, then exactly 0 (group 2 x10)', () => {
    const single = [...range(5, (x) => (1 - x / 5) ** 0.9 * 0.05), ...rep(0, 5)]
    expectClose(trace(polynomialLR({ power: 0.9, totalIters: 5 }), [0.05, 0.5], 9).lr, rows(single, scale(single, 10)), REL)
  })
})

describe('PolynomialLR: behaviour', () => {
  test('defaults totalIters 5, power 1: on lr 1 gives 1, 0.8, 0.6, 0.4, 0.2, 0, 0', () => {
    expectClose(trace(polynomialLR(), [1], 6).lr, rows([1, 0.8, 0.6, 0.4, 0.2, 0, 0]), REL)
  })

  test('power 2, totalIters 4 on lr 1 gives (1 - t/4) ** 2: 1, 0.5625, 0.25, 0.0625, 0', () => {
    expectClose(trace(polynomialLR({ totalIters: 4, power: 2 }), [1], 4).lr, rows([1, 0.5625, 0.25, 0.0625, 0]), REL)
  })

  test('power 0 keeps the lr at 0.05 for ever, even at and past totalIters (0 ** 0 = 1 in both forms)', () => {
    const s = polynomialLR({ totalIters: 3, power: 0 })
    expectClose(trace(s, [0.05], 6).lr, rows(rep(0.05, 7)), REL)
    expectClose(closedFormTrace(s, [0.05], 6), rows(rep(0.05, 7)), REL)
  })

  test('closedForm(t) = base * (1 - min(T, t) / T) ** p: power 0.9, T 5 on 0.05/0.5 over 8 steps', () => {
    const f = (t: number): number => (1 - Math.min(5, t) / 5) ** 0.9
    const expected = range(9, (t) => [0.05 * f(t), 0.5 * f(t)])
    expectClose(closedFormTrace(polynomialLR({ power: 0.9, totalIters: 5 }), [0.05, 0.5], 8), expected, REL)
  })
})

describe('PolynomialLR: validation', () => {
  for (const { options, message } of [
    { options: { power: -1 }, message: 'power: expected a finite number >= 0, got -1' },
    { options: { power: NaN }, message: 'power: expected a finite number >= 0, got NaN' },
    { options: { power: Infinity }, message: 'power: expected a finite number >= 0, got Infinity' },
    { options: { totalIters: 0 }, message: 'totalIters: expected a positive integer, got 0' },
    { options: { totalIters: 2.5 }, message: 'totalIters: expected a positive integer, got 2.5' },
    { options: { totalIters: -5 }, message: 'totalIters: expected a positive integer, got -5' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => polynomialLR(options), message)
  })
})

describe('PolynomialLR: laws', () => {
  test('init, 8 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(polynomialLR({ power: 0.9, totalIters: 5 }), paramGroups([0.05, 0.5]), 8)
  })

  test('traceArray equals trace bit for bit (power 0.9, T 5, lrs 0.05/0.5, 10 steps)', () => {
    expectTraceArrayMatches(polynomialLR({ power: 0.9, totalIters: 5 }), [0.05, 0.5], 10)
  })

  test('the zeros are exact: rows 5.. are 0 in both groups', () => {
    const lr = trace(polynomialLR({ power: 0.9, totalIters: 5 }), [0.05, 0.5], 9).lr
    expect(lr.slice(5)).toEqual(rep(0, 5).map(() => [0, 0]))
  })
})
