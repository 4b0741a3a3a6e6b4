import { describe, expect, test } from 'vitest'
import { reduceLROnPlateau, trace, traceArray } from '../../../src/index.js'
import { hf } from './hf.js'
import { expectClose, expectIdentical } from '../../helpers/close.js'
import { rep, rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { protocolOf } from '../../../src/internal/protocol.js'

describe('hf.reduce_lr_on_plateau', () => {
  test("PyTorch's defaults (patience 10, factor 0.1): a flat metric reduces at the 12th evaluation", () => {
    // evaluation 1 improves on +inf; evaluations 2..12 are 11 bad ones > patience 10
    const t = trace(hf.reduceLrOnPlateau(), [1, 0.5], 13, rep(2, 13)).lr
    expectClose(t, rows([...rep(1, 12), 0.1, 0.1], [...rep(0.5, 12), 0.05, 0.05]), 1e-15)
  })

  test('mode max: a rising metric never reduces, a falling one does (patience 0, factor 0.5)', () => {
    const s = hf.reduceLrOnPlateau({ mode: 'max', patience: 0, factor: 0.5 })
    expectClose(trace(s, [1], 3, [1, 2, 3]).lr, rows([1, 1, 1, 1]), 0)
    expectClose(trace(s, [1], 3, [3, 2, 1]).lr, rows([1, 1, 0.5, 0.25]), 0)
  })

  test("the same numbers and state as the library's ReduceLROnPlateau", () => {
    const options = { patience: 1, factor: 0.3, cooldown: 1, minLr: [0.01, 0.001] }
    const metrics = [5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3]
    const a = trace(hf.reduceLrOnPlateau(options), [1, 0.1], 12, metrics)
    const b = trace(reduceLROnPlateau(options), [1, 0.1], 12, metrics)
    expectIdentical(a.lr, b.lr)
    expect(a.state).toEqual(b.state)
    expectIdentical(traceArray(hf.reduceLrOnPlateau(options), [1, 0.1], 12, metrics).lr, a.lr.flat())
  })

  test('config and name are the hf ones, with the defaults filled', () => {
    const s = hf.reduceLrOnPlateau({ patience: 2 })
    expect(s.config.type).toBe('hf.reduce_lr_on_plateau')
    expect(s.config).toEqual({
      type: 'hf.reduce_lr_on_plateau',
      mode: 'min',
      factor: 0.1,
      patience: 2,
      threshold: 1e-4,
      thresholdMode: 'rel',
      cooldown: 0,
      minLr: 0,
      eps: 1e-8
    })
    expect(protocolOf(s).takesMetric).toBe(true)
    expect(protocolOf(s).closedForm).toBeUndefined()
  })

  test('every step needs the evaluation metric', () => {
    expectScheduleError(
      () => trace(hf.reduceLrOnPlateau(), [1], 3),
      'metrics: expected 3 metrics (one per step: hf.reduce_lr_on_plateau reacts to a metric), got undefined'
    )
  })

  for (const { options, message } of [
    { options: { factor: 1 }, message: 'factor: expected a number in [0, 1), got 1' },
    { options: { mode: 'up' }, message: 'mode: expected one of "min", "max", got "up"' },
    { options: { patience: -1 }, message: 'patience: expected a non-negative integer, got -1' },
    { options: { threshold: -0.1 }, message: 'threshold: expected a finite number >= 0, got -0.1' },
    { options: { thresholdMode: 'pct' }, message: 'thresholdMode: expected one of "rel", "abs", got "pct"' },
    { options: { cooldown: 1.5 }, message: 'cooldown: expected a non-negative integer, got 1.5' },
    { options: { minLr: -1 }, message: 'minLr: expected a finite number >= 0, got -1' },
    { options: { eps: NaN }, message: 'eps: expected a finite number >= 0, got NaN' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.reduceLrOnPlateau(options as hf.ReduceLrOnPlateauOptions), message)
  })
})
