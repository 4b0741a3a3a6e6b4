import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

// (init - end) · (1 - k / T)^power + end, k = clip(t - begin, 0, T)
describe('optax.polynomial_schedule: values', () => {
  test('power 2, 1 → 0 over 2 steps: 1, 0.25, 0, 0', () => {
    expect(valuesOf(optax.polynomialSchedule({ initValue: 1, endValue: 0, power: 2, transitionSteps: 2 }), 3)).toEqual([1, 0.25, 0, 0])
  })

  test("optax's docstring example (1 → 0.01, power 2, 100 steps from step 5) at counts 0, 5, 6, 104, 105, 110", () => {
    const v = valuesOf(optax.polynomialSchedule({ initValue: 1, endValue: 0.01, power: 2, transitionSteps: 100, transitionBegin: 5 }), 110)
    // 0.99 · 0.99² + 0.01 = 0.980299; 0.99 · 0.01² + 0.01 = 0.010099
    expectClose([0, 5, 6, 104, 105, 110].map((k) => v[k] as number), [1, 1, 0.980299, 0.010099, 0.01, 0.01], 1e-14)
  })

  test('power 0.5: sqrt(1 - k / 4), so 0.5 at step 3', () => {
    const v = valuesOf(optax.polynomialSchedule({ initValue: 1, endValue: 0, power: 0.5, transitionSteps: 4 }), 4)
    expectClose(v, [1, Math.sqrt(0.75), Math.sqrt(0.5), 0.5, 0], 1e-15)
  })

  test('power 0 holds initValue for ever, even at and past the end (0 ** 0 = 1)', () => {
    expect(valuesOf(optax.polynomialSchedule({ initValue: 0.3, endValue: 0.01, power: 0, transitionSteps: 3 }), 6)).toEqual(rep(0.3, 7))
  })

  test('as optax, transitionSteps <= 0 holds initValue, and a negative transitionBegin counts as 0', () => {
    expect(valuesOf(optax.polynomialSchedule({ initValue: 0.3, endValue: 0.01, power: 2, transitionSteps: 0 }), 3)).toEqual(rep(0.3, 4))
    expect(valuesOf(optax.polynomialSchedule({ initValue: 1, endValue: 0, power: 2, transitionSteps: 2, transitionBegin: -3 }), 3)).toEqual([1, 0.25, 0, 0])
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.polynomialSchedule({ initValue: 1, endValue: 0, power: 2, transitionSteps: 2 })
    expect(s.config).toEqual({ type: 'optax.polynomial_schedule', initValue: 1, endValue: 0, power: 2, transitionSteps: 2, transitionBegin: 0 })
    expect(valuesOf(fromOptaxConfig(s.config), 4)).toEqual(valuesOf(s, 4))
  })

  test('laws', () => {
    expectLaws(optax.polynomialSchedule({ initValue: 0.3, endValue: 0.001, power: 1.7, transitionSteps: 45, transitionBegin: 5 }))
  })
})

describe('optax.polynomial_schedule: validation', () => {
  const ok = { initValue: 1, endValue: 0, power: 2, transitionSteps: 10 }
  for (const [options, message] of [
    [{ ...ok, initValue: undefined }, 'initValue: missing, expected a finite number'],
    [{ ...ok, endValue: NaN }, 'endValue: expected a finite number, got NaN'],
    [{ ...ok, power: -1 }, 'power: expected a finite number >= 0, got -1'],
    [{ ...ok, power: Infinity }, 'power: expected a finite number >= 0, got Infinity'],
    [{ ...ok, transitionSteps: 1.5 }, 'transitionSteps: expected an integer, got 1.5'],
    [{ ...ok, transitionBegin: '5' }, 'transitionBegin: expected an integer, got "5"'],
    [{ ...ok, initValue: -1e308, endValue: 1e308 }, 'endValue: expected a value with initValue - endValue finite (initValue is -1e+308), got 1e+308']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.polynomialSchedule(options as unknown as optax.PolynomialScheduleOptions), message)
    })

  test('the codec reports a negative power and a missing one', () => {
    expect(optaxConfigErrors({ type: 'optax.polynomial_schedule', initValue: 1, endValue: 0, power: -0.5, transitionSteps: 3 })).toEqual([
      'power: expected a finite number >= 0, got -0.5'
    ])
    expect(optaxConfigErrors({ type: 'optax.polynomial_schedule', initValue: 1, endValue: 0, transitionSteps: 3 })).toEqual([
      'power: missing, expected a finite number >= 0'
    ])
  })
})
