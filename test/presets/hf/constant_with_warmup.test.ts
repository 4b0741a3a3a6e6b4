import { describe, expect, test } from 'vitest'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rep, rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

describe('hf.constant_with_warmup', () => {
  test('a linear warmup from 0 (row 0 is 0): 4 warmup steps on 0.2 give 0, 0.05, 0.1, 0.15, 0.2, 0.2, 0.2', () => {
    // step / max(1, 4) times 0.2; rel 1e-15: 0.2 · 0.75 rounds once
    expectClose(lrs(hf.constantWithWarmup({ numWarmupSteps: 4 }), [0.2], 6), rows([0, 0.05, 0.1, 0.15, 0.2, 0.2, 0.2]), 1e-15)
  })

  test('zero warmup: constant from row 0, every group', () => {
    expectClose(lrs(hf.constantWithWarmup({ numWarmupSteps: 0 }), [0.2, 0.01], 3), rows(rep(0.2, 4), rep(0.01, 4)), 0)
  })

  test('one warmup step: 0 at row 0, the initial lr from row 1', () => {
    expectClose(lrs(hf.constantWithWarmup({ numWarmupSteps: 1 }), [0.2], 3), rows([0, 0.2, 0.2, 0.2]), 0)
  })

  test('config is the arguments', () => {
    expect(hf.constantWithWarmup({ numWarmupSteps: 7 }).config).toEqual({ type: 'hf.constant_with_warmup', numWarmupSteps: 7 })
  })

  for (const { options, message } of [
    { options: {}, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: -1 }, message: 'numWarmupSteps: expected a non-negative integer, got -1' },
    { options: { numWarmupSteps: 2.5 }, message: 'numWarmupSteps: expected a non-negative integer, got 2.5' },
    { options: { numWarmupSteps: NaN }, message: 'numWarmupSteps: expected a non-negative integer, got NaN' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.constantWithWarmup(options as { numWarmupSteps: number }), message)
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity', () => {
    expectLaws(hf.constantWithWarmup({ numWarmupSteps: 10 }), [0.2, 0.01], 30)
  })
})
