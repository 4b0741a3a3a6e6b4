import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.cosine_onecycle_schedule: values', () => {
  test('up from peak / div to the peak at int(pctStart · T), down to peak / (div · finalDiv) at T, held after', () => {
    // start 2 / 2 = 1, boundaries {2: ×2, 4: ×1 / (2 · 1)}: 1 → 2 → 1 along half cosines
    const s = optax.cosineOnecycleSchedule({ transitionSteps: 4, peakValue: 2, pctStart: 0.5, divFactor: 2, finalDivFactor: 1 })
    expect(valuesOf(s, 6)).toEqual([1, 1.5, 2, 1.5, 1, 1, 1])
  })

  test("optax's defaults on 10 steps: the peak at step int(0.3 · 10) = 3, 0.04 at 0, 4e-6 from step 10 on", () => {
    const v = valuesOf(optax.cosineOnecycleSchedule({ transitionSteps: 10, peakValue: 1 }), 12)
    expectClose([v[0] as number, v[3] as number, v[10] as number, v[12] as number], [0.04, 1, 4e-6, 4e-6], 1e-15)
    expectClose([v[1] as number], [1 + (0.04 - 1) / 2 * (Math.cos(Math.PI / 3) + 1)], 1e-15)
  })

  test('int() truncates: pctStart 0.29 of 100 steps puts the peak at step 28 (0.29 · 100 = 28.999999999999996)', () => {
    const v = valuesOf(optax.cosineOnecycleSchedule({ transitionSteps: 100, peakValue: 1 , pctStart: 0.29 }), 30)
    expect(v[28]).toBe(1)
  })

  test('as optax (a dict), pctStart 1 puts both boundaries on T: the later replaces the peak, which is never reached', () => {
    const v = valuesOf(optax.cosineOnecycleSchedule({ transitionSteps: 4, peakValue: 2, pctStart: 1, divFactor: 2, finalDivFactor: 1 }), 5)
    // from 1 to 1 · 1 / (2 · 1) = 0.5 over 4 steps
    expect(v).toEqual([1, 0.5 + 0.25 * (Math.SQRT1_2 + 1), 0.75, 0.5 + 0.25 * (1 - Math.SQRT1_2), 0.5, 0.5])
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.cosineOnecycleSchedule({ transitionSteps: 10, peakValue: 1 })
    expect(s.config).toEqual({ type: 'optax.cosine_onecycle_schedule', transitionSteps: 10, peakValue: 1, pctStart: 0.3, divFactor: 25, finalDivFactor: 1e4 })
    expect(valuesOf(fromOptaxConfig(s.config), 12)).toEqual(valuesOf(s, 12))
  })

  test('laws', () => {
    expectLaws(optax.cosineOnecycleSchedule({ transitionSteps: 50, peakValue: 0.1, pctStart: 0.25, divFactor: 10, finalDivFactor: 100 }))
  })
})

describe('optax.cosine_onecycle_schedule: validation', () => {
  const ok = { transitionSteps: 10, peakValue: 1 }
  for (const [options, message] of [
    [{ ...ok, transitionSteps: 0 }, 'transitionSteps: expected a positive integer, got 0'],
    [{ ...ok, transitionSteps: -10 }, 'transitionSteps: expected a positive integer, got -10'],
    [{ ...ok, peakValue: NaN }, 'peakValue: expected a finite number, got NaN'],
    [{ ...ok, pctStart: Infinity }, 'pctStart: expected a finite number, got Infinity'],
    [{ ...ok, pctStart: 1e300 }, 'pctStart: expected a number with int(pctStart · transitionSteps) a safe integer, got 1e+300'],
    [{ ...ok, divFactor: 0 }, 'divFactor: expected a finite number > 0, got 0'],
    [{ ...ok, divFactor: -25 }, 'divFactor: expected a finite number > 0, got -25'],
    [{ ...ok, finalDivFactor: 0 }, 'finalDivFactor: expected a finite number > 0, got 0'],
    [{ ...ok, divFactor: 1e-320 }, 'divFactor: expected a factor with peakValue / divFactor finite (peakValue is 1), got 1e-320'],
    [{ ...ok, divFactor: 1e-200, finalDivFactor: 1e-200 }, 'finalDivFactor: expected a factor with finite scales (1e-200, Infinity), got 1e-200']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.cosineOnecycleSchedule(options as unknown as optax.CosineOnecycleScheduleOptions), message)
    })

  test('the codec reports every bad argument', () => {
    expect(optaxConfigErrors({ type: 'optax.cosine_onecycle_schedule', transitionSteps: 0, peakValue: 1, divFactor: 0 })).toEqual([
      'transitionSteps: expected a positive integer, got 0',
      'divFactor: expected a finite number > 0, got 0'
    ])
  })
})
