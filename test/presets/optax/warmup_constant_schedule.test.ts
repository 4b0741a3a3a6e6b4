import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.warmup_constant_schedule: values', () => {
  test('0 → 1 over 4 steps, then 1 for ever', () => {
    expect(valuesOf(optax.warmupConstantSchedule({ initValue: 0, peakValue: 1, warmupSteps: 4 }), 6)).toEqual([0, 0.25, 0.5, 0.75, 1, 1, 1])
  })

  test('as optax, warmupSteps 0 (or less) holds initValue for ever, not peakValue', () => {
    expect(valuesOf(optax.warmupConstantSchedule({ initValue: 0.01, peakValue: 1, warmupSteps: 0 }), 3)).toEqual(rep(0.01, 4))
    expect(valuesOf(optax.warmupConstantSchedule({ initValue: 0.01, peakValue: 1, warmupSteps: -3 }), 3)).toEqual(rep(0.01, 4))
  })

  test('a warmup longer than the run never reaches the peak', () => {
    expect(valuesOf(optax.warmupConstantSchedule({ initValue: 0, peakValue: 1, warmupSteps: 8 }), 4)).toEqual([0, 0.125, 0.25, 0.375, 0.5])
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.warmupConstantSchedule({ initValue: 0, peakValue: 1, warmupSteps: 4 })
    expect(s.config).toEqual({ type: 'optax.warmup_constant_schedule', initValue: 0, peakValue: 1, warmupSteps: 4 })
    expect(valuesOf(fromOptaxConfig(s.config), 6)).toEqual(valuesOf(s, 6))
  })

  test('laws', () => {
    expectLaws(optax.warmupConstantSchedule({ initValue: 1e-5, peakValue: 0.1, warmupSteps: 33 }))
  })
})

describe('optax.warmup_constant_schedule: validation', () => {
  const ok = { initValue: 0, peakValue: 1, warmupSteps: 4 }
  for (const [options, message] of [
    [{ ...ok, initValue: NaN }, 'initValue: expected a finite number, got NaN'],
    [{ ...ok, peakValue: undefined }, 'peakValue: missing, expected a finite number'],
    [{ ...ok, warmupSteps: 1.5 }, 'warmupSteps: expected an integer, got 1.5'],
    [{ ...ok, initValue: -1e308, peakValue: 1e308 }, 'peakValue: expected a value with initValue - peakValue finite (initValue is -1e+308), got 1e+308']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.warmupConstantSchedule(options as unknown as optax.WarmupConstantScheduleOptions), message)
    })

  test('the codec reports missing arguments', () => {
    expect(optaxConfigErrors({ type: 'optax.warmup_constant_schedule', initValue: 0 })).toEqual([
      'peakValue: missing, expected a finite number',
      'warmupSteps: missing, expected an integer'
    ])
  })
})
