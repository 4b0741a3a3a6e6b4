import { describe, test } from 'vitest'
import { exponentialDecay } from '../../../src/presets/keras/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectKerasLaws, values } from './common.js'

// Tolerance: 1e-15 relative (a few ulps): each value is one pow and one product.
const REL = 1e-15

describe('keras.ExponentialDecay: values', () => {
  test('staircase: initial 1, decaySteps 2, rate 0.5 gives 1, 1, 0.5, 0.5, 0.25, 0.25', () => {
    expectClose(values(exponentialDecay({ initialLearningRate: 1, decaySteps: 2, decayRate: 0.5, staircase: true }), 5), [1, 1, 0.5, 0.5, 0.25, 0.25], REL)
  })

  test('continuous: initial 1, decaySteps 2, rate 0.25 gives 0.25^(k/2) = 1, 0.5, 0.25, 0.125', () => {
    expectClose(values(exponentialDecay({ initialLearningRate: 1, decaySteps: 2, decayRate: 0.25 }), 3), [1, 0.5, 0.25, 0.125], REL)
  })

  test('continuous between whole periods: initial 0.1, decaySteps 2, rate 0.5 gives 0.1 · √0.5 at step 1', () => {
    expectClose(values(exponentialDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5 }), 1), [0.1, 0.1 * Math.SQRT1_2], REL)
  })

  test('the default staircase is false (continuous)', () => {
    expectClose(values(exponentialDecay({ initialLearningRate: 1, decaySteps: 4, decayRate: 0.0625 }), 2), [1, 0.5, 0.25], REL)
  })

  test('a non-integer decaySteps works as in Keras: 2.5 with staircase floors k / 2.5 (0, 0, 0, 1, 1, 2)', () => {
    expectClose(values(exponentialDecay({ initialLearningRate: 1, decaySteps: 2.5, decayRate: 0.5, staircase: true }), 5), [1, 1, 1, 0.5, 0.5, 0.25], REL)
  })

  test('rate 0: the initial value at step 0 (0^0 = 1), then 0; rate 1: constant', () => {
    expectClose(values(exponentialDecay({ initialLearningRate: 0.3, decaySteps: 3, decayRate: 0 }), 2), [0.3, 0, 0], REL)
    expectClose(values(exponentialDecay({ initialLearningRate: 0.3, decaySteps: 3, decayRate: 1 }), 2), [0.3, 0.3, 0.3], REL)
  })

  test('no horizon: rate 2 keeps growing (initial 1e-3, decaySteps 1: 1e-3 · 2^k up to k = 10)', () => {
    expectClose(values(exponentialDecay({ initialLearningRate: 1e-3, decaySteps: 1, decayRate: 2 }), 10), [1e-3, 2e-3, 4e-3, 8e-3, 16e-3, 32e-3, 64e-3, 128e-3, 256e-3, 512e-3, 1024e-3], REL)
  })
})

describe('keras.ExponentialDecay: validation', () => {
  const ok = { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.9 }
  for (const { options, message } of [
    { options: { ...ok, initialLearningRate: undefined }, message: 'initialLearningRate: missing, expected a finite number' },
    { options: { ...ok, initialLearningRate: NaN }, message: 'initialLearningRate: expected a finite number, got NaN' },
    { options: { ...ok, decaySteps: undefined }, message: 'decaySteps: missing, expected a finite number > 0' },
    { options: { ...ok, decaySteps: 0 }, message: 'decaySteps: expected a finite number > 0, got 0' },
    { options: { ...ok, decaySteps: -5 }, message: 'decaySteps: expected a finite number > 0, got -5' },
    { options: { ...ok, decaySteps: Infinity }, message: 'decaySteps: expected a finite number > 0, got Infinity' },
    { options: { ...ok, decayRate: undefined }, message: 'decayRate: missing, expected a finite number >= 0' },
    { options: { ...ok, decayRate: -0.5 }, message: 'decayRate: expected a finite number >= 0, got -0.5' },
    { options: { ...ok, decayRate: Infinity }, message: 'decayRate: expected a finite number >= 0, got Infinity' },
    { options: { ...ok, staircase: 'yes' }, message: 'staircase: expected a boolean, got "yes"' },
    { options: { ...ok, name: 'x' }, message: 'name: unknown argument of keras.ExponentialDecay (it takes initialLearningRate, decaySteps, decayRate, staircase)' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => exponentialDecay(options as never), message)
  })
})

describe('keras.ExponentialDecay: laws', () => {
  test('closed form = fold bit for bit, absolute value for every group, fast path, purity (staircase and not)', () => {
    expectKerasLaws(exponentialDecay({ initialLearningRate: 0.1, decaySteps: 7, decayRate: 0.8 }), 60)
    expectKerasLaws(exponentialDecay({ initialLearningRate: 0.1, decaySteps: 7, decayRate: 0.8, staircase: true }), 60)
  })
})
