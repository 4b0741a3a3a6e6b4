import { describe, expect, test } from 'vitest'
import { closedFormTrace } from '../../../src/index.js'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

describe('hf.inverse_sqrt', () => {
  test('warmup 4 (timescale 4): 0, 0.25, 0.5, 0.75, then 1 / sqrt(step / 4)', () => {
    const t = lrs(hf.inverseSqrt({ numWarmupSteps: 4 }), [1], 36)
    expectClose(t.slice(0, 5), rows([0, 0.25, 0.5, 0.75, 1]), 0)
    expectClose([t[16]!, t[36]!], rows([0.5, 1 / 3]), 1e-15)
  })

  test('zero warmup: the timescale is 10000, so the lr halves at step 30000', () => {
    const s = hf.inverseSqrt({ numWarmupSteps: 0 })
    expect(s.config).toEqual({ type: 'hf.inverse_sqrt', numWarmupSteps: 0, timescale: 10000 })
    expectClose(closedFormTrace(s, [2], 30000).filter((_, k) => k === 0 || k === 30000), rows([2, 1]), 0)
  })

  test('timescale 1, no warmup: 1 / sqrt(step + 1)', () => {
    expectClose(lrs(hf.inverseSqrt({ numWarmupSteps: 0, timescale: 1 }), [1], 3), rows([1, Math.SQRT1_2, 1 / Math.sqrt(3), 0.5]), 1e-15)
  })

  test('timescale below the warmup: 1 at the end of the warmup, 1 / sqrt((step - 9) / 1) after', () => {
    const t = lrs(hf.inverseSqrt({ numWarmupSteps: 10, timescale: 1 }), [1], 13)
    expectClose([t[9]!, t[10]!, t[13]!], rows([0.9, 1, 0.5]), 1e-15)
  })

  for (const { options, message } of [
    { options: {}, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: -1 }, message: 'numWarmupSteps: expected a non-negative integer, got -1' },
    { options: { numWarmupSteps: 5, timescale: 0 }, message: 'timescale: expected a positive integer, got 0' },
    { options: { numWarmupSteps: 5, timescale: -3 }, message: 'timescale: expected a positive integer, got -3' },
    { options: { numWarmupSteps: 5, timescale: 2.5 }, message: 'timescale: expected a positive integer, got 2.5' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.inverseSqrt(options as hf.InverseSqrtOptions), message)
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity', () => {
    expectLaws(hf.inverseSqrt({ numWarmupSteps: 5, timescale: 7 }), [0.2, 0.01], 60)
  })
})
