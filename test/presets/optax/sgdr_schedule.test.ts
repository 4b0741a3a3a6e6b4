import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

const two = [
  { initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 2 },
  { initValue: 0, peakValue: 0.5, warmupSteps: 1, decaySteps: 3 }
]

describe('optax.sgdr_schedule: values', () => {
  test('cycles end to end, each counting its own steps: a cosine 1 → 0 in 2 steps, then a warmup to 0.5 and a cosine to 0', () => {
    expect(valuesOf(optax.sgdrSchedule({ cosineKwargs: two }), 6)).toEqual([1, 0.5, 0, 0.5, 0.25, 0, 0])
  })

  test('restarts at the peak of each cycle (no warmups), the last cycle held at its end value', () => {
    const s = optax.sgdrSchedule({
      cosineKwargs: [
        { initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 4 },
        { initValue: 0.5, peakValue: 0.5, warmupSteps: 0, decaySteps: 2, endValue: 0.1 }
      ]
    })
    expectClose(valuesOf(s, 8), [1, (1 + Math.SQRT1_2) / 2, 0.5, (1 - Math.SQRT1_2) / 2, 0.5, 0.3, 0.1, 0.1, 0.1], 1e-15)
  })

  test('the JSON config (defaults filled in each cycle) builds the same schedule', () => {
    const s = optax.sgdrSchedule({ cosineKwargs: two })
    expect(s.config).toEqual({
      type: 'optax.sgdr_schedule',
      cosineKwargs: [
        { initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 2, endValue: 0, exponent: 1 },
        { initValue: 0, peakValue: 0.5, warmupSteps: 1, decaySteps: 3, endValue: 0, exponent: 1 }
      ]
    })
    expect(valuesOf(fromOptaxConfig(s.config), 8)).toEqual(valuesOf(s, 8))
  })

  test('laws', () => {
    expectLaws(optax.sgdrSchedule({ cosineKwargs: [...two, { initValue: 0, peakValue: 0.2, warmupSteps: 5, decaySteps: 20, exponent: 2, endValue: 0.01 }] }))
  })
})

describe('optax.sgdr_schedule: validation', () => {
  for (const [options, message] of [
    [{ cosineKwargs: [] }, 'cosineKwargs: expected a non-empty array, got []'],
    [{}, 'cosineKwargs: missing, expected a non-empty array'],
    [{ cosineKwargs: [two[0], 3] }, 'cosineKwargs[1]: expected an object with the arguments of warmup_cosine_decay_schedule (initValue, peakValue, warmupSteps, decaySteps, endValue, exponent), got 3'],
    [{ cosineKwargs: [{ ...two[0], peak: 1 }] }, 'cosineKwargs[0].peak: unknown argument of warmup_cosine_decay_schedule (it takes initValue, peakValue, warmupSteps, decaySteps, endValue, exponent)'],
    [{ cosineKwargs: [two[0], { ...two[1], initValue: NaN }] }, 'cosineKwargs[1].initValue: expected a finite number, got NaN'],
    [{ cosineKwargs: [{ ...two[0], peakValue: undefined }] }, 'cosineKwargs[0].peakValue: missing, expected a finite number'],
    [{ cosineKwargs: [{ ...two[0], warmupSteps: 0.5 }] }, 'cosineKwargs[0].warmupSteps: expected an integer, got 0.5'],
    [{ cosineKwargs: [two[0], { ...two[1], decaySteps: 1 }] }, "cosineKwargs[1].decaySteps: expected an integer > warmupSteps (1): optax's cosine decay needs decaySteps - warmupSteps > 0, got 1"],
    [{ cosineKwargs: [{ ...two[0], endValue: Infinity }] }, 'cosineKwargs[0].endValue: expected a finite number, got Infinity'],
    [{ cosineKwargs: [{ ...two[0], exponent: -1 }] }, 'cosineKwargs[0].exponent: expected a finite number >= 0, got -1'],
    [{ cosineKwargs: [two[0], { ...two[1], initValue: 1e308, peakValue: -1e308 }] }, 'cosineKwargs[1].peakValue: expected a value with initValue - peakValue finite (initValue is 1e+308), got -1e+308'],
    [{ cosineKwargs: [{ ...two[0], peakValue: 1e-320, endValue: 0.1 }] }, 'cosineKwargs[0].endValue: expected a value with endValue / peakValue finite (peakValue is 1e-320), got 0.1']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.sgdrSchedule(options as unknown as optax.SgdrScheduleOptions), message)
    })

  test('the codec reports every bad entry of every cycle', () => {
    expect(optaxConfigErrors({ type: 'optax.sgdr_schedule', cosineKwargs: [{ initValue: 0, peakValue: 1, warmupSteps: 0, decaySteps: 2, x: 1 }, { initValue: 0, peakValue: 'a', warmupSteps: 0 }] })).toEqual([
      'cosineKwargs[0].x: unknown argument of warmup_cosine_decay_schedule (it takes initValue, peakValue, warmupSteps, decaySteps, endValue, exponent)',
      'cosineKwargs[1].peakValue: expected a finite number, got "a"',
      'cosineKwargs[1].decaySteps: missing, expected an integer'
    ])
    expect(optaxConfigErrors({ type: 'optax.sgdr_schedule', cosineKwargs: [] })).toEqual(['cosineKwargs: expected a non-empty array, got []'])
  })
})
