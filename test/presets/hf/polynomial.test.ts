import { describe, expect, test } from 'vitest'
import { type AnyScheduler, chain, closedFormTrace, exponentialLR, resume, sequential, trace, traceArray } from '../../../src/index.js'
import { hf } from './hf.js'
import { expectClose, expectIdentical } from '../../helpers/close.js'
import { rows, scale } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

describe('hf.polynomial', () => {
  test('power 2 from lr 1 to lrEnd 0.2 in 4 steps: 0.8 · (1 - k/4)² + 0.2, then lrEnd', () => {
    // 0.8 · 0.5625 + 0.2 = 0.65, 0.8 · 0.25 + 0.2 = 0.4, 0.8 · 0.0625 + 0.2 = 0.25
    const expected = [1, 0.65, 0.4, 0.25, 0.2, 0.2, 0.2]
    expectClose(lrs(hf.polynomial({ numWarmupSteps: 0, numTrainingSteps: 4, lrEnd: 0.2, power: 2 }), [1], 6), rows(expected), 1e-15)
  })

  test("two groups: transformers' lr_init is one number (here the first group's lr, 1), so the second group (0.5) ends at 0.5 · lrEnd / 1", () => {
    const m = [1, 0.65, 0.4, 0.25, 0.2, 0.2]
    expectClose(lrs(hf.polynomial({ numWarmupSteps: 0, numTrainingSteps: 4, lrEnd: 0.2, power: 2 }), [1, 0.5], 5), rows(m, scale(m, 0.5)), 1e-15)
  })

  test('lrInit (the optimizer\'s default lr) 2 on groups 1 and 0.5, lrEnd 0.4: the multiplier is ((2 - 0.4) · (1 - k/2) + 0.4) / 2', () => {
    // k = 0: 1, k = 1: (0.8 + 0.4) / 2 = 0.6, k >= 2: 0.4 / 2 = 0.2
    const m = [1, 0.6, 0.2, 0.2]
    expectClose(lrs(hf.polynomial({ numWarmupSteps: 0, numTrainingSteps: 2, lrEnd: 0.4, lrInit: 2 }), [1, 0.5], 3), rows(m, scale(m, 0.5)), 1e-15)
  })

  test('a linear warmup from 0 first: warmup 2, training 4, lrEnd 0', () => {
    expectClose(lrs(hf.polynomial({ numWarmupSteps: 2, numTrainingSteps: 4, lrEnd: 0 }), [1], 5), rows([0, 0.5, 1, 0.5, 0, 0]), 0)
  })

  test('warmup longer than training: the warmup, then lrEnd / lr_init at once', () => {
    expectClose(lrs(hf.polynomial({ numWarmupSteps: 3, numTrainingSteps: 1, lrEnd: 0.1 }), [1], 4), rows([0, 1 / 3, 2 / 3, 0.1, 0.1]), 1e-15)
  })

  test('config fills lrEnd 1e-7 and power 1, and keeps lrInit only when given', () => {
    expect(hf.polynomial({ numWarmupSteps: 1, numTrainingSteps: 9 }).config).toEqual({
      type: 'hf.polynomial',
      numWarmupSteps: 1,
      numTrainingSteps: 9,
      lrEnd: 1e-7,
      power: 1
    })
    expect(hf.polynomial({ numWarmupSteps: 1, numTrainingSteps: 9, lrInit: 0.1 }).config).toMatchObject({ lrInit: 0.1 })
  })

  describe('validation', () => {
    for (const { options, message } of [
      { options: { numTrainingSteps: 10 }, message: 'numWarmupSteps: missing, expected a non-negative integer' },
      { options: { numWarmupSteps: 0, numTrainingSteps: -1 }, message: 'numTrainingSteps: expected a non-negative integer, got -1' },
      {
        options: { numWarmupSteps: 10, numTrainingSteps: 10 },
        message: 'numTrainingSteps: expected an integer >= 0 other than numWarmupSteps = 10 (transformers divides by numTrainingSteps - numWarmupSteps at step 10), got 10'
      },
      { options: { numWarmupSteps: 0, numTrainingSteps: 10, lrEnd: NaN }, message: 'lrEnd: expected a finite number, got NaN' },
      { options: { numWarmupSteps: 0, numTrainingSteps: 10, power: -1 }, message: 'power: expected a finite number >= 0, got -1' },
      { options: { numWarmupSteps: 0, numTrainingSteps: 10, lrInit: 0 }, message: 'lrInit: expected a finite number > 0, got 0' },
      {
        options: { numWarmupSteps: 0, numTrainingSteps: 10, lrInit: 0.01, lrEnd: 0.01 },
        message: 'lrEnd: expected a number < lr_init = 0.01 (lrInit; transformers requires lr_end < lr_init), got 0.01'
      }
    ]) test(`rejects ${message}`, () => {
      expectScheduleError(() => hf.polynomial(options as hf.PolynomialOptions), message)
    })

    test("without lrInit, lrEnd is checked against the first group's initial lr when the schedule starts", () => {
      const s = hf.polynomial({ numWarmupSteps: 0, numTrainingSteps: 10 })
      const message = "lrEnd: expected a number < lr_init = 1e-8 (the first group's initial lr; transformers requires lr_end < lr_init), got 1e-7"
      expectScheduleError(() => trace(s, [1e-8, 1], 3), message)
      expectScheduleError(() => traceArray(s, [1e-8, 1], 3), message)
      expectScheduleError(() => closedFormTrace(s, [1e-8, 1], 3), message)
    })

    test('a first group with lr 0 is rejected (transformers would divide by 0)', () => {
      expectScheduleError(
        () => trace(hf.polynomial({ numWarmupSteps: 0, numTrainingSteps: 10, lrEnd: -1 }), [0, 1], 3),
        "groups[0].lr: expected an initial lr > 0 (hf.polynomial divides by the first group's initial lr, transformers' lr_init; or give lrInit), got 0"
      )
    })
  })

  describe("the first group's lr as lr_init", () => {
    const s = hf.polynomial({ numWarmupSteps: 3, numTrainingSteps: 20, lrEnd: 0.01, power: 2 })

    test('laws: closed form = fold bit for bit, fast path = reducer, purity', () => {
      expectLaws(s, [0.5, 0.2], 30)
    })

    test('a JSON checkpoint resumes to the same numbers', () => {
      const whole = trace(s, [0.5, 0.2], 25)
      const first = trace(s, [0.5, 0.2], 9)
      const rest = resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 16)
      expectIdentical(rest.lr, whole.lr.slice(9))
    })

    test('as a later child of sequential and inside chain, the fast path equals the reducer', () => {
      for (const c of [sequential([exponentialLR({ gamma: 0.9 }), s], [5]), chain([s, exponentialLR({ gamma: 0.9 })])] as ReadonlyArray<AnyScheduler>) {
        const t = trace(c, [0.5, 0.2], 40)
        expectIdentical(traceArray(c, [0.5, 0.2], 40).lr, t.lr.flat())
      }
    })

    test('a later sequential child keeps the lr_init it recorded: from step 5 on, the trace is the schedule from its step 0', () => {
      const t = trace(sequential([exponentialLR({ gamma: 0.9 }), s], [5]), [0.5, 0.2], 25)
      expectIdentical(t.lr.slice(5), trace(s, [0.5, 0.2], 20).lr)
    })
  })

  test('with lrInit: laws', () => {
    expectLaws(hf.polynomial({ numWarmupSteps: 3, numTrainingSteps: 20, lrEnd: 0.01, power: 0.5, lrInit: 0.3 }), [0.5, 0.2], 30)
  })
})
