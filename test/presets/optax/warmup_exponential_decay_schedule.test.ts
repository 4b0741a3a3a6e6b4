import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.warmup_exponential_decay_schedule: values', () => {
  test('0 → 1 in 2 steps, then halving every step', () => {
    expect(valuesOf(optax.warmupExponentialDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 2, transitionSteps: 1, decayRate: 0.5 }), 4)).toEqual([0, 0.5, 1, 0.5, 0.25])
  })

  test('transitionBegin counts from the end of the warmup; staircase and the floor apply to the decay', () => {
    const s = optax.warmupExponentialDecaySchedule({
      initValue: 0, peakValue: 1, warmupSteps: 2, transitionSteps: 2, decayRate: 0.25, transitionBegin: 1, staircase: true, endValue: 0.1
    })
    // steps 2..3 at the peak (the decay's count 0..1 is <= begin), then 0.25 from count 3 (step 5), 0.1 floor from count 5 (step 7)
    expect(valuesOf(s, 8)).toEqual([0, 0.5, 1, 1, 1, 0.25, 0.25, 0.1, 0.1])
  })

  test('warmupSteps 0 starts the decay at once; decayRate 0 holds peakValue after the warmup', () => {
    expect(valuesOf(optax.warmupExponentialDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 0, transitionSteps: 1, decayRate: 0.5 }), 2)).toEqual([1, 0.5, 0.25])
    expect(valuesOf(optax.warmupExponentialDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 2, transitionSteps: 1, decayRate: 0 }), 4)).toEqual([0, 0.5, ...rep(1, 3)])
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.warmupExponentialDecaySchedule({ initValue: 0, peakValue: 1, warmupSteps: 2, transitionSteps: 1, decayRate: 0.5 })
    expect(s.config).toEqual({
      type: 'optax.warmup_exponential_decay_schedule', initValue: 0, peakValue: 1, warmupSteps: 2, transitionSteps: 1, decayRate: 0.5, transitionBegin: 0, staircase: false
    })
    expect(valuesOf(fromOptaxConfig(s.config), 6)).toEqual(valuesOf(s, 6))
  })

  test('laws', () => {
    expectLaws(optax.warmupExponentialDecaySchedule({ initValue: 1e-5, peakValue: 0.1, warmupSteps: 7, transitionSteps: 9, decayRate: 0.7, endValue: 0.01 }))
  })
})

describe('optax.warmup_exponential_decay_schedule: validation', () => {
  const ok = { initValue: 0, peakValue: 1, warmupSteps: 2, transitionSteps: 10, decayRate: 0.5 }
  for (const [options, message] of [
    [{ ...ok, initValue: NaN }, 'initValue: expected a finite number, got NaN'],
    [{ ...ok, peakValue: undefined }, 'peakValue: missing, expected a finite number'],
    [{ ...ok, warmupSteps: 2.5 }, 'warmupSteps: expected an integer, got 2.5'],
    [{ ...ok, transitionSteps: NaN }, 'transitionSteps: expected an integer, got NaN'],
    [{ ...ok, decayRate: -0.1 }, 'decayRate: expected a finite number >= 0, got -0.1'],
    [{ ...ok, transitionBegin: 0.5 }, 'transitionBegin: expected an integer, got 0.5'],
    [{ ...ok, staircase: 0 }, 'staircase: expected a boolean, got 0'],
    [{ ...ok, endValue: Infinity }, 'endValue: expected a finite number, got Infinity'],
    [{ ...ok, initValue: 1e308, peakValue: -1e308 }, 'peakValue: expected a value with initValue - peakValue finite (initValue is 1e+308), got -1e+308']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.warmupExponentialDecaySchedule(options as unknown as optax.WarmupExponentialDecayScheduleOptions), message)
    })

  test('the codec reports every bad argument', () => {
    expect(optaxConfigErrors({ type: 'optax.warmup_exponential_decay_schedule', initValue: 0, peakValue: 1, warmupSteps: 2, decayRate: -1 })).toEqual([
      'transitionSteps: missing, expected an integer',
      'decayRate: expected a finite number >= 0, got -1'
    ])
  })
})
