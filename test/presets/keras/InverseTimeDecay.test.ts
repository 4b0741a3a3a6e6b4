import { describe, test } from 'vitest'
import { inverseTimeDecay } from '../../../src/presets/keras/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectKerasLaws, values } from './common.js'

// Tolerance: 1e-15 relative (one division, one product, one sum).
const REL = 1e-15

describe('keras.InverseTimeDecay: values', () => {
  test('initial 1, decaySteps 1, rate 1: 1 / (1 + k) = 1, 1/2, 1/3, 1/4', () => {
    expectClose(values(inverseTimeDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 1 }), 3), [1, 1 / 2, 1 / 3, 1 / 4], REL)
  })

  test("Keras's docstring example: 0.1 / (1 + 0.5 k) = 0.1, 0.1/1.5, 0.05, 0.04", () => {
    expectClose(values(inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 }), 3), [0.1, 0.1 / 1.5, 0.05, 0.04], REL)
  })

  test('staircase floors step / decaySteps: decaySteps 2 gives 1, 1, 1/2, 1/2, 1/3 (the default is continuous: 1/1.5 at step 1)', () => {
    expectClose(values(inverseTimeDecay({ initialLearningRate: 1, decaySteps: 2, decayRate: 1, staircase: true }), 4), [1, 1, 1 / 2, 1 / 2, 1 / 3], REL)
    expectClose(values(inverseTimeDecay({ initialLearningRate: 1, decaySteps: 2, decayRate: 1 }), 1), [1, 1 / 1.5], REL)
  })

  test('rate 0 is constant', () => {
    expectClose(values(inverseTimeDecay({ initialLearningRate: 0.2, decaySteps: 3, decayRate: 0 }), 3), [0.2, 0.2, 0.2, 0.2], REL)
  })
})

describe('keras.InverseTimeDecay: validation', () => {
  const ok = { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }
  for (const { options, message } of [
    { options: { ...ok, initialLearningRate: 'x' }, message: 'initialLearningRate: expected a finite number, got "x"' },
    { options: { ...ok, decaySteps: 0 }, message: 'decaySteps: expected a finite number > 0, got 0' },
    { options: { ...ok, decaySteps: NaN }, message: 'decaySteps: expected a finite number > 0, got NaN' },
    { options: { ...ok, decayRate: -1 }, message: 'decayRate: expected a finite number >= 0, got -1' },
    { options: { initialLearningRate: 0.1, decaySteps: 10 }, message: 'decayRate: missing, expected a finite number >= 0' },
    { options: { ...ok, staircase: null }, message: 'staircase: expected a boolean, got null' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => inverseTimeDecay(options as never), message)
  })
})

describe('keras.InverseTimeDecay: laws', () => {
  test('closed form = fold bit for bit, absolute value for every group, fast path, purity (staircase and not)', () => {
    expectKerasLaws(inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.7 }), 40)
    expectKerasLaws(inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.7, staircase: true }), 40)
  })
})
