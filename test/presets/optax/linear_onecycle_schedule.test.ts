import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.linear_onecycle_schedule: values', () => {
  test('three linear phases: up to the peak, back to the start value, down to start / finalDiv; held after', () => {
    // start 4 / 4 = 1; boundaries {2: ×4, 4: ×1/4, 8: ×1/2}: 1 → 4 → 1 → 0.5
    const s = optax.linearOnecycleSchedule({ transitionSteps: 8, peakValue: 4, pctStart: 0.25, pctFinal: 0.5, divFactor: 4, finalDivFactor: 2 })
    expect(valuesOf(s, 9)).toEqual([1, 2.5, 4, 2.5, 1, 0.875, 0.75, 0.625, 0.5, 0.5])
  })

  test("optax's defaults on 20 steps: peak at 6, back to 0.04 at 17, 4e-6 at 20", () => {
    const v = valuesOf(optax.linearOnecycleSchedule({ transitionSteps: 20, peakValue: 1 }), 21)
    expectClose([0, 3, 6, 17, 20, 21].map((k) => v[k] as number), [0.04, 0.52, 1, 0.04, 4e-6, 4e-6], 1e-14)
  })

  test('as optax (a dict), pctStart = pctFinal keeps only the later scale there: the peak is skipped', () => {
    // start 2; boundaries {2: ×1/2, 4: ×1/2}: 2 → 1 → 0.5
    const s = optax.linearOnecycleSchedule({ transitionSteps: 4, peakValue: 4, pctStart: 0.5, pctFinal: 0.5, divFactor: 2, finalDivFactor: 2 })
    expect(valuesOf(s, 5)).toEqual([2, 1.5, 1, 0.75, 0.5, 0.5])
  })

  test('as optax, pctFinal 1 replaces the way back down with the final scale at T', () => {
    // start 1; boundaries {1: ×2, 4: ×1/2}: 1 → 2 → 1
    const s = optax.linearOnecycleSchedule({ transitionSteps: 4, peakValue: 2, pctStart: 0.25, pctFinal: 1, divFactor: 2, finalDivFactor: 2 })
    expectClose(valuesOf(s, 5), [1, 2, 5 / 3, 4 / 3, 1, 1], 1e-15)
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.linearOnecycleSchedule({ transitionSteps: 20, peakValue: 1 })
    expect(s.config).toEqual({ type: 'optax.linear_onecycle_schedule', transitionSteps: 20, peakValue: 1, pctStart: 0.3, pctFinal: 0.85, divFactor: 25, finalDivFactor: 1e4 })
    expect(valuesOf(fromOptaxConfig(s.config), 22)).toEqual(valuesOf(s, 22))
  })

  test('laws', () => {
    expectLaws(optax.linearOnecycleSchedule({ transitionSteps: 50, peakValue: 0.1, pctStart: 0.2, pctFinal: 0.7, divFactor: 10, finalDivFactor: 100 }))
  })
})

describe('optax.linear_onecycle_schedule: validation', () => {
  const ok = { transitionSteps: 10, peakValue: 1 }
  for (const [options, message] of [
    [{ ...ok, transitionSteps: 0 }, 'transitionSteps: expected a positive integer, got 0'],
    [{ ...ok, peakValue: undefined }, 'peakValue: missing, expected a finite number'],
    [{ ...ok, pctStart: NaN }, 'pctStart: expected a finite number, got NaN'],
    [{ ...ok, pctFinal: '0.8' }, 'pctFinal: expected a finite number, got "0.8"'],
    [{ ...ok, pctFinal: -1e300 }, 'pctFinal: expected a number with int(pctFinal · transitionSteps) a safe integer, got -1e+300'],
    [{ ...ok, divFactor: -1 }, 'divFactor: expected a finite number > 0, got -1'],
    [{ ...ok, finalDivFactor: 0 }, 'finalDivFactor: expected a finite number > 0, got 0'],
    [{ ...ok, finalDivFactor: 1e-320 }, 'finalDivFactor: expected a factor with finite scales (25, 0.04, Infinity), got 1e-320']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.linearOnecycleSchedule(options as unknown as optax.LinearOnecycleScheduleOptions), message)
    })

  test('the codec reports every bad argument', () => {
    expect(optaxConfigErrors({ type: 'optax.linear_onecycle_schedule', transitionSteps: 1.5, peakValue: 1, finalDivFactor: -2, pctFinal: 'x' })).toEqual([
      'transitionSteps: expected a positive integer, got 1.5',
      'pctFinal: expected a finite number, got "x"',
      'finalDivFactor: expected a finite number > 0, got -2'
    ])
  })
})
