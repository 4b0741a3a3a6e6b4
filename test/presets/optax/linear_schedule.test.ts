import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

// (init - end) · (1 - k / T) + end, k = clip(t - begin, 0, T): the values below are exact in binary
describe('optax.linear_schedule: values', () => {
  test('2 → 1 over 4 steps: 2, 1.75, 1.5, 1.25, then 1 for ever', () => {
    expect(valuesOf(optax.linearSchedule({ initValue: 2, endValue: 1, transitionSteps: 4 }), 6)).toEqual([2, 1.75, 1.5, 1.25, 1, 1, 1])
  })

  test('transitionBegin 1 holds the initial value one more step', () => {
    expect(valuesOf(optax.linearSchedule({ initValue: 1, endValue: 0, transitionSteps: 4, transitionBegin: 1 }), 6)).toEqual([1, 1, 0.75, 0.5, 0.25, 0, 0])
  })

  test('increasing: 1 → 2 over 2 steps', () => {
    expect(valuesOf(optax.linearSchedule({ initValue: 1, endValue: 2, transitionSteps: 2 }), 3)).toEqual([1, 1.5, 2, 2])
  })

  test('0 → 0.1 over 10 steps reaches 0.05 at step 5 and 0.1 at step 10', () => {
    const v = valuesOf(optax.linearSchedule({ initValue: 0, endValue: 0.1, transitionSteps: 10 }), 12)
    expectClose([v[5] as number, v[10] as number, v[12] as number], [0.05, 0.1, 0.1], 1e-15)
  })

  test('as optax, transitionSteps <= 0 holds initValue for ever (not endValue)', () => {
    expect(valuesOf(optax.linearSchedule({ initValue: 0.3, endValue: 0.01, transitionSteps: 0 }), 5)).toEqual(rep(0.3, 6))
    expect(valuesOf(optax.linearSchedule({ initValue: 0.3, endValue: 0.01, transitionSteps: -5, transitionBegin: 2 }), 5)).toEqual(rep(0.3, 6))
  })

  test('as optax, a negative transitionBegin counts as 0', () => {
    expect(valuesOf(optax.linearSchedule({ initValue: 2, endValue: 1, transitionSteps: 4, transitionBegin: -7 }), 5)).toEqual([2, 1.75, 1.5, 1.25, 1, 1])
  })

  test('the JSON config has the defaults filled in and builds the same schedule', () => {
    const s = optax.linearSchedule({ initValue: 2, endValue: 1, transitionSteps: 4 })
    expect(s.config).toEqual({ type: 'optax.linear_schedule', initValue: 2, endValue: 1, transitionSteps: 4, transitionBegin: 0 })
    expect(valuesOf(fromOptaxConfig(s.config), 6)).toEqual(valuesOf(s, 6))
  })

  test('laws', () => {
    expectLaws(optax.linearSchedule({ initValue: 0.001, endValue: 0.1, transitionSteps: 37, transitionBegin: 3 }))
  })
})

describe('optax.linear_schedule: validation', () => {
  const ok = { initValue: 1, endValue: 0, transitionSteps: 10 }
  for (const [options, message] of [
    [{ ...ok, initValue: NaN }, 'initValue: expected a finite number, got NaN'],
    [{ ...ok, endValue: Infinity }, 'endValue: expected a finite number, got Infinity'],
    [{ ...ok, transitionSteps: 2.5 }, 'transitionSteps: expected an integer, got 2.5'],
    [{ ...ok, transitionSteps: undefined }, 'transitionSteps: missing, expected an integer'],
    [{ ...ok, transitionBegin: 1.5 }, 'transitionBegin: expected an integer, got 1.5'],
    [{ ...ok, transitionBegin: 2 ** 60 }, `transitionBegin: expected an integer, got ${2 ** 60}`],
    [{ ...ok, initValue: 1e308, endValue: -1e308 }, 'endValue: expected a value with initValue - endValue finite (initValue is 1e+308), got -1e+308']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.linearSchedule(options as optax.LinearScheduleOptions), message)
    })

  test('an infinite span is accepted when there is no transition (optax never computes it)', () => {
    expect(valuesOf(optax.linearSchedule({ initValue: 1e308, endValue: -1e308, transitionSteps: 0 }), 1)).toEqual([1e308, 1e308])
  })

  test('the codec reports every bad argument', () => {
    expect(optaxConfigErrors({ type: 'optax.linear_schedule', initValue: 1, transitionSteps: '10', transitionBegin: -1.5 })).toEqual([
      'endValue: missing, expected a finite number',
      'transitionSteps: expected an integer, got "10"',
      'transitionBegin: expected an integer, got -1.5'
    ])
  })
})
