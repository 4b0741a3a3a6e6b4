// The correctly rounded natural logarithm behind timm's cycle index. Expected values: the true
// logarithm rounded to the nearest double (computed with 300-bit arithmetic, mpmath); Python's
// math.log (glibc) gives the same for all but the last two (glibc is off by one unit there, a
// case timm's cycle index never meets at an exact restart: see scripts/gen_timm_fixtures.py).
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { describe, expect } from 'vitest'
import { log } from '../../../src/internal/log.js'

describe('timm log', () => {
  test.each([
    [3, 1.0986122886681098], // V8's Math.log(3) is 1.0986122886681096
    [243, 5.493061443340548],
    [1.7, 0.5306282510621704],
    [1.1, 0.09531017980432493],
    [10, 2.302585092994046],
    [1000, 6.907755278982137],
    [1 + 2 ** -52, 2.2204460492503128e-16],
    [1 - 2 ** -53, -1.1102230246251565e-16],
    [5e-324, -744.4400719213812],
    [2.2250738585072014e-308, -708.3964185322641],
    [1.7976931348623157e308, 709.782712893384],
    [0.5907156220225895, -0.5264205583916185],
    [1.924531502706154, 0.6546825629016109]
  ])('log(%d) = %d', (x, expected) => {
    expect(log(x)).toBe(expected)
  })

  test('1, 2, special values', () => {
    expect(log(1)).toBe(0)
    expect(log(2)).toBe(Math.LN2)
    expect(log(0)).toBe(-Infinity)
    expect(log(Infinity)).toBe(Infinity)
    expect(log(-1)).toBeNaN()
    expect(log(NaN)).toBeNaN()
  })

  test('the cycle index of timm\'s cycleMul 3 at t = 121 (log 243 / log 3): 4.999999999999999, as CPython on glibc', () => {
    expect(log(243) / log(3)).toBe(4.999999999999999)
    expect(Math.floor(log(243) / log(3))).toBe(4)
  })

  test.prop([fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true })])('within one unit in the last place of Math.log', (x) => {
    const a = log(x)
    const b = Math.log(x)
    const ulp = Math.max(Number.MIN_VALUE, Math.abs(b) * 2 ** -52)
    expect(Math.abs(a - b)).toBeLessThanOrEqual(ulp)
  })
})
