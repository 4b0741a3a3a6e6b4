import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.piecewise_interpolate_schedule: values', () => {
  test("optax's docstring example: linear, 1.0, {4: 0.1, 8: 0.01} at steps 0, 2, 4, 6, 8, 10", () => {
    const v = valuesOf(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 1, boundariesAndScales: { 4: 0.1, 8: 0.01 } }), 10)
    // between the running products 1, 0.1, 0.001: halfway is 0.55, then 0.0505
    expectClose([0, 2, 4, 6, 8, 10].map((k) => v[k] as number), [1, 0.55, 0.1, 0.0505, 0.001, 0.001], 1e-15)
  })

  test('linear 1 → 0.5 over 4 steps, then held', () => {
    expect(valuesOf(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 1, boundariesAndScales: { 4: 0.5 } }), 5)).toEqual([1, 0.875, 0.75, 0.625, 0.5, 0.5])
  })

  test('cosine 1 → 0.5 over 4 steps: 0.5 + 0.25 · (cos(π k / 4) + 1)', () => {
    const v = valuesOf(optax.piecewiseInterpolateSchedule({ interpolateType: 'cosine', initValue: 1, boundariesAndScales: { 4: 0.5 } }), 5)
    expectClose(v, [1, 0.5 + 0.25 * (Math.SQRT1_2 + 1), 0.75, 0.5 + 0.25 * (1 - Math.SQRT1_2), 0.5, 0.5], 1e-15)
  })

  test('a boundary at 0 starts the next interval at once (the empty interval [0, 0) is skipped)', () => {
    const v = valuesOf(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 0.1, boundariesAndScales: { 0: 0.5, 10: 0.1 } }), 11)
    expectClose([v[0] as number, v[5] as number, v[10] as number, v[11] as number], [0.05, 0.0275, 0.005, 0.005], 1e-15)
  })

  test('adjacent boundaries: the value at a boundary is the product up to it', () => {
    const v = valuesOf(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 1, boundariesAndScales: { 2: 2, 3: 0.25, 4: 8 } }), 5)
    expect(v).toEqual([1, 1.5, 2, 0.5, 4, 4])
  })

  test('no boundaries is a constant schedule', () => {
    expect(valuesOf(optax.piecewiseInterpolateSchedule({ interpolateType: 'cosine', initValue: 0.1 }), 3)).toEqual(rep(0.1, 4))
  })

  test('as optax, a negative boundary leaves [0, b) empty and interpolates from b to the next boundary', () => {
    // bounds 0, -2, 2: the interval [-2, 2) holds steps 0 and 1 at pct (t + 2) / 4
    const v = valuesOf(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 1, boundariesAndScales: { '-2': 2, 2: 0.5 } }), 3)
    expect(v).toEqual([1.5, 1.25, 1, 1])
  })

  test('the JSON config builds the same schedule', () => {
    const s = optax.piecewiseInterpolateSchedule({ interpolateType: 'cosine', initValue: 1, boundariesAndScales: { 4: 0.5 } })
    expect(s.config).toEqual({ type: 'optax.piecewise_interpolate_schedule', interpolateType: 'cosine', initValue: 1, boundariesAndScales: { '4': 0.5 } })
    expect(valuesOf(fromOptaxConfig(s.config), 6)).toEqual(valuesOf(s, 6))
  })

  test('laws (linear and cosine)', () => {
    expectLaws(optax.piecewiseInterpolateSchedule({ interpolateType: 'linear', initValue: 0.1, boundariesAndScales: { 5: 3, 17: 0.1, 40: 0.5 } }))
    expectLaws(optax.piecewiseInterpolateSchedule({ interpolateType: 'cosine', initValue: 0.1, boundariesAndScales: { 0: 3, 17: 0.1, 40: 0.5 } }))
  })
})

describe('optax.piecewise_interpolate_schedule: validation', () => {
  for (const [options, message] of [
    [{ interpolateType: 'quadratic', initValue: 1 }, 'interpolateType: expected one of "linear", "cosine", got "quadratic"'],
    [{ initValue: 1 }, 'interpolateType: missing, expected one of "linear", "cosine"'],
    [{ interpolateType: 'linear', initValue: Infinity }, 'initValue: expected a finite number, got Infinity'],
    [{ interpolateType: 'linear', initValue: 1, boundariesAndScales: { 5: -2 } }, 'boundariesAndScales[5]: expected a scale that is a finite number >= 0, got -2'],
    [{ interpolateType: 'linear', initValue: 1, boundariesAndScales: { '+5': 2 } }, 'boundariesAndScales.+5: expected a key that is an integer step (such as "100"), got "+5"'],
    [{ interpolateType: 'linear', initValue: 1, boundariesAndScales: null }, 'boundariesAndScales: expected an object mapping integer steps to scales ({"100": 0.1}), got null']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.piecewiseInterpolateSchedule(options as unknown as optax.PiecewiseInterpolateScheduleOptions), message)
    })

  test('the codec reports the type and the entries', () => {
    expect(optaxConfigErrors({ type: 'optax.piecewise_interpolate_schedule', interpolateType: 'cos', initValue: 1, boundariesAndScales: { 3: -1 } })).toEqual([
      'interpolateType: expected one of "linear", "cosine", got "cos"',
      'boundariesAndScales[3]: expected a scale that is a finite number >= 0, got -1'
    ])
  })
})
