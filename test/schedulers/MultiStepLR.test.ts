import { describe, expect, test } from 'vitest'
import { closedFormTrace, multiStepLR, paramGroups, trace } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rep, rows, scale } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12. The reducer multiplies by gamma at each milestone, the expected values
// are decimal literals or gamma ** k: a few ulps apart.
const REL = 1e-12

// how many milestones are <= t (Python's bisect_right on the sorted list), by counting
const passed = (ms: ReadonlyArray<number>, t: number): number => ms.filter((m) => m <= t).length

describe('MultiStepLR: PyTorch test suite', () => {
  test('multi_step_lr: MultiStepLR(milestones [2, 5, 9], gamma 0.1) on 0.05/0.5 gives [.05]*2+[.005]*3+[.0005]*4+[.00005]*3 (group 2 x10)', () => {
    // PyTorch checks the first 10 targets; the list is right for all 12, so check rows 0..11
    const single = [...rep(0.05, 2), ...rep(0.005, 3), ...rep(0.0005, 4), ...rep(0.00005, 3)]
    expectClose(trace(multiStepLR({ milestones: [2, 5, 9], gamma: 0.1 }), [0.05, 0.5], 11).lr, rows(single, scale(single, 10)), REL)
  })
})

describe('MultiStepLR: behaviour', () => {
  test('a milestone listed twice decays by gamma^2 there: milestones [1, 3, 3], gamma 0.5 on lr 1 gives 1, 0.5, 0.5, 0.125, 0.125', () => {
    expect(trace(multiStepLR({ milestones: [1, 3, 3], gamma: 0.5 }), [1], 4).lr).toEqual([[1], [0.5], [0.5], [0.125], [0.125]])
  })

  test('milestone order does not matter: [9, 2, 5] gives the same trace as [2, 5, 9]', () => {
    const a = trace(multiStepLR({ milestones: [9, 2, 5] }), [0.05, 0.5], 12).lr
    const b = trace(multiStepLR({ milestones: [2, 5, 9] }), [0.05, 0.5], 12).lr
    expect(a).toEqual(b)
  })

  test('milestone 0 decays in the initial step (PyTorch checks last_epoch in milestones in its constructor too): [0, 2], gamma 0.5 on lr 1 gives 0.5, 0.5, 0.25', () => {
    expect(trace(multiStepLR({ milestones: [0, 2], gamma: 0.5 }), [1], 2).lr).toEqual([[0.5], [0.5], [0.25]])
  })

  test('no milestones: the lr stays at 0.05 for 5 steps', () => {
    expect(trace(multiStepLR({ milestones: [] }), [0.05], 5).lr).toEqual(rep(0.05, 6).map((x) => [x]))
  })

  test('gamma defaults to 0.1: milestones [1] on lr 1 gives 1, 0.1, 0.1', () => {
    expectClose(trace(multiStepLR({ milestones: [1] }), [1], 2).lr, [[1], [0.1], [0.1]], REL)
  })

  test('closedForm(t) = base * gamma ** (#milestones <= t): milestones [2, 5, 5, 9], gamma 0.1 on 0.05/0.5 over 12 steps, and the reducer agrees', () => {
    const ms = [2, 5, 5, 9]
    const s = multiStepLR({ milestones: ms, gamma: 0.1 })
    const expected = range(13, (t) => [0.05 * 0.1 ** passed(ms, t), 0.5 * 0.1 ** passed(ms, t)])
    expectClose(closedFormTrace(s, [0.05, 0.5], 12), expected, REL)
    expectClose(trace(s, [0.05, 0.5], 12).lr, expected, REL)
  })
})

describe('MultiStepLR: validation', () => {
  for (const { milestones, message } of [
    { milestones: 3, message: 'milestones: expected an array, got 3' },
    { milestones: undefined, message: 'milestones: missing, expected an array' },
    { milestones: [2, -1], message: 'milestones[1]: expected a non-negative integer, got -1' },
    { milestones: [1.5], message: 'milestones[0]: expected a non-negative integer, got 1.5' },
    { milestones: [2, NaN], message: 'milestones[1]: expected a non-negative integer, got NaN' },
    { milestones: ['2'], message: 'milestones[0]: expected a non-negative integer, got "2"' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => multiStepLR({ milestones: milestones as number[] }), message)
  })

  for (const { gamma, message } of [
    { gamma: 0, message: 'gamma: expected a finite number > 0, got 0' },
    { gamma: -2, message: 'gamma: expected a finite number > 0, got -2' },
    { gamma: NaN, message: 'gamma: expected a finite number > 0, got NaN' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => multiStepLR({ milestones: [1], gamma }), message)
  })
})

describe('MultiStepLR: laws', () => {
  test('init, 12 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(multiStepLR({ milestones: [2, 5, 9] }), paramGroups([0.05, 0.5]), 12)
  })

  test('traceArray equals trace bit for bit (milestones [0, 2, 5, 5, 9], lrs 0.05/0.5, 15 steps)', () => {
    expectTraceArrayMatches(multiStepLR({ milestones: [0, 2, 5, 5, 9] }), [0.05, 0.5], 15)
  })
})
