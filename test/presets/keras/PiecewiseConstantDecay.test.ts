import { describe, expect, test } from 'vitest'
import { piecewiseConstantDecay } from '../../../src/presets/keras/index.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectKerasLaws, values } from './common.js'

describe('keras.PiecewiseConstantDecay: values', () => {
  test('a boundary b takes effect at step b + 1: boundaries [2, 4], values [1, 0.5, 0.1] give 1, 1, 1, 0.5, 0.5, 0.1, 0.1', () => {
    expect(values(piecewiseConstantDecay({ boundaries: [2, 4], values: [1, 0.5, 0.1] }), 6)).toEqual([1, 1, 1, 0.5, 0.5, 0.1, 0.1])
  })

  test('boundary 0: values[0] at step 0 only', () => {
    expect(values(piecewiseConstantDecay({ boundaries: [0], values: [1, 2] }), 2)).toEqual([1, 2, 2])
  })

  test('a negative boundary: the second value from step 0', () => {
    expect(values(piecewiseConstantDecay({ boundaries: [-1], values: [1, 2] }), 1)).toEqual([2, 2])
  })

  test('fractional boundaries are truncated towards zero, as Keras casts them to the integer step: -0.5 acts as 0, 10.2 and 10.7 as 10', () => {
    const v = values(piecewiseConstantDecay({ boundaries: [-0.5, 10.2, 10.7], values: [1, 2, 3, 4] }), 12)
    expect(v).toEqual([1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4])
  })

  test('past the last boundary: the last value for ever', () => {
    expect(values(piecewiseConstantDecay({ boundaries: [1], values: [0.1, 0.01] }), 500)[500]).toBe(0.01)
  })

  test('a -0 value comes out as 0 (Keras adds indicator · value to 0)', () => {
    expect(Object.is(values(piecewiseConstantDecay({ boundaries: [1], values: [-0, 1] }), 0)[0], 0)).toBe(true)
  })
})

describe('keras.PiecewiseConstantDecay: validation', () => {
  for (const { options, message } of [
    { options: { values: [1] }, message: 'boundaries: missing, expected a non-empty array' },
    { options: { boundaries: [], values: [1] }, message: 'boundaries: expected a non-empty array, got []' },
    { options: { boundaries: 10, values: [1, 2] }, message: 'boundaries: expected a non-empty array, got 10' },
    { options: { boundaries: [1, NaN], values: [1, 2, 3] }, message: 'boundaries[1]: expected a finite number, got NaN' },
    { options: { boundaries: [5, 5], values: [1, 2, 3] }, message: 'boundaries[1]: expected a boundary > 5 (boundaries must increase strictly), got 5' },
    { options: { boundaries: [5, 6, 2], values: [1, 2, 3, 4] }, message: 'boundaries[2]: expected a boundary > 6 (boundaries must increase strictly), got 2' },
    { options: { boundaries: [5] }, message: 'values: missing, expected a non-empty array' },
    { options: { boundaries: [5], values: [1, 'a'] }, message: 'values[1]: expected a finite number, got "a"' },
    { options: { boundaries: [5], values: [1, Infinity] }, message: 'values[1]: expected a finite number, got Infinity' },
    { options: { boundaries: [5], values: [1, 2, 3] }, message: 'values: expected 2 values (one more than the 1 boundary), got [1,2,3]' },
    { options: { boundaries: [5, 7], values: [1] }, message: 'values: expected 3 values (one more than the 2 boundaries), got [1]' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => piecewiseConstantDecay(options as never), message)
  })
})

describe('keras.PiecewiseConstantDecay: laws', () => {
  test('closed form = fold bit for bit, absolute value for every group, fast path, purity', () => {
    expectKerasLaws(piecewiseConstantDecay({ boundaries: [3, 10, 11], values: [0.1, 0.05, 0.01, 0.001] }), 30)
  })
})
