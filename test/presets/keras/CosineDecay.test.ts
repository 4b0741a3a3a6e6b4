import { describe, test } from 'vitest'
import { cosineDecay } from '../../../src/presets/keras/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectKerasLaws, values } from './common.js'

// Tolerance: 1e-15 relative plus 1e-16 absolute: cos(π/2) is 6.1e-17, not 0, and the values that
// end at 0 are 0.5 · (1 + cos(π)) (cos(π) is exactly -1 in double).
const REL = 1e-15
const ABS = 1e-16

describe('keras.CosineDecay: values', () => {
  test('no warmup: from 1 to 0 along a half cosine in 2 steps, then stays at the floor (PyTorch would rise again): 1, 0.5, 0, 0, 0', () => {
    expectClose(values(cosineDecay({ initialLearningRate: 1, decaySteps: 2 }), 4), [1, 0.5, 0, 0, 0], REL, ABS)
  })

  test('alpha 0.5: the floor is alpha · initial, (1 - alpha) · cosine + alpha: 1, 0.75, 0.5, 0.5', () => {
    expectClose(values(cosineDecay({ initialLearningRate: 1, decaySteps: 2, alpha: 0.5 }), 3), [1, 0.75, 0.5, 0.5], REL, ABS)
  })

  test('warmup: linear from initial to warmupTarget over warmupSteps, then the cosine over decaySteps more: 0, 0.5, 1, 0.5, 0, 0', () => {
    const s = cosineDecay({ initialLearningRate: 0, decaySteps: 2, warmupTarget: 1, warmupSteps: 2 })
    expectClose(values(s, 5), [0, 0.5, 1, 0.5, 0, 0], REL, ABS)
  })

  test('the decay length excludes the warmup: warmup 10, decay 20 is halfway at step 20 and at the floor from step 30', () => {
    const v = values(cosineDecay({ initialLearningRate: 0, decaySteps: 20, warmupTarget: 1, warmupSteps: 10 }), 40)
    expectClose([v[10], v[20], v[30], v[40]] as number[], [1, 0.5, 0, 0], REL, ABS)
  })

  test('a warmup target with zero warmup steps: the cosine starts from warmupTarget (not initialLearningRate) at step 0', () => {
    expectClose(values(cosineDecay({ initialLearningRate: 0.5, decaySteps: 2, warmupTarget: 1, warmupSteps: 0 }), 3), [1, 0.5, 0, 0], REL, ABS)
  })

  test('warmup longer than the trace: only the linear ramp (0, 0.1, ..., 0.5 towards 1 over 10 steps)', () => {
    const s = cosineDecay({ initialLearningRate: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10 })
    expectClose(values(s, 5), [0, 0.1, 0.2, 0.3, 0.4, 0.5], REL, ABS)
  })

  test('warmup downwards (target below the initial value): 1, 0.75, 0.5, then the cosine from 0.5: 0.25, 0', () => {
    expectClose(values(cosineDecay({ initialLearningRate: 1, decaySteps: 2, warmupTarget: 0.5, warmupSteps: 2 }), 4), [1, 0.75, 0.5, 0.25, 0], REL, ABS)
  })

  test('warmupSteps without warmupTarget does nothing (as in Keras)', () => {
    expectClose(values(cosineDecay({ initialLearningRate: 1, decaySteps: 2, warmupSteps: 5 }), 3), [1, 0.5, 0, 0], REL, ABS)
  })
})

describe('keras.CosineDecay: validation', () => {
  const ok = { initialLearningRate: 0.1, decaySteps: 100 }
  for (const { options, message } of [
    { options: { decaySteps: 100 }, message: 'initialLearningRate: missing, expected a finite number' },
    { options: { ...ok, initialLearningRate: -Infinity }, message: 'initialLearningRate: expected a finite number, got -Infinity' },
    { options: { initialLearningRate: 0.1 }, message: 'decaySteps: missing, expected a finite number > 0' },
    { options: { ...ok, decaySteps: 0 }, message: 'decaySteps: expected a finite number > 0, got 0' },
    { options: { ...ok, alpha: NaN }, message: 'alpha: expected a finite number, got NaN' },
    { options: { ...ok, warmupTarget: Infinity }, message: 'warmupTarget: expected a finite number, got Infinity' },
    { options: { ...ok, warmupTarget: null }, message: 'warmupTarget: expected a finite number, got null' },
    { options: { ...ok, warmupTarget: 1, warmupSteps: -1 }, message: 'warmupSteps: expected a finite number >= 0, got -1' },
    { options: { ...ok, warmupSteps: '10' }, message: 'warmupSteps: expected a finite number >= 0, got "10"' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => cosineDecay(options as never), message)
  })
})

describe('keras.CosineDecay: laws', () => {
  test('closed form = fold bit for bit, absolute value for every group, fast path, purity (with and without warmup)', () => {
    expectKerasLaws(cosineDecay({ initialLearningRate: 0.1, decaySteps: 30, alpha: 0.1 }), 50)
    expectKerasLaws(cosineDecay({ initialLearningRate: 0, decaySteps: 30, warmupTarget: 0.1, warmupSteps: 7 }), 50)
  })
})
