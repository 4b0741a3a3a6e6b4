import { describe, expect, test } from 'vitest'
import { closedFormTrace, exponentialLR, paramGroups, trace } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rows, scale } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12. The reducer multiplies by gamma k times; the expected gamma ** k is one
// pow. They drift apart by about one ulp per step (< 1e-14 relative after 50 steps).
const REL = 1e-12

describe('ExponentialLR: PyTorch test suite', () => {
  test('exp_lr: ExponentialLR(gamma 0.9) on 0.05/0.5 gives .05 * .9 ** x for x in 0..9 (group 2 x10)', () => {
    const single = range(10, (x) => 0.05 * 0.9 ** x)
    expectClose(trace(exponentialLR({ gamma: 0.9 }), [0.05, 0.5], 9).lr, rows(single, scale(single, 10)), REL)
  })
})

describe('ExponentialLR: behaviour', () => {
  test('ExponentialLR(gamma 0.5) on lr 1 gives 1, 0.5, 0.25, 0.125 exactly (powers of 2)', () => {
    expect(trace(exponentialLR({ gamma: 0.5 }), [1], 3).lr).toEqual([[1], [0.5], [0.25], [0.125]])
  })

  test('gamma > 1 grows the lr: gamma 1.1 on lr 0.01 gives 0.01 * 1.1 ** k for k = 0..20', () => {
    expectClose(trace(exponentialLR({ gamma: 1.1 }), [0.01], 20).lr, rows(range(21, (k) => 0.01 * 1.1 ** k)), REL)
  })

  test('closedForm(t) = base * gamma ** t, and the reducer agrees over 50 steps (gamma 0.9, lrs 0.05/0.5)', () => {
    const expected = range(51, (t) => [0.05 * 0.9 ** t, 0.5 * 0.9 ** t])
    expectClose(closedFormTrace(exponentialLR({ gamma: 0.9 }), [0.05, 0.5], 50), expected, REL)
    expectClose(trace(exponentialLR({ gamma: 0.9 }), [0.05, 0.5], 50).lr, expected, REL)
  })
})

describe('ExponentialLR: validation', () => {
  for (const { gamma, message } of [
    { gamma: undefined, message: 'gamma: missing, expected a finite number > 0' },
    { gamma: 0, message: 'gamma: expected a finite number > 0, got 0' },
    { gamma: -0.9, message: 'gamma: expected a finite number > 0, got -0.9' },
    { gamma: NaN, message: 'gamma: expected a finite number > 0, got NaN' },
    { gamma: Infinity, message: 'gamma: expected a finite number > 0, got Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => exponentialLR({ gamma: gamma as number }), message)
  })
})

describe('ExponentialLR: laws', () => {
  test('init, 10 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(exponentialLR({ gamma: 0.9 }), paramGroups([0.05, 0.5]), 10)
  })

  test('traceArray equals trace bit for bit (gamma 0.9, lrs 0.05/0.5, 100 steps)', () => {
    expectTraceArrayMatches(exponentialLR({ gamma: 0.9 }), [0.05, 0.5], 100)
  })
})
