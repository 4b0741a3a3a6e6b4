import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

// init · ((1 - alpha) · (½ (1 + cos(π min(t, T) / T)))^exponent + alpha)
describe('optax.cosine_decay_schedule: values', () => {
  test('1 → 0 over 2 steps, then held at 0 (PyTorch would rise again)', () => {
    expect(valuesOf(optax.cosineDecaySchedule({ initValue: 1, decaySteps: 2 }), 4)).toEqual([1, 0.5, 0, 0, 0])
  })

  test('alpha 0.1 over 4 steps: 1, 0.1 + 0.9 · (1 + √½) / 2, 0.55, 0.1 + 0.9 · (1 - √½) / 2, 0.1, then 0.1', () => {
    const v = valuesOf(optax.cosineDecaySchedule({ initValue: 1, decaySteps: 4, alpha: 0.1 }), 6)
    expectClose(v, [1, 0.1 + (0.9 * (1 + Math.SQRT1_2)) / 2, 0.55, 0.1 + (0.9 * (1 - Math.SQRT1_2)) / 2, 0.1, 0.1, 0.1], 1e-15)
  })

  test('exponent 2 squares the cosine factor: 0.25 halfway', () => {
    const v = valuesOf(optax.cosineDecaySchedule({ initValue: 2, decaySteps: 2, exponent: 2 }), 2)
    expectClose(v, [2, 0.5, 0], 1e-15)
  })

  test('exponent 0 holds initValue for ever (0 ** 0 = 1 at the end)', () => {
    expect(valuesOf(optax.cosineDecaySchedule({ initValue: 0.1, decaySteps: 3, exponent: 0, alpha: 0.5 }), 5)).toEqual(rep(0.1, 6))
  })

  test('alpha above 1 rises to alpha · init; decaySteps 1 drops at once', () => {
    expectClose(valuesOf(optax.cosineDecaySchedule({ initValue: 1, decaySteps: 2, alpha: 3 }), 3), [1, 2, 3, 3], 1e-15)
    expect(valuesOf(optax.cosineDecaySchedule({ initValue: 1, decaySteps: 1 }), 2)).toEqual([1, 0, 0])
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.cosineDecaySchedule({ initValue: 1, decaySteps: 4 })
    expect(s.config).toEqual({ type: 'optax.cosine_decay_schedule', initValue: 1, decaySteps: 4, alpha: 0, exponent: 1 })
    expect(valuesOf(fromOptaxConfig(s.config), 6)).toEqual(valuesOf(s, 6))
  })

  test('laws', () => {
    expectLaws(optax.cosineDecaySchedule({ initValue: 0.1, decaySteps: 37, alpha: 0.05, exponent: 1.5 }))
  })
})

describe('optax.cosine_decay_schedule: validation', () => {
  const ok = { initValue: 1, decaySteps: 10 }
  for (const [options, message] of [
    [{ ...ok, initValue: undefined }, 'initValue: missing, expected a finite number'],
    [{ ...ok, decaySteps: 0 }, 'decaySteps: expected a positive integer, got 0'],
    [{ ...ok, decaySteps: -3 }, 'decaySteps: expected a positive integer, got -3'],
    [{ ...ok, decaySteps: 2.5 }, 'decaySteps: expected a positive integer, got 2.5'],
    [{ ...ok, alpha: NaN }, 'alpha: expected a finite number, got NaN'],
    [{ ...ok, exponent: -1 }, 'exponent: expected a finite number >= 0, got -1'],
    [{ initValue: 1e200, decaySteps: 10, alpha: 1e200 }, 'alpha: expected a floor with initValue · alpha finite (initValue is 1e+200), got 1e+200']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.cosineDecaySchedule(options as unknown as optax.CosineDecayScheduleOptions), message)
    })

  test('the codec rejects decaySteps 0 as optax does', () => {
    expect(optaxConfigErrors({ type: 'optax.cosine_decay_schedule', initValue: 1, decaySteps: 0 })).toEqual(['decaySteps: expected a positive integer, got 0'])
  })
})
