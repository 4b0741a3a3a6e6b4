import { describe, expect, test } from 'vitest'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rows, scale } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

const h = Math.SQRT1_2

describe('hf.cosine_warmup_with_min_lr', () => {
  test('warmup 4, training 8, rate 0: (k + 1) / 4 reaches 1 at step 3; the floor is reached at step 7 and the cosine rises after', () => {
    // progress (k - 4 + 1) / 4: 0.25, 0.5, 0.75, 1, 1.25 at steps 4..8
    const expected = [0.25, 0.5, 0.75, 1, 0.5 + h / 2, 0.5, 0.5 - h / 2, 0, 0.5 - h / 2]
    expectClose(lrs(hf.cosineWarmupWithMinLr({ numWarmupSteps: 4, numTrainingSteps: 8, minLrRate: 0 }), [1], 8), rows(expected), 1e-15, 1e-16)
  })

  test('warmupLrRate 0.2 over 3 warmup steps: 0.2 + 0.8 · k / 2, so 0.2, 0.6, 1', () => {
    const t = lrs(hf.cosineWarmupWithMinLr({ numWarmupSteps: 3, numTrainingSteps: 10, minLrRate: 0, warmupLrRate: 0.2 }), [1], 2)
    expectClose(t, rows([0.2, 0.6, 1]), 1e-15)
  })

  test('one warmup step with warmupLrRate: step 0 is warmupLrRate (max(1, 0) = 1 divides); step 1 is already half-way down (progress 1 / 2)', () => {
    const t = lrs(hf.cosineWarmupWithMinLr({ numWarmupSteps: 1, numTrainingSteps: 3, minLrRate: 0, warmupLrRate: 0.3 }), [1], 1)
    expectClose(t, rows([0.3, 0.5]), 0, 1e-16)
  })

  test("minLr is divided by the first group's lr: groups 0.5 and 0.25, minLr 0.05, no warmup, 2 training steps", () => {
    // rate 0.1; progress 0.5 at step 0, 1 at step 1: factor 0.5 → 0.55, 0 → 0.1
    const m = [0.55, 0.1, 0.55]
    expectClose(lrs(hf.cosineWarmupWithMinLr({ numWarmupSteps: 0, numTrainingSteps: 2, minLr: 0.05 }), [0.5, 0.25], 2), rows(scale(m, 0.5), scale(m, 0.25)), 1e-15, 1e-16)
  })

  test('config: the floor and warmupLrRate as given, numCycles filled', () => {
    expect(hf.cosineWarmupWithMinLr({ numWarmupSteps: 1, numTrainingSteps: 9, minLrRate: 0.1, warmupLrRate: 0.01 }).config).toEqual({
      type: 'hf.cosine_warmup_with_min_lr',
      numWarmupSteps: 1,
      numTrainingSteps: 9,
      numCycles: 0.5,
      minLrRate: 0.1,
      warmupLrRate: 0.01
    })
  })

  for (const { options, message } of [
    { options: { numTrainingSteps: 10, minLrRate: 0 }, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 0, numTrainingSteps: -1, minLrRate: 0 }, message: 'numTrainingSteps: expected a non-negative integer, got -1' },
    {
      options: { numWarmupSteps: 0, numTrainingSteps: 10 },
      message: 'minLr: expected a finite number, or minLrRate (transformers requires one of min_lr and min_lr_rate), got undefined'
    },
    {
      options: { numWarmupSteps: 0, numTrainingSteps: 10, minLr: 0.1, minLrRate: 0.5 },
      message: 'minLrRate: expected no value when minLr is given (transformers takes only one of min_lr and min_lr_rate), got 0.5'
    },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, minLrRate: 0, warmupLrRate: NaN }, message: 'warmupLrRate: expected a finite number, got NaN' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, minLrRate: 0, numCycles: -Infinity }, message: 'numCycles: expected a finite number, got -Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.cosineWarmupWithMinLr(options as hf.CosineWarmupWithMinLrOptions), message)
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity (minLrRate and minLr)', () => {
    expectLaws(hf.cosineWarmupWithMinLr({ numWarmupSteps: 5, numTrainingSteps: 40, minLrRate: 0.1, warmupLrRate: 0.05 }), [0.2, 0.01], 90)
    expectLaws(hf.cosineWarmupWithMinLr({ numWarmupSteps: 5, numTrainingSteps: 40, minLr: 0.001 }), [0.2, 0.01], 90)
  })
})
