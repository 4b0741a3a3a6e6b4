import { describe, expect, test } from 'vitest'
import { closedFormTrace, constantLR, paramGroups, trace } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rep, rows, scale } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12. Restoring the lr computes lr * (1 / factor), which need not round back
// to the initial lr exactly (a few ulps).
const REL = 1e-12

describe('ConstantLR: PyTorch test suite', () => {
  test('constantlr: ConstantLR(factor 0.5, totalIters 5) on 0.05/0.5 gives [.025]*5+[.05]*5 (group 2 x10)', () => {
    const single = [...rep(0.025, 5), ...rep(0.05, 5)]
    expectClose(trace(constantLR({ factor: 0.5, totalIters: 5 }), [0.05, 0.5], 9).lr, rows(single, scale(single, 10)), REL)
  })
})

describe('ConstantLR: behaviour', () => {
  test('defaults factor 1/3, totalIters 5: on lr 0.3 gives 0.1 for 5 rows, then 0.3', () => {
    expectClose(trace(constantLR(), [0.3], 7).lr, rows([...rep(0.3 / 3, 5), ...rep(0.3, 3)]), REL)
  })

  test('factor 1 leaves the lr alone: 0.05 for 8 rows', () => {
    expectClose(trace(constantLR({ factor: 1, totalIters: 3 }), [0.05], 7).lr, rows(rep(0.05, 8)), REL)
  })

  test('totalIters 1: factor 0.25 on lr 1 gives 0.25, then 1, 1', () => {
    expect(trace(constantLR({ factor: 0.25, totalIters: 1 }), [1], 2).lr).toEqual([[0.25], [1], [1]])
  })

  test('closedForm(t) = base * factor for t < totalIters, base after: factor 0.4, totalIters 4 on 0.05/0.5 over 8 steps', () => {
    const expected = range(9, (t) => [t < 4 ? 0.05 * 0.4 : 0.05, t < 4 ? 0.5 * 0.4 : 0.5])
    expectClose(closedFormTrace(constantLR({ factor: 0.4, totalIters: 4 }), [0.05, 0.5], 8), expected, REL)
    expectClose(trace(constantLR({ factor: 0.4, totalIters: 4 }), [0.05, 0.5], 8).lr, expected, REL)
  })
})

describe('ConstantLR: validation', () => {
  for (const { factor, message } of [
    { factor: 0, message: 'factor: expected a number in (0, 1], got 0' },
    { factor: -0.5, message: 'factor: expected a number in (0, 1], got -0.5' },
    { factor: 1.5, message: 'factor: expected a number in (0, 1], got 1.5' },
    { factor: NaN, message: 'factor: expected a number in (0, 1], got NaN' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => constantLR({ factor }), message)
  })

  for (const { totalIters, message } of [
    { totalIters: 0, message: 'totalIters: expected a positive integer, got 0' },
    { totalIters: -1, message: 'totalIters: expected a positive integer, got -1' },
    { totalIters: 2.5, message: 'totalIters: expected a positive integer, got 2.5' },
    { totalIters: NaN, message: 'totalIters: expected a positive integer, got NaN' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => constantLR({ factor: 0.5, totalIters }), message)
  })
})

describe('ConstantLR: laws', () => {
  test('init, 8 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(constantLR({ factor: 0.5, totalIters: 5 }), paramGroups([0.05, 0.5]), 8)
  })

  test('traceArray equals trace bit for bit (factor 1/3, totalIters 5, lrs 0.05/0.5, 10 steps)', () => {
    expectTraceArrayMatches(constantLR(), [0.05, 0.5], 10)
  })
})
