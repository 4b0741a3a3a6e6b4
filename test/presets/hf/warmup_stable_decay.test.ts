import { describe, expect, test } from 'vitest'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rows, scale } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, lrs } from './common.js'

const h = Math.SQRT1_2

describe('hf.warmup_stable_decay', () => {
  test('linear warmup and decay, minLrRatio 0.2: from 0.2 up to 1, stable, down to 0.2, and 0.2 after', () => {
    // warmup 2: 0.2, 0.6; stable 2: 1, 1; decay 4: 1, 0.8, 0.6, 0.4; then 0.2
    const m = [0.2, 0.6, 1, 1, 1, 0.8, 0.6, 0.4, 0.2, 0.2]
    const s = hf.warmupStableDecay({ numWarmupSteps: 2, numStableSteps: 2, numDecaySteps: 4, warmupType: 'linear', decayType: 'linear', minLrRatio: 0.2 })
    expectClose(lrs(s, [1, 0.5], 9), rows(m, scale(m, 0.5)), 1e-15)
  })

  test('warmup shapes at mid-warmup (warmup 2, step 1): linear 0.5, cosine 0.5 · (1 - cos(π/2)) = 0.5, 1-sqrt 1 - sqrt(0.5)', () => {
    const at1 = (warmupType: hf.WsdShape) =>
      lrs(hf.warmupStableDecay({ numWarmupSteps: 2, numStableSteps: 0, numDecaySteps: 2, warmupType }), [1], 1)[1]![0]!
    expectClose([at1('linear'), at1('cosine'), at1('1-sqrt')], [0.5, 0.5, 1 - h], 1e-15)
  })

  test('decay shapes a quarter into a 4-step decay: linear 0.75, cosine 0.5 + √2/4, 1-sqrt 0.5', () => {
    const at1 = (decayType: hf.WsdShape) =>
      lrs(hf.warmupStableDecay({ numWarmupSteps: 0, numStableSteps: 0, numDecaySteps: 4, decayType }), [1], 1)[1]![0]!
    expectClose([at1('linear'), at1('cosine'), at1('1-sqrt')], [0.75, 0.5 + h / 2, 0.5], 1e-15)
  })

  test('numTrainingSteps sets the stable length: warmup 2, decay 2, training 10 → stable 6', () => {
    const s = hf.warmupStableDecay({ numWarmupSteps: 2, numDecaySteps: 2, numTrainingSteps: 10, decayType: 'linear' })
    expectClose(lrs(s, [1], 11), rows([0, 0.5, 1, 1, 1, 1, 1, 1, 1, 0.5, 0, 0]), 0)
  })

  test('numStableSteps wins over numTrainingSteps when both are given (transformers warns)', () => {
    const s = hf.warmupStableDecay({ numWarmupSteps: 0, numDecaySteps: 2, numTrainingSteps: 100, numStableSteps: 1, decayType: 'linear' })
    expectClose(lrs(s, [1], 4), rows([1, 1, 0.5, 0, 0]), 0)
  })

  test('a negative derived stable length (training 6 < warmup 4 + decay 4) starts the decay half-way', () => {
    // stable = -2: step 4 is in the decay with progress (4 - 4 + 2) / 4 = 0.5; the end at step 6
    const s = hf.warmupStableDecay({ numWarmupSteps: 4, numDecaySteps: 4, numTrainingSteps: 6 })
    expectClose(lrs(s, [1], 7), rows([0, 0.25, 0.5, 0.75, 0.5, 0.5 - h / 2, 0, 0]), 1e-15, 1e-16)
  })

  test('config: given lengths as given, shapes, minLrRatio and numCycles filled', () => {
    expect(hf.warmupStableDecay({ numWarmupSteps: 1, numDecaySteps: 2, numTrainingSteps: 9 }).config).toEqual({
      type: 'hf.warmup_stable_decay',
      numWarmupSteps: 1,
      numDecaySteps: 2,
      numTrainingSteps: 9,
      warmupType: 'linear',
      decayType: 'cosine',
      minLrRatio: 0,
      numCycles: 0.5
    })
  })

  for (const { options, message } of [
    { options: { numDecaySteps: 2, numStableSteps: 1 }, message: 'numWarmupSteps: missing, expected a non-negative integer' },
    { options: { numWarmupSteps: 2, numStableSteps: 1 }, message: 'numDecaySteps: missing, expected a non-negative integer' },
    {
      options: { numWarmupSteps: 2, numDecaySteps: 2 },
      message: 'numStableSteps: expected an integer >= 0, or numTrainingSteps (transformers requires one of them), got undefined'
    },
    { options: { numWarmupSteps: 2, numDecaySteps: 2, numStableSteps: -1 }, message: 'numStableSteps: expected a non-negative integer, got -1' },
    { options: { numWarmupSteps: 2, numDecaySteps: 2, numTrainingSteps: -1 }, message: 'numTrainingSteps: expected a non-negative integer, got -1' },
    { options: { numWarmupSteps: 2, numDecaySteps: 2, numStableSteps: 1, warmupType: 'exp' }, message: 'warmupType: expected one of "linear", "cosine", "1-sqrt", got "exp"' },
    { options: { numWarmupSteps: 2, numDecaySteps: 2, numStableSteps: 1, decayType: 'sqrt' }, message: 'decayType: expected one of "linear", "cosine", "1-sqrt", got "sqrt"' },
    { options: { numWarmupSteps: 2, numDecaySteps: 2, numStableSteps: 1, minLrRatio: NaN }, message: 'minLrRatio: expected a finite number, got NaN' },
    { options: { numWarmupSteps: 2, numDecaySteps: 2, numStableSteps: 1, numCycles: Infinity }, message: 'numCycles: expected a finite number, got Infinity' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => hf.warmupStableDecay(options as hf.WarmupStableDecayOptions), message)
  })

  test('laws for every warmup and decay shape: closed form = fold bit for bit, fast path = reducer, purity', () => {
    for (const warmupType of ['linear', 'cosine', '1-sqrt'] as const)
      for (const decayType of ['linear', 'cosine', '1-sqrt'] as const)
        expectLaws(hf.warmupStableDecay({ numWarmupSteps: 5, numStableSteps: 7, numDecaySteps: 9, warmupType, decayType, minLrRatio: 0.1 }), [0.2, 0.01], 30)
  })
})
