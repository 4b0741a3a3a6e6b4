import { describe, test } from 'vitest'
import { polynomialDecay } from '../../../src/presets/keras/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectKerasLaws, values } from './common.js'

// Tolerance: 1e-15 relative, plus 1e-16 absolute for values that cancel to 0 (1 - p, then a product).
const REL = 1e-15
const ABS = 1e-16

describe('keras.PolynomialDecay: values', () => {
  test('linear (power 1) from 1 to 0 in 4 steps, then stays at the end value: 1, 0.75, 0.5, 0.25, 0, 0, 0', () => {
    expectClose(values(polynomialDecay({ initialLearningRate: 1, decaySteps: 4, endLearningRate: 0 }), 6), [1, 0.75, 0.5, 0.25, 0, 0, 0], REL, ABS)
  })

  test("Keras's defaults: endLearningRate 0.0001, power 1 (initial 1, decaySteps 2: 1, 0.50005, 0.0001, 0.0001)", () => {
    expectClose(values(polynomialDecay({ initialLearningRate: 1, decaySteps: 2 }), 3), [1, 0.50005, 0.0001, 0.0001], REL, ABS)
  })

  test('power 2: (1 - k/4)^2 = 1, 0.5625, 0.25, 0.0625, 0', () => {
    expectClose(values(polynomialDecay({ initialLearningRate: 1, decaySteps: 4, endLearningRate: 0, power: 2 }), 4), [1, 0.5625, 0.25, 0.0625, 0], REL, ABS)
  })

  test('power 0: (1 - p)^0 is 1 even at the horizon (0^0), so the value stays at the initial value', () => {
    expectClose(values(polynomialDecay({ initialLearningRate: 1, decaySteps: 2, endLearningRate: 0.1, power: 0 }), 4), [1, 1, 1, 1, 1], REL, ABS)
  })

  test('cycle: the horizon is decaySteps · ceil(step / decaySteps), one decaySteps at step 0: 1, 0.5, 0, 0.25, 0, 1/6, 0', () => {
    const v = values(polynomialDecay({ initialLearningRate: 1, decaySteps: 2, endLearningRate: 0, cycle: true }), 6)
    expectClose(v, [1, 0.5, 0, 0.25, 0, 1 / 6, 0], REL, ABS)
  })

  test('rising: from 0.001 to 0.1 in 2 steps (end above initial)', () => {
    expectClose(values(polynomialDecay({ initialLearningRate: 0.001, decaySteps: 2, endLearningRate: 0.1 }), 3), [0.001, 0.0505, 0.1, 0.1], REL, ABS)
  })
})

describe('keras.PolynomialDecay: validation', () => {
  const ok = { initialLearningRate: 0.1, decaySteps: 10 }
  for (const { options, message } of [
    { options: { ...ok, initialLearningRate: Infinity }, message: 'initialLearningRate: expected a finite number, got Infinity' },
    { options: { decaySteps: 10 }, message: 'initialLearningRate: missing, expected a finite number' },
    { options: { ...ok, decaySteps: 0 }, message: 'decaySteps: expected a finite number > 0, got 0' },
    { options: { initialLearningRate: 0.1 }, message: 'decaySteps: missing, expected a finite number > 0' },
    { options: { ...ok, endLearningRate: NaN }, message: 'endLearningRate: expected a finite number, got NaN' },
    { options: { ...ok, power: -1 }, message: 'power: expected a finite number >= 0, got -1' },
    { options: { ...ok, power: Infinity }, message: 'power: expected a finite number >= 0, got Infinity' },
    { options: { ...ok, cycle: 1 }, message: 'cycle: expected a boolean, got 1' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => polynomialDecay(options as never), message)
  })
})

describe('keras.PolynomialDecay: laws', () => {
  test('closed form = fold bit for bit, absolute value for every group, fast path, purity (cycle and not)', () => {
    expectKerasLaws(polynomialDecay({ initialLearningRate: 0.1, decaySteps: 7, endLearningRate: 0.001, power: 0.5 }), 40)
    expectKerasLaws(polynomialDecay({ initialLearningRate: 0.1, decaySteps: 7, endLearningRate: 0.001, power: 2, cycle: true }), 40)
  })
})
