import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { rep } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

// init · rate^((t - begin) / T) from begin on, floored exponent with staircase, clipped at endValue
describe('optax.exponential_decay: values', () => {
  test('continuous: rate 0.25 per 2 steps halves the value every step', () => {
    expect(valuesOf(optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: 0.25 }), 4)).toEqual([1, 0.5, 0.25, 0.125, 0.0625])
  })

  test('staircase: whole steps of transitionSteps only', () => {
    expect(valuesOf(optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: 0.25, staircase: true }), 4)).toEqual([1, 1, 0.25, 0.25, 0.0625])
  })

  test('transitionBegin 3 holds initValue up to step 3, then decays from there', () => {
    expect(valuesOf(optax.exponentialDecay({ initValue: 1, transitionSteps: 1, decayRate: 0.5, transitionBegin: 3 }), 5)).toEqual([1, 1, 1, 1, 0.5, 0.25])
  })

  test('endValue is a floor for rates below 1 and a ceiling above', () => {
    expect(valuesOf(optax.exponentialDecay({ initValue: 1, transitionSteps: 1, decayRate: 0.5, endValue: 0.2 }), 4)).toEqual([1, 0.5, 0.25, 0.2, 0.2])
    expect(valuesOf(optax.exponentialDecay({ initValue: 1, transitionSteps: 1, decayRate: 2, endValue: 5 }), 4)).toEqual([1, 2, 4, 5, 5])
  })

  test('an endValue above initValue (rate < 1) clips from step 0', () => {
    expect(valuesOf(optax.exponentialDecay({ initValue: 0.01, transitionSteps: 1, decayRate: 0.5, endValue: 0.05 }), 3)).toEqual(rep(0.05, 4))
  })

  test('rate 0.9 per 10 steps: 0.9^(k/10)', () => {
    const v = valuesOf(optax.exponentialDecay({ initValue: 2, transitionSteps: 10, decayRate: 0.9 }), 25)
    expectClose([v[5] as number, v[10] as number, v[25] as number], [2 * Math.sqrt(0.9), 1.8, 2 * 0.81 * Math.sqrt(0.9)], 1e-14)
  })

  test('as optax, decayRate 0 or transitionSteps <= 0 hold initValue (endValue has no effect then)', () => {
    expect(valuesOf(optax.exponentialDecay({ initValue: 0.1, transitionSteps: 10, decayRate: 0, endValue: 0.5 }), 3)).toEqual(rep(0.1, 4))
    expect(valuesOf(optax.exponentialDecay({ initValue: 0.1, transitionSteps: 0, decayRate: 0.5 }), 3)).toEqual(rep(0.1, 4))
    expect(valuesOf(optax.exponentialDecay({ initValue: 0.1, transitionSteps: -4, decayRate: 0.5, endValue: 0.01 }), 3)).toEqual(rep(0.1, 4))
  })

  test('as optax, a negative transitionBegin counts as 0', () => {
    expect(valuesOf(optax.exponentialDecay({ initValue: 1, transitionSteps: 1, decayRate: 0.5, transitionBegin: -20 }), 2)).toEqual([1, 0.5, 0.25])
  })

  test('the JSON config (endValue only when given) builds the same schedule', () => {
    const s = optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: 0.25 })
    expect(s.config).toEqual({ type: 'optax.exponential_decay', initValue: 1, transitionSteps: 2, decayRate: 0.25, transitionBegin: 0, staircase: false })
    const e = optax.exponentialDecay({ initValue: 1, transitionSteps: 2, decayRate: 0.25, endValue: 0.1 })
    expect(e.config['endValue']).toBe(0.1)
    expect(valuesOf(fromOptaxConfig(e.config), 8)).toEqual(valuesOf(e, 8))
  })

  test('laws', () => {
    expectLaws(optax.exponentialDecay({ initValue: 0.1, transitionSteps: 7, decayRate: 0.6, transitionBegin: 4, staircase: true, endValue: 0.003 }))
    expectLaws(optax.exponentialDecay({ initValue: 0.1, transitionSteps: 7, decayRate: 1.3 }))
  })
})

describe('optax.exponential_decay: validation', () => {
  const ok = { initValue: 1, transitionSteps: 10, decayRate: 0.5 }
  for (const [options, message] of [
    [{ ...ok, initValue: NaN }, 'initValue: expected a finite number, got NaN'],
    [{ ...ok, transitionSteps: 0.5 }, 'transitionSteps: expected an integer, got 0.5'],
    [{ ...ok, decayRate: -0.5 }, 'decayRate: expected a finite number >= 0, got -0.5'],
    [{ ...ok, decayRate: Infinity }, 'decayRate: expected a finite number >= 0, got Infinity'],
    [{ ...ok, transitionBegin: 0.5 }, 'transitionBegin: expected an integer, got 0.5'],
    [{ ...ok, staircase: 'yes' }, 'staircase: expected a boolean, got "yes"'],
    [{ ...ok, endValue: NaN }, 'endValue: expected a finite number, got NaN']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.exponentialDecay(options as unknown as optax.ExponentialDecayOptions), message)
    })

  test('the codec reports every bad argument', () => {
    expect(optaxConfigErrors({ type: 'optax.exponential_decay', initValue: 1, transitionSteps: 10, decayRate: -1, staircase: 1 })).toEqual([
      'decayRate: expected a finite number >= 0, got -1',
      'staircase: expected a boolean, got 1'
    ])
  })
})
