import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.warmup_cosine_decay_schedule: values', () => {
  test('0 → 1 in 2 steps, then a cosine to 0 at step 4 (decaySteps includes the warmup), held', () => {
    expect(valuesOf(optax.warmupCosineDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 4 }), 5)).toEqual([0, 0.5, 1, 0.5, 0, 0])
  })

  test('endValue 0.2: the cosine runs from 1 to 1 · (0.2 / 1) over 4 steps', () => {
    const v = valuesOf(optax.warmupCosineDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 1, decaySteps: 5, endValue: 0.2 }), 7)
    expectClose(v, [0, 1, 0.2 + (0.8 * (1 + Math.SQRT1_2)) / 2, 0.6, 0.2 + (0.8 * (1 - Math.SQRT1_2)) / 2, 0.2, 0.2, 0.2], 1e-15)
  })

  test('warmupSteps 0: the decay starts at step 0, from peakValue (initValue is never seen)', () => {
    expect(valuesOf(optax.warmupCosineDecaySchedule({ initValue: 0.5, peakValue: 1, warmupSteps: 0, decaySteps: 2 }), 3)).toEqual([1, 0.5, 0, 0])
  })

  test('as optax, peakValue 0 makes the floor 0 whatever endValue is (alpha = 0)', () => {
    expect(valuesOf(optax.warmupCosineDecaySchedule({ initValue: 1, peakValue: 0, warmupSteps: 2, decaySteps: 4, endValue: 0.3 }), 5)).toEqual([1, 0.5, 0, 0, 0, 0])
  })

  test('as optax, a negative warmupSteps starts the decay that many steps in', () => {
    // warmup -2: the cosine (T = 4 - (-2) = 6) is evaluated at t + 2
    const v = valuesOf(optax.warmupCosineDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: -2, decaySteps: 4 }), 4)
    expectClose(v, [0.75, 0.5, 0.25, 0.5 * (1 - Math.sqrt(3) / 2), 0], 1e-15)
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.warmupCosineDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 4 })
    expect(s.config).toEqual({ type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 1, warmupSteps: 2, decaySteps: 4, endValue: 0, exponent: 1 })
    expect(valuesOf(fromOptaxConfig(s.config), 6)).toEqual(valuesOf(s, 6))
  })

  test('laws', () => {
    expectLaws(optax.warmupCosineDecaySchedule({ initValue: 1e-6, peakValue: 0.1, warmupSteps: 9, decaySteps: 47, endValue: 1e-4, exponent: 2 }))
  })
})

describe('optax.warmup_cosine_decay_schedule: validation', () => {
  const ok = { initValue: 0, peakValue: 1, warmupSteps: 10, decaySteps: 100 }
  for (const [options, message] of [
    [{ ...ok, initValue: NaN }, 'initValue: expected a finite number, got NaN'],
    [{ ...ok, peakValue: Infinity }, 'peakValue: expected a finite number, got Infinity'],
    [{ ...ok, warmupSteps: 0.5 }, 'warmupSteps: expected an integer, got 0.5'],
    [{ ...ok, decaySteps: undefined }, 'decaySteps: missing, expected an integer'],
    [{ ...ok, decaySteps: 10 }, "decaySteps: expected an integer > warmupSteps (10): optax's cosine decay needs decaySteps - warmupSteps > 0, got 10"],
    [{ ...ok, decaySteps: 3 }, "decaySteps: expected an integer > warmupSteps (10): optax's cosine decay needs decaySteps - warmupSteps > 0, got 3"],
    [{ ...ok, endValue: NaN }, 'endValue: expected a finite number, got NaN'],
    [{ ...ok, exponent: -2 }, 'exponent: expected a finite number >= 0, got -2'],
    [{ ...ok, initValue: -1e308, peakValue: 1e308 }, 'peakValue: expected a value with initValue - peakValue finite (initValue is -1e+308), got 1e+308'],
    // alpha = endValue / peakValue overflows: optax's cosine gives NaN
    [{ ...ok, peakValue: 5e-324, endValue: 1 }, 'endValue: expected a value with endValue / peakValue finite (peakValue is 5e-324), got 1']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.warmupCosineDecaySchedule(options as unknown as optax.WarmupCosineDecayScheduleOptions), message)
    })

  test('the codec checks each argument (the constructor checks decaySteps against warmupSteps)', () => {
    expect(optaxConfigErrors({ type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 1, warmupSteps: 10, decaySteps: 1.5, exponent: -1 })).toEqual([
      'decaySteps: expected an integer, got 1.5',
      'exponent: expected a finite number >= 0, got -1'
    ])
    expect(() => fromOptaxConfig({ type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 1, warmupSteps: 10, decaySteps: 10 })).toThrow(
      "decaySteps: expected an integer > warmupSteps (10): optax's cosine decay needs decaySteps - warmupSteps > 0, got 10"
    )
  })
})
