import { describe, expect, test } from 'vitest'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

const h = Math.SQRT1_2

describe('hf.cosine_with_restarts', () => {
  test('2 cycles over 6 steps on lr 1: 1, 0.75, 0.25, restart at 1, 0.75, 0.25, then 0 from step 6 on', () => {
    // 0.5 · (1 + cos(π · ((2 · k / 6) mod 1))): cos(π/3) = 0.5, cos(2π/3) = -0.5
    const expected = [1, 0.75, 0.25, 1, 0.75, 0.25, 0, 0]
    expectClose(lrs(hf.cosineWithRestarts({ numWarmupSteps: 0, numTrainingSteps: 6, numCycles: 2 }), [1], 7), rows(expected), 1e-15, 1e-16)
  })

  test('default 1 cycle with warmup 2, training 6: 0, 0.5, then one half cosine', () => {
    const expected = [0, 0.5, 1, 0.5 + h / 2, 0.5, 0.5 - h / 2, 0, 0]
    expectClose(lrs(hf.cosineWithRestarts({ numWarmupSteps: 2, numTrainingSteps: 6 }), [1], 7), rows(expected), 1e-15, 1e-16)
  })

  test('a negative count runs the cosine backwards, with Python\'s modulo ((-p) mod 1 = 1 - p): -1 cycle over 4 steps', () => {
    const expected = [1, 0.5 - h / 2, 0.5, 0.5 + h / 2, 0]
    expectClose(lrs(hf.cosineWithRestarts({ numWarmupSteps: 0, numTrainingSteps: 4, numCycles: -1 }), [1], 4), rows(expected), 1e-15, 1e-16)
  })

  test('0 cycles: 1 until the end of training, then 0', () => {
    expectClose(lrs(hf.cosineWithRestarts({ numWarmupSteps: 0, numTrainingSteps: 3, numCycles: 0 }), [1], 4), rows([1, 1, 1, 0, 0]), 0)
  })

  test('config fills numCycles 1', () => {
    expect(hf.cosineWithRestarts({ numWarmupSteps: 1, numTrainingSteps: 9 }).config).toEqual({
      type: 'hf.cosine_with_restarts',
      numWarmupSteps: 1,
      numTrainingSteps: 9,
      numCycles: 1
    })
  })

  for (const { options, message } of [
    { options: { numTrainingSteps: 10 }, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 0 }, message: 'numTrainingSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, numCycles: 1.5 }, message: 'numCycles: expected an integer, got 1.5' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, numCycles: NaN }, message: 'numCycles: expected an integer, got NaN' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.cosineWithRestarts(options as hf.CosineWithRestartsOptions), message)
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity', () => {
    expectLaws(hf.cosineWithRestarts({ numWarmupSteps: 5, numTrainingSteps: 40, numCycles: 3 }), [0.2, 0.01], 60)
  })
})
