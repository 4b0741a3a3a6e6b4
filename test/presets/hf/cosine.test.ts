import { describe, expect, test } from 'vitest'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

const h = Math.SQRT1_2 // cos(π/4)

describe('hf.cosine', () => {
  test('zero warmup, training 4, lr 2: 2 · 0.5 · (1 + cos(π k / 4)), and past the horizon it rises again to 2 at step 8', () => {
    // abs 1e-15: cos(π/2) is 6e-17, not 0
    const expected = [2, 1 + h, 1, 1 - h, 0, 1 - h, 1, 1 + h, 2]
    expectClose(lrs(hf.cosine({ numWarmupSteps: 0, numTrainingSteps: 4 }), [2], 8), rows(expected), 1e-15, 1e-15)
  })

  test('warmup 2, training 6 on lr 1: 0, 0.5, then the half cosine over 4 steps', () => {
    const expected = [0, 0.5, 1, 0.5 + h / 2, 0.5, 0.5 - h / 2, 0]
    expectClose(lrs(hf.cosine({ numWarmupSteps: 2, numTrainingSteps: 6 }), [1], 6), rows(expected), 1e-15, 1e-16)
  })

  test('numCycles 1: down to 0 at mid-decay and back to 1 at the end', () => {
    expectClose(lrs(hf.cosine({ numWarmupSteps: 0, numTrainingSteps: 4, numCycles: 1 }), [1], 4), rows([1, 0.5, 0, 0.5, 1]), 1e-15, 1e-16)
  })

  test('warmup longer than training: after the warmup the progress is (step - warmup) / 1', () => {
    // warmup 3, training 2: step 3 has progress 0 (1), step 4 progress 1 (0), step 5 progress 2 (1)
    expectClose(lrs(hf.cosine({ numWarmupSteps: 3, numTrainingSteps: 2 }), [1], 5), rows([0, 1 / 3, 2 / 3, 1, 0, 1]), 1e-15)
  })

  test('config fills numCycles 0.5', () => {
    expect(hf.cosine({ numWarmupSteps: 1, numTrainingSteps: 9 }).config).toEqual({ type: 'hf.cosine', numWarmupSteps: 1, numTrainingSteps: 9, numCycles: 0.5 })
  })

  for (const { options, message } of [
    { options: { numTrainingSteps: 10 }, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 0, numTrainingSteps: -5 }, message: 'numTrainingSteps: expected a non-negative integer, got -5' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, numCycles: NaN }, message: 'numCycles: expected a finite number, got NaN' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, numCycles: Infinity }, message: 'numCycles: expected a finite number, got Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.cosine(options as hf.CosineOptions), message)
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity', () => {
    expectLaws(hf.cosine({ numWarmupSteps: 5, numTrainingSteps: 40, numCycles: 0.75 }), [0.2, 0.01], 90)
  })
})
