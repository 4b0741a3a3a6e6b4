import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { trace } from '../../../src/index.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

describe('optax.constant_schedule: values', () => {
  test('every group gets the value at every step, whatever its own lr', () => {
    expect(trace(optax.constantSchedule({ value: 0.5 }), [0.1, 0.2], 2).lr).toEqual([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])
  })

  test('0 and negative values are optax values too', () => {
    expect(valuesOf(optax.constantSchedule({ value: 0 }), 3)).toEqual(rep(0, 4))
    expect(valuesOf(optax.constantSchedule({ value: -0.25 }), 3)).toEqual(rep(-0.25, 4))
  })

  test('the JSON config, and a config builds the same schedule', () => {
    const s = optax.constantSchedule({ value: 0.5 })
    expect(s.config).toEqual({ type: 'optax.constant_schedule', value: 0.5 })
    expect(valuesOf(fromOptaxConfig({ type: 'optax.constant_schedule', value: 0.5 }), 5)).toEqual(valuesOf(s, 5))
  })

  test('laws: one value for every group, closed form = fold bit for bit, pure', () => {
    expectLaws(optax.constantSchedule({ value: 0.5 }))
  })
})

describe('optax.constant_schedule: validation', () => {
  for (const [value, message] of [
    [NaN, 'value: expected a finite number, got NaN'],
    [Infinity, 'value: expected a finite number, got Infinity'],
    [undefined, 'value: missing, expected a finite number'],
    ['0.1', 'value: expected a finite number, got "0.1"']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.constantSchedule({ value: value as number }), message)
    })

  test('the codec names unknown and missing arguments', () => {
    expect(optaxConfigErrors({ type: 'optax.constant_schedule', value: 1, vaule: 2 })).toEqual([
      'vaule: unknown argument of optax.constant_schedule (it takes value)'
    ])
    expect(optaxConfigErrors({ type: 'optax.constant_schedule' })).toEqual(['value: missing, expected a finite number'])
  })
})
