import { describe, expect, test } from 'vitest'
import { closedFormTrace, paramGroups, stepLR, trace } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rep, rows, scale } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'
import { protocolOf } from '../../src/internal/protocol.js'

// Tolerance: relative 1e-12. PyTorch's chainable form multiplies by gamma at each boundary while the
// expected values are written as decimal literals or gamma ** k; both round differently by a few ulps.
const REL = 1e-12

describe('StepLR: PyTorch test suite', () => {
  test('step_lr: StepLR(stepSize 3, gamma 0.1) on lrs 0.05/0.5 holds 0.05 for 3 steps, then 0.005, 0.0005, 0.00005 (group 2 x10)', () => {
    // PyTorch checks the first 10 of these targets (epochs = 10): rows 0..9
    const single = [...rep(0.05, 3), ...rep(0.005, 3), ...rep(0.0005, 3), ...rep(0.00005, 3)].slice(0, 10)
    expectClose(trace(stepLR({ stepSize: 3, gamma: 0.1 }), [0.05, 0.5], 9).lr, rows(single, scale(single, 10)), REL)
  })

  test('get_last_lr_step_lr: StepLR(stepSize 3, gamma 0.1) on one group lr 0.1 gives [.1]*3+[.01]*3+[.001]*3+[.0001]', () => {
    const single = [...rep(0.1, 3), ...rep(0.01, 3), ...rep(0.001, 3), 0.0001]
    expectClose(trace(stepLR({ stepSize: 3, gamma: 0.1 }), [0.1], 9).lr, rows(single), REL)
  })
})

describe('StepLR: behaviour', () => {
  test('gamma defaults to 0.1: StepLR(stepSize 2) on lr 1 gives 1, 1, 0.1, 0.1, 0.01', () => {
    expectClose(trace(stepLR({ stepSize: 2 }), [1], 4).lr, rows([1, 1, 0.1, 0.1, 0.01]), REL)
  })

  test('StepLR(stepSize 1, gamma 0.5) on lr 1 halves at every step: 1, 0.5, 0.25, 0.125 (exact powers of 2)', () => {
    expect(trace(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 3).lr).toEqual([[1], [0.5], [0.25], [0.125]])
  })

  test('gamma > 1 is allowed: StepLR(stepSize 2, gamma 2) on lr 1 gives 1, 1, 2, 2, 4', () => {
    expect(trace(stepLR({ stepSize: 2, gamma: 2 }), [1], 4).lr).toEqual([[1], [1], [2], [2], [4]])
  })

  test('closedForm(t) = base * gamma ** floor(t / stepSize): StepLR(3, 0.1) on 0.05/0.5 over 30 steps', () => {
    const s = stepLR({ stepSize: 3, gamma: 0.1 })
    const expected = range(31, (t) => [0.05 * 0.1 ** Math.floor(t / 3), 0.5 * 0.1 ** Math.floor(t / 3)])
    expectClose(closedFormTrace(s, [0.05, 0.5], 30), expected, REL)
    // and the reducer agrees with it (recurrence vs power: a few ulps after 10 decays)
    expectClose(trace(s, [0.05, 0.5], 30).lr, expected, REL)
  })

  test('multiplier(t) = gamma ** floor(t / stepSize): StepLR(2, 0.5) gives 1, 1, 0.5, 0.5, 0.25 at t = 0..4', () => {
    const m = protocolOf(stepLR({ stepSize: 2, gamma: 0.5 })).multiplier
    expect(range(5, (t) => m?.(t) ?? NaN)).toEqual([1, 1, 0.5, 0.5, 0.25])
  })

  test('state after k steps is { lastEpoch: k, baseLrs } (PyTorch\'s last_epoch and base_lrs)', () => {
    expect(trace(stepLR({ stepSize: 2 }), [1], 7).state).toEqual({ lastEpoch: 7, baseLrs: [1] })
  })
})

describe('StepLR: validation', () => {
  for (const { stepSize, message } of [
    { stepSize: 0, message: 'stepSize: expected a positive integer, got 0' },
    { stepSize: -3, message: 'stepSize: expected a positive integer, got -3' },
    { stepSize: 2.5, message: 'stepSize: expected a positive integer, got 2.5' },
    { stepSize: NaN, message: 'stepSize: expected a positive integer, got NaN' },
    { stepSize: Infinity, message: 'stepSize: expected a positive integer, got Infinity' },
    { stepSize: undefined, message: 'stepSize: missing, expected a positive integer' },
    { stepSize: '3', message: 'stepSize: expected a positive integer, got "3"' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => stepLR({ stepSize: stepSize as number }), message)
  })

  for (const { gamma, message } of [
    { gamma: 0, message: 'gamma: expected a finite number > 0, got 0' },
    { gamma: -0.1, message: 'gamma: expected a finite number > 0, got -0.1' },
    { gamma: NaN, message: 'gamma: expected a finite number > 0, got NaN' },
    { gamma: Infinity, message: 'gamma: expected a finite number > 0, got Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => stepLR({ stepSize: 3, gamma }), message)
  })
})

describe('StepLR: laws', () => {
  test('init, 10 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(stepLR({ stepSize: 3, gamma: 0.1 }), paramGroups([0.05, 0.5]), 10)
  })

  test('traceArray equals trace bit for bit (StepLR(3, 0.1), lrs 0.05/0.5, 40 steps)', () => {
    expectTraceArrayMatches(stepLR({ stepSize: 3, gamma: 0.1 }), [0.05, 0.5], 40)
  })
})
