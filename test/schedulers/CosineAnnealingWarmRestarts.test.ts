import { describe, expect, test } from 'vitest'
import { closedFormTrace, cosineAnnealingWarmRestarts, trace, warmRestartPosition } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { expectScheduleError } from '../helpers/throws.js'
import { protocolOf } from '../../src/internal/protocol.js'

// Tolerance: relative 1e-12. The expected values are PyTorch's test-suite recurrence on (T_cur, T_i),
// written out below; the library uses the same cosine expression, so only the last bits may differ.
const REL = 1e-12

/** PyTorch's test: T_cur += 1; if T_cur >= T_i: T_cur -= T_i; T_i *= T_mult; lr = eta + (lr0 - eta)(1 + cos(pi T_cur / T_i)) / 2 */
const recurrence = (lr0: number, etaMin: number, t0: number, tMult: number, epochs: number): number[] => {
  const out: number[] = []
  let tCur = 0
  let tI = t0
  for (let e = 0; e < epochs; e++) {
    out.push(etaMin + ((lr0 - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2)
    tCur += 1
    if (tCur >= tI) {
      tCur -= tI
      tI *= tMult
    }
  }
  return out
}

describe('CosineAnnealingWarmRestarts: PyTorch test suite', () => {
  test.each([1, 2, 4])('CAWR_lr1: t0 10, tMult %i, etaMin 1e-10 on lrs 0.05/0.5 follows the T_cur/T_i recurrence for 100 steps', (tMult) => {
    const t = trace(cosineAnnealingWarmRestarts({ t0: 10, tMult, etaMin: 1e-10 }), [0.05, 0.5], 99)
    const g1 = recurrence(0.05, 1e-10, 10, tMult, 100)
    const g2 = recurrence(0.5, 1e-10, 10, tMult, 100)
    expectClose(t.lr, g1.map((x, k) => [x, g2[k] as number]), REL)
  })

  // Tolerance here: relative 1e-9. PyTorch's test rounds T_cur to one decimal, the closed form
  // computes epoch − restart in binary (0.1·k): T_cur differs by ~1e-15, which near etaMin = 1e-10
  // is a larger relative difference than 1e-12.
  test.each([1, 2])('CAWR_lr2: the closed form at fractional epochs 0, 0.1, ..., 29.9 (tMult %i) follows the recurrence in steps of 0.1', (tMult) => {
    const s = cosineAnnealingWarmRestarts({ t0: 10, tMult, etaMin: 1e-10 })
    // PyTorch's test: T_cur = round(T_cur + 0.1, 1), restart when T_cur >= T_i
    let tCur = 0
    let tI = 10
    for (let k = 0; k < 300; k++) {
      const epoch = Math.round(k) / 10
      const expected = 1e-10 + ((0.05 - 1e-10) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2
      expectClose(protocolOf(s).closedForm!(epoch, [0.05]), [expected], 1e-9)
      tCur = Math.round((tCur + 0.1) * 10) / 10
      if (tCur >= tI) {
        tCur = Math.round((tCur - tI) * 10) / 10
        tI *= tMult
      }
    }
  })

  test('CAWR_lr3: interleaved epochs with tMult 2 give the (T_cur, T_i) pairs of PyTorch\'s test', () => {
    // epochs [0,1,2,3,4,5,25,32,33,34,80,81,3] → (T_cur, T_i) after each: PyTorch lists T_cur
    // 1,2,3,4,5,15,2,3,4,10,11,3 and T_i 10,10,10,10,10,20,40,40,40,80,80,10 shifted by one
    const epochs = [1, 2, 3, 4, 5, 25, 32, 33, 34, 80, 81, 3]
    const tCur = [1, 2, 3, 4, 5, 15, 2, 3, 4, 10, 11, 3]
    const tI = [10, 10, 10, 10, 10, 20, 40, 40, 40, 80, 80, 10]
    expect(epochs.map((e) => warmRestartPosition(e, 10, 2))).toEqual(tCur.map((c, k) => ({ tCur: c, tI: tI[k] })))
  })
})

describe('CosineAnnealingWarmRestarts: behaviour', () => {
  test('t0 2, tMult 1 on lr 1: 1, 0.5, 1, 0.5, 1 (restarts every 2 steps)', () => {
    expectClose(trace(cosineAnnealingWarmRestarts({ t0: 2 }), [1], 4).lr, [[1], [0.5], [1], [0.5], [1]], REL, 1e-16)
  })

  test('t0 1, tMult 3: periods 1, 3, 9 — restarts at steps 1, 4 and 13', () => {
    const lr = trace(cosineAnnealingWarmRestarts({ t0: 1, tMult: 3 }), [1], 13).lr.map((r) => r[0])
    expect([lr[0], lr[1], lr[4], lr[13]]).toEqual([1, 1, 1, 1])
    // inside the 9-step period: step 4 + 3 is (1 + cos(pi·3/9)) / 2 = 0.75
    expectClose([lr[7]!], [0.75], REL)
  })

  test('exact restart epochs restart (tMult 3, t0 10, epoch 1210 = 10·(3^5 − 1)/2): lr is the initial lr, not etaMin', () => {
    const s = cosineAnnealingWarmRestarts({ t0: 10, tMult: 3, etaMin: 0.001 })
    expect(warmRestartPosition(1210, 10, 3)).toEqual({ tCur: 0, tI: 2430 })
    expect(protocolOf(s).closedForm!(1210, [0.1])).toEqual([0.001 + ((0.1 - 0.001) * 2) / 2])
  })

  test('the closed form is the fold, bit for bit, for 3000 steps with tMult 2', () => {
    const s = cosineAnnealingWarmRestarts({ t0: 7, tMult: 2, etaMin: 1e-4 })
    expect(trace(s, [0.1, 0.3], 3000).lr).toEqual(closedFormTrace(s, [0.1, 0.3], 3000))
  })

  test('is pure and its fast path equals its reducer', () => {
    const s = cosineAnnealingWarmRestarts({ t0: 5, tMult: 2, etaMin: 0.01 })
    expectPure(s, [{ lr: 0.1 }, { lr: 0.2 }], 50)
    expectTraceArrayMatches(s, [0.1, 0.2], 50)
  })
})

describe('CosineAnnealingWarmRestarts: validation', () => {
  test.each([
    [{ t0: 0 }, 't0: expected a positive integer, got 0'],
    [{ t0: 2.5 }, 't0: expected a positive integer, got 2.5'],
    [{ t0: 10, tMult: 0 }, 'tMult: expected a positive integer, got 0'],
    [{ t0: 10, tMult: 1.5 }, 'tMult: expected a positive integer, got 1.5'],
    [{ t0: 10, etaMin: Number.NaN }, 'etaMin: expected a finite number, got NaN']
  ] as const)('%j is rejected: %s', (options, message) => {
    expectScheduleError(() => cosineAnnealingWarmRestarts(options as never), message)
  })

  test('a negative epoch in the closed form is rejected', () => {
    expectScheduleError(() => protocolOf(cosineAnnealingWarmRestarts({ t0: 10 })).closedForm!(-1, [0.1]), 'epoch: expected a finite number >= 0, got -1')
  })
})
