import { describe, expect, test } from 'vitest'
import { trace, traceArray } from '../../../src/index.js'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rows, scale } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

describe('hf.cosine_with_min_lr', () => {
  test('minLrRate 0.2, training 2: the cosine times 0.8 plus 0.2, rising again past the end', () => {
    // cosine 1, 0.5, 0, 0.5, 1 → 1, 0.6, 0.2, 0.6, 1
    const expected = [1, 0.6, 0.2, 0.6, 1]
    expectClose(lrs(hf.cosineWithMinLr({ numWarmupSteps: 0, numTrainingSteps: 2, minLrRate: 0.2 }), [1], 4), rows(expected), 1e-15, 1e-16)
  })

  test("minLr is divided by the first group's lr: groups 0.5 and 0.1 with minLr 0.05 end at 0.05 and 0.01", () => {
    const m = [1, 0.55, 0.1]
    expectClose(lrs(hf.cosineWithMinLr({ numWarmupSteps: 0, numTrainingSteps: 2, minLr: 0.05 }), [0.5, 0.1], 2), rows(scale(m, 0.5), scale(m, 0.1)), 1e-15, 1e-16)
  })

  test('a linear warmup from 0 first', () => {
    expectClose(lrs(hf.cosineWithMinLr({ numWarmupSteps: 2, numTrainingSteps: 4, minLrRate: 0.5 }), [1], 4), rows([0, 0.5, 1, 0.75, 0.5]), 1e-15, 1e-16)
  })

  test('a negative rate can push the cosine below 0, where it is clipped', () => {
    // rate -1: factor · 2 - 1, which is -1 at the bottom → 0
    expectClose(lrs(hf.cosineWithMinLr({ numWarmupSteps: 0, numTrainingSteps: 2, minLrRate: -1 }), [1], 2), rows([1, 0, 0]), 0, 1e-16)
  })

  test('config: the floor as given, numCycles filled', () => {
    expect(hf.cosineWithMinLr({ numWarmupSteps: 1, numTrainingSteps: 9, minLr: 1e-6 }).config).toEqual({
      type: 'hf.cosine_with_min_lr',
      numWarmupSteps: 1,
      numTrainingSteps: 9,
      numCycles: 0.5,
      minLr: 1e-6
    })
  })

  for (const { options, message } of [
    { options: { numTrainingSteps: 10, minLrRate: 0 }, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 0, minLrRate: 0 }, message: 'numTrainingSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, minLrRate: 0, numCycles: NaN }, message: 'numCycles: expected a finite number, got NaN' },
    {
      options: { numWarmupSteps: 0, numTrainingSteps: 10 },
      message: 'minLr: expected a finite number, or minLrRate (transformers requires one of min_lr and min_lr_rate), got undefined'
    },
    {
      options: { numWarmupSteps: 0, numTrainingSteps: 10, minLr: 0.1, minLrRate: 0.1 },
      message: 'minLrRate: expected no value when minLr is given (transformers takes only one of min_lr and min_lr_rate), got 0.1'
    },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, minLr: Infinity }, message: 'minLr: expected a finite number, got Infinity' },
    { options: { numWarmupSteps: 0, numTrainingSteps: 10, minLrRate: NaN }, message: 'minLrRate: expected a finite number, got NaN' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.cosineWithMinLr(options as hf.CosineWithMinLrOptions), message)
  })

  test('minLr with a first group of lr 0 is rejected when the schedule starts (transformers divides by 0)', () => {
    const s = hf.cosineWithMinLr({ numWarmupSteps: 0, numTrainingSteps: 10, minLr: 0.01 })
    const message =
      "groups[0].lr: expected an initial lr > 0 (hf.cosine_with_min_lr divides minLr by the first group's initial lr, as transformers divides min_lr by the optimizer's lr; or give minLrRate), got 0"
    expectScheduleError(() => trace(s, [0, 0.1], 2), message)
    expectScheduleError(() => traceArray(s, [0, 0.1], 2), message)
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity (minLrRate and minLr)', () => {
    expectLaws(hf.cosineWithMinLr({ numWarmupSteps: 5, numTrainingSteps: 40, minLrRate: 0.1 }), [0.2, 0.01], 90)
    expectLaws(hf.cosineWithMinLr({ numWarmupSteps: 5, numTrainingSteps: 40, minLr: 0.001, numCycles: 1.5 }), [0.2, 0.01], 90)
  })
})
