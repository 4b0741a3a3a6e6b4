import { describe, test } from 'vitest'
import { cosineDecayRestarts } from '../../../src/presets/keras/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectKerasLaws, values } from './common.js'

// Tolerance: 1e-15 relative plus 1e-16 absolute (cos(π/2) is 6.1e-17, not 0).
const REL = 1e-15
const ABS = 1e-16

describe('keras.CosineDecayRestarts: values', () => {
  test('tMul 1, mMul 0.5: periods of 2 steps, each starting at half the previous start: 1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125', () => {
    const v = values(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 2, tMul: 1, mMul: 0.5 }), 6)
    expectClose(v, [1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125], REL, ABS)
  })

  test("Keras's defaults tMul 2, mMul 1, alpha 0: periods 1, 2, 4 starting at steps 0, 1, 3, 7", () => {
    const v = values(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1 }), 7)
    expectClose(v, [1, 1, 0.5, 1, 0.5 + Math.SQRT2 / 4, 0.5, 0.5 - Math.SQRT2 / 4, 1], REL, ABS)
  })

  test('alpha: the floor alpha · initial, (1 - alpha) · cosine + alpha (0.55 halfway for alpha 0.1)', () => {
    expectClose(values(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 2, tMul: 1, alpha: 0.1 }), 2), [1, 0.55, 1], REL, ABS)
  })

  test('mMul 0: the first period, then the floor for ever', () => {
    expectClose(values(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1, tMul: 1, mMul: 0, alpha: 0.1 }), 3), [1, 0.1, 0.1, 0.1], REL, ABS)
  })

  test('exact restarts with tMul 3 restart at steps 1, 4, 13, 40; at step 121 the float log(243) / log(3) is 4.999999999999999 and Keras gives the floor 0.1, as here', () => {
    // periods 1, 3, 9, 27 start at steps 1, 4, 13, 40: start value 0.5^i · 0.9 + 0.1; at step 121
    // Keras's period index rounds down to 4 and its cosine is at the end of that period: alpha · 1
    const v = values(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1, tMul: 3, mMul: 0.5, alpha: 0.1 }), 121)
    expectClose([v[1], v[4], v[13], v[40], v[121]] as number[], [0.55, 0.325, 0.2125, 0.15625, 0.1], REL, ABS)
  })
})

describe('keras.CosineDecayRestarts: validation', () => {
  const ok = { initialLearningRate: 0.1, firstDecaySteps: 10 }
  for (const { options, message } of [
    { options: { firstDecaySteps: 10 }, message: 'initialLearningRate: missing, expected a finite number' },
    { options: { initialLearningRate: 0.1 }, message: 'firstDecaySteps: missing, expected a finite number > 0' },
    { options: { ...ok, firstDecaySteps: 0 }, message: 'firstDecaySteps: expected a finite number > 0, got 0' },
    { options: { ...ok, tMul: 0.5 }, message: 'tMul: expected a finite number >= 1, got 0.5' },
    { options: { ...ok, tMul: Infinity }, message: 'tMul: expected a finite number >= 1, got Infinity' },
    { options: { ...ok, mMul: NaN }, message: 'mMul: expected a finite number, got NaN' },
    { options: { ...ok, alpha: Infinity }, message: 'alpha: expected a finite number, got Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => cosineDecayRestarts(options as never), message)
  })
})

describe('keras.CosineDecayRestarts: laws', () => {
  test('closed form = fold bit for bit, absolute value for every group, fast path, purity (tMul 1, 2, 1.5)', () => {
    expectKerasLaws(cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 5, tMul: 1, mMul: 0.9 }), 60)
    expectKerasLaws(cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 5 }), 60)
    expectKerasLaws(cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 3, tMul: 1.5, mMul: 0.8, alpha: 0.05 }), 60)
  })
})
