import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.piecewise_constant_schedule: values', () => {
  test("optax's docstring example: 1.0, {100: 0.1, 200: 0.01} gives 1 at 50, 0.1 at 150, 0.001 at 250", () => {
    const v = valuesOf(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 100: 0.1, 200: 0.01 } }), 250)
    expectClose([v[50] as number, v[99] as number, v[100] as number, v[150] as number, v[199] as number, v[200] as number, v[250] as number], [1, 1, 0.1, 0.1, 0.1, 0.001, 0.001], 1e-15)
  })

  test('a boundary b applies from step b on (as PyTorch, unlike Keras)', () => {
    expect(valuesOf(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 2: 0.5, 4: 0.5 } }), 5)).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25])
  })

  test('the keys are applied in step order, whatever their order in the object', () => {
    expect(valuesOf(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 3: 0.5, 1: 4 } }), 4)).toEqual([1, 4, 4, 2, 2])
  })

  test('no boundaries (absent or {}) is a constant schedule', () => {
    expect(valuesOf(optax.piecewiseConstantSchedule({ initValue: 0.1 }), 3)).toEqual(rep(0.1, 4))
    expect(valuesOf(optax.piecewiseConstantSchedule({ initValue: 0.1, boundariesAndScales: {} }), 3)).toEqual(rep(0.1, 4))
  })

  test('as optax, a boundary at 0 or below applies from step 0', () => {
    expect(valuesOf(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { '-5': 0.5, 0: 0.5, 2: 4 } }), 3)).toEqual([0.25, 0.25, 1, 1])
  })

  test('a scale 0 zeroes the value for good', () => {
    expect(valuesOf(optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 2: 0, 4: 5 } }), 5)).toEqual([1, 1, 0, 0, 0, 0])
  })

  test('the JSON config (keys in step order) builds the same schedule', () => {
    const s = optax.piecewiseConstantSchedule({ initValue: 1, boundariesAndScales: { 3: 0.5, 1: 4 } })
    expect(s.config).toEqual({ type: 'optax.piecewise_constant_schedule', initValue: 1, boundariesAndScales: { '1': 4, '3': 0.5 } })
    expect(valuesOf(fromOptaxConfig(s.config), 5)).toEqual(valuesOf(s, 5))
    expect(optax.piecewiseConstantSchedule({ initValue: 1 }).config).toEqual({ type: 'optax.piecewise_constant_schedule', initValue: 1, boundariesAndScales: {} })
  })

  test('laws', () => {
    expectLaws(optax.piecewiseConstantSchedule({ initValue: 0.1, boundariesAndScales: { 5: 0.3, 17: 0.7, 40: 2 } }))
  })
})

describe('optax.piecewise_constant_schedule: validation', () => {
  for (const [options, message] of [
    [{ initValue: NaN }, 'initValue: expected a finite number, got NaN'],
    [{ initValue: 1, boundariesAndScales: { 10: -0.1 } }, 'boundariesAndScales[10]: expected a scale that is a finite number >= 0, got -0.1'],
    [{ initValue: 1, boundariesAndScales: { 10: NaN } }, 'boundariesAndScales[10]: expected a scale that is a finite number >= 0, got NaN'],
    [{ initValue: 1, boundariesAndScales: { '-3': Infinity } }, 'boundariesAndScales.-3: expected a scale that is a finite number >= 0, got Infinity'],
    [{ initValue: 1, boundariesAndScales: { abc: 0.1 } }, 'boundariesAndScales.abc: expected a key that is an integer step (such as "100"), got "abc"'],
    [{ initValue: 1, boundariesAndScales: { '1.5': 0.1 } }, 'boundariesAndScales.1.5: expected a key that is an integer step (such as "100"), got "1.5"'],
    [{ initValue: 1, boundariesAndScales: { '007': 0.1 } }, 'boundariesAndScales[007]: expected a key that is an integer step (such as "100"), got "007"'],
    [{ initValue: 1, boundariesAndScales: { 0: 0.5, '-0': 0.1 } }, 'boundariesAndScales.-0: expected a key that is an integer step (such as "100"), got "-0"'],
    [{ initValue: 1, boundariesAndScales: [0.1] }, 'boundariesAndScales: expected an object mapping integer steps to scales ({"100": 0.1}), got [0.1]'],
    [
      { initValue: 1e300, boundariesAndScales: { 1: 1e5, 2: 1e5 } },
      'boundariesAndScales: expected scales whose running product with the initial value 1e+300 stays finite, got an overflow at the scale 100000'
    ]
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.piecewiseConstantSchedule(options as unknown as optax.PiecewiseConstantScheduleOptions), message)
    })

  test('the codec reports every bad entry with its path', () => {
    expect(optaxConfigErrors({ type: 'optax.piecewise_constant_schedule', initValue: 1, boundariesAndScales: { 10: -1, x: 2, 20: '0.1' } })).toEqual([
      'boundariesAndScales[10]: expected a scale that is a finite number >= 0, got -1',
      'boundariesAndScales[20]: expected a scale that is a finite number >= 0, got "0.1"',
      'boundariesAndScales.x: expected a key that is an integer step (such as "100"), got "x"'
    ])
  })
})
