import { describe, expect, test } from 'vitest'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rep, rows, scale } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

describe('hf.linear', () => {
  test('warmup 2, training 6 on lr 1 and 0.5: up to 1 at step 2, down to 0 at step 6, 0 after', () => {
    const m = [0, 0.5, 1, 0.75, 0.5, 0.25, 0, 0, 0]
    expectClose(lrs(hf.linear({ numWarmupSteps: 2, numTrainingSteps: 6 }), [1, 0.5], 8), rows(m, scale(m, 0.5)), 0)
  })

  test('warmup longer than training (4 > 2): the warmup runs to its end, then 0', () => {
    // at step 4: max(0, (2 - 4) / max(1, 2 - 4)) = max(0, -2) = 0
    expectClose(lrs(hf.linear({ numWarmupSteps: 4, numTrainingSteps: 2 }), [1], 6), rows([0, 0.25, 0.5, 0.75, 0, 0, 0]), 0)
  })

  test('zero training steps: 0 throughout (transformers divides by max(1, ...), no division by 0)', () => {
    expectClose(lrs(hf.linear({ numWarmupSteps: 0, numTrainingSteps: 0 }), [1], 3), rows(rep(0, 4)), 0)
  })

  test('zero warmup: the initial lr at row 0, then down', () => {
    expectClose(lrs(hf.linear({ numWarmupSteps: 0, numTrainingSteps: 4 }), [2], 5), rows([2, 1.5, 1, 0.5, 0, 0]), 0)
  })

  test('config is the arguments', () => {
    expect(hf.linear({ numWarmupSteps: 1, numTrainingSteps: 9 }).config).toEqual({ type: 'hf.linear', numWarmupSteps: 1, numTrainingSteps: 9 })
  })

  for (const { options, message } of [
    { options: { numTrainingSteps: 10 }, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: -2, numTrainingSteps: 10 }, message: 'numWarmupSteps: expected a non-negative integer, got -2' },
    { options: { numWarmupSteps: 0 }, message: 'numTrainingSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 0, numTrainingSteps: -1 }, message: 'numTrainingSteps: expected a non-negative integer, got -1' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 1.5 }, message: 'numTrainingSteps: expected a non-negative integer, got 1.5' },
    { options: { numWarmupSteps: 0, numTrainingSteps: Infinity }, message: 'numTrainingSteps: expected a non-negative integer, got Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.linear(options as hf.LinearOptions), message)
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity', () => {
    expectLaws(hf.linear({ numWarmupSteps: 7, numTrainingSteps: 40 }), [0.2, 0.01], 60)
  })
})
