import { describe, expect, test } from 'vitest'
import { closedFormTrace, linearLR, paramGroups, trace } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rep, rows, scale } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// Tolerance: relative 1e-12. PyTorch's chainable form multiplies the current lr by
// 1 + (end - start) / (total * start + (e - 1) * (end - start)); the expected values use the closed
// form base * (start + e * (end - start) / total). They differ by a few ulps.
const REL = 1e-12

describe('LinearLR: PyTorch test suite', () => {
  test('linearlr: LinearLR(startFactor 0.5, totalIters 4) on 0.05/0.5 gives .05*(.5+i*.5/4) for i < 4, then .05 (group 2 x10)', () => {
    const single = [...range(4, (i) => 0.05 * (0.5 + (i * 0.5) / 4)), ...rep(0.05, 6)]
    expectClose(trace(linearLR({ startFactor: 0.5, totalIters: 4 }), [0.05, 0.5], 9).lr, rows(single, scale(single, 10)), REL)
  })

  test('get_last_lr_linearlr: LinearLR(1/4, 3/5, 4) on 0.05/0.5 gives .05*(1/4+i*(3/5-1/4)/4) for i < 4, then .05*3/5 (group 2 x10)', () => {
    const single = [...range(4, (i) => 0.05 * (1 / 4 + (i * (3 / 5 - 1 / 4)) / 4)), ...rep((0.05 * 3) / 5, 6)]
    const s = linearLR({ startFactor: 1 / 4, endFactor: 3 / 5, totalIters: 4 })
    expectClose(trace(s, [0.05, 0.5], 9).lr, rows(single, scale(single, 10)), REL)
  })

  test('linearlr_start_factor_limits1/2: startFactor 0 and 1.1 fail at construction', () => {
    expectScheduleError(() => linearLR({ startFactor: 0, totalIters: 4 }), 'startFactor: expected a number in (0, 1], got 0')
    expectScheduleError(() => linearLR({ startFactor: 1.1, totalIters: 4 }), 'startFactor: expected a number in (0, 1], got 1.1')
  })
})

describe('LinearLR: behaviour', () => {
  test('LinearLR(0.3, endFactor 0, 3) on lr 0.1 ends at exactly -2.2204460492503124e-18, as PyTorch does (same operation order)', () => {
    // By hand, in IEEE doubles: 3 * 0.3 = 0.8999999999999999; the last factor is
    // 1 + (0 - 0.3) / (0.8999999999999999 + 2 * (0 - 0.3)) = 1 + -0.3 / 0.29999999999999993
    // = 1 - 1.0000000000000002 = -2.220446049250313e-16, applied to the lr after step 2
    // (0.1 * 0.3 * (1 - 0.3 / 0.9) * (1 - 0.3 / 0.6) = 0.009999999999999997).
    const start = 0.3
    let expected = 0.1 * start
    for (let e = 1; e <= 3; e++) expected *= 1.0 + (0 - start) / (3 * start + (e - 1) * (0 - start))
    expect(expected).toBe(-2.2204460492503124e-18)
    const t = trace(linearLR({ startFactor: 0.3, endFactor: 0, totalIters: 3 }), [0.1], 5)
    expect(t.lr[3]?.[0]).toBe(-2.2204460492503124e-18)
    // past totalIters the lr is held as is
    expect(t.lr[5]?.[0]).toBe(-2.2204460492503124e-18)
    // while the closed form gives 0.1 * (0.3 + (0 - 0.3) * 3 / 3) = 0.1 * 0 = 0 exactly
    expect(closedFormTrace(linearLR({ startFactor: 0.3, endFactor: 0, totalIters: 3 }), [0.1], 3)[3]).toEqual([0])
  })

  test('defaults startFactor 1/3, endFactor 1, totalIters 5: on lr 0.3 rises 0.1, 0.14, 0.18, 0.22, 0.26, then 0.3', () => {
    const expected = [...range(5, (i) => 0.3 * (1 / 3 + (i * (1 - 1 / 3)) / 5)), 0.3, 0.3]
    expectClose(trace(linearLR(), [0.3], 6).lr, rows(expected), REL)
  })

  test('a decay ramp: LinearLR(1, endFactor 0.5, 2) on lr 1 gives 1, 0.75, 0.5, 0.5', () => {
    expectClose(trace(linearLR({ startFactor: 1, endFactor: 0.5, totalIters: 2 }), [1], 3).lr, [[1], [0.75], [0.5], [0.5]], REL)
  })

  test('closedForm(t) = base * (start + (end - start) * min(total, t) / total): LinearLR(0.25, 0.6, 4) on 0.05/0.5 over 8 steps', () => {
    const f = (t: number): number => 1 / 4 + ((3 / 5 - 1 / 4) * Math.min(4, t)) / 4
    const expected = range(9, (t) => [0.05 * f(t), 0.5 * f(t)])
    expectClose(closedFormTrace(linearLR({ startFactor: 1 / 4, endFactor: 3 / 5, totalIters: 4 }), [0.05, 0.5], 8), expected, REL)
  })
})

describe('LinearLR: validation', () => {
  for (const { options, message } of [
    { options: { startFactor: -0.1 }, message: 'startFactor: expected a number in (0, 1], got -0.1' },
    { options: { startFactor: NaN }, message: 'startFactor: expected a number in (0, 1], got NaN' },
    { options: { endFactor: -0.1 }, message: 'endFactor: expected a number in [0, 1], got -0.1' },
    { options: { endFactor: 1.2 }, message: 'endFactor: expected a number in [0, 1], got 1.2' },
    { options: { totalIters: 0 }, message: 'totalIters: expected a positive integer, got 0' },
    { options: { totalIters: 1.5 }, message: 'totalIters: expected a positive integer, got 1.5' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => linearLR(options), message)
  })

  test('endFactor 0 is accepted (a ramp down to 0)', () => {
    expect(() => linearLR({ startFactor: 1, endFactor: 0 })).not.toThrow()
  })
})

describe('LinearLR: laws', () => {
  test('init, 8 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(linearLR({ startFactor: 0.5, totalIters: 4 }), paramGroups([0.05, 0.5]), 8)
  })

  test('traceArray equals trace bit for bit (LinearLR(0.3, 0, 3) and LinearLR(0.25, 0.6, 4), lrs 0.05/0.5, 10 steps)', () => {
    expectTraceArrayMatches(linearLR({ startFactor: 0.3, endFactor: 0, totalIters: 3 }), [0.05, 0.5], 10)
    expectTraceArrayMatches(linearLR({ startFactor: 1 / 4, endFactor: 3 / 5, totalIters: 4 }), [0.05, 0.5], 10)
  })
})
