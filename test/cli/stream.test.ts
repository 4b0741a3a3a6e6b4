// The streaming fold (src/stream.ts) against the library's checked fold, traceArray: the same
// rows bit for bit, lr and momentum, across block boundaries, for plain schedules, composites,
// momentum-cycling and metric-taking ones; the same errors, after the same rows.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type AnyScheduler, type Groups, takesMetric, traceArray } from '../../src/index.js'
import { DEFAULT_BLOCK_ROWS, MAX_STREAM_STEPS, traceBlocks } from '../../src/stream.js'
import { anyConfig, groups as groupsArb, metricSeq } from '../helpers/arbitraries.js'
import { fromConfig } from '../helpers/fromConfig.js'

/** Every block's rows copied out (the blocks are views of reused arrays), and the starts seen. */
const collect = (s: AnyScheduler, groups: Groups | ReadonlyArray<number>, steps: number, metrics?: ReadonlyArray<number>, blockRows?: number) => {
  const lr: number[] = []
  const momentum: number[] = []
  const starts: number[] = []
  let hasMomentum = false
  for (const b of traceBlocks(s, groups, steps, metrics, blockRows === undefined ? {} : { blockRows })) {
    starts.push(b.start)
    expect(b.lr.length).toBe(b.rows * b.groups)
    lr.push(...b.lr)
    if (b.momentum !== undefined) {
      hasMomentum = true
      momentum.push(...b.momentum)
    }
  }
  return { lr: Float64Array.from(lr), momentum: hasMomentum ? Float64Array.from(momentum) : undefined, starts }
}

/** Bit for bit: the same bytes (NaN payloads and the sign of zero included). */
const bytes = (a: Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
const expectBits = (actual: Float64Array | undefined, expected: Float64Array | undefined): void => {
  expect(actual === undefined).toBe(expected === undefined)
  if (actual === undefined || expected === undefined) return
  expect(actual.length).toBe(expected.length)
  if (!bytes(actual).equals(bytes(expected))) {
    const k = actual.findIndex((x, i) => !Object.is(x, expected[i]))
    expect.fail(`first difference at entry ${k}: ${actual[k]} vs ${expected[k]}`)
  }
}

const expectSameAsTraceArray = (s: AnyScheduler, groups: Groups | ReadonlyArray<number>, steps: number, metrics?: ReadonlyArray<number>, blockRows?: number) => {
  const expected = traceArray(s, groups, steps, metrics)
  const got = collect(s, groups, steps, metrics, blockRows)
  expectBits(got.lr, expected.lr)
  expectBits(got.momentum, expected.momentum)
  return got
}

const metrics = metricSeq(7, 12_000)
const cases: ReadonlyArray<readonly [string, unknown, ReadonlyArray<number>, boolean?]> = [
  ['CosineAnnealingLR (its own loop)', { type: 'CosineAnnealingLR', tMax: 3000, etaMin: 1e-5 }, [0.1, 0.03]],
  ['StepLR (factors)', { type: 'StepLR', stepSize: 1000, gamma: 0.7 }, [1]],
  ['CyclicLR exp_range, cycling momentum', { type: 'CyclicLR', baseLr: 0.001, maxLr: [0.1, 0.07], stepSizeUp: 777, mode: 'exp_range', gamma: 0.9999 }, [1, 1]],
  ['OneCycleLR, cycling momentum', { type: 'OneCycleLR', maxLr: 0.5, totalSteps: 10_000 }, [0.1, 0.2, 0.3]],
  ['CosineAnnealingWarmRestarts', { type: 'CosineAnnealingWarmRestarts', t0: 500, tMult: 2 }, [0.5]],
  ['LambdaLR (per-group function)', { type: 'LambdaLR', lrLambda: 'invsqrt' }, [0.1]],
  ['MultiplicativeLR', { type: 'MultiplicativeLR', lrLambda: 'alternate' }, [0.1, 1]],
  ['ReduceLROnPlateau (metrics)', { type: 'ReduceLROnPlateau', patience: 3, factor: 0.5, minLr: 1e-6 }, [0.1, 0.01], true],
  [
    'SequentialLR: warmup, then ReduceLROnPlateau (metrics)',
    { type: 'SequentialLR', schedulers: [{ type: 'LinearLR', startFactor: 0.01, totalIters: 4100 }, { type: 'ReduceLROnPlateau', patience: 5 }], milestones: [4100] },
    [0.1],
    true
  ],
  [
    'ChainedScheduler of factors (one pass over the children)',
    { type: 'ChainedScheduler', schedulers: [{ type: 'ExponentialLR', gamma: 0.9999 }, { type: 'StepLR', stepSize: 4096, gamma: 0.5 }, { type: 'ConstantLR', factor: 0.5, totalIters: 5000 }] },
    [1, 2]
  ],
  [
    'SequentialLR of a chain and a cyclic (momentum), milestones across blocks',
    {
      type: 'SequentialLR',
      schedulers: [
        { type: 'ChainedScheduler', schedulers: [{ type: 'LinearLR', startFactor: 0.1, totalIters: 100 }, { type: 'ExponentialLR', gamma: 0.999 }] },
        { type: 'CyclicLR', baseLr: 0.01, maxLr: 0.1, stepSizeUp: 300 },
        { type: 'CosineAnnealingLR', tMax: 2000 }
      ],
      milestones: [4095, 8193]
    },
    [0.1, 0.05]
  ],
  ['a preset: optax warmup cosine', { type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 1, warmupSteps: 1000, decaySteps: 10_000 }, [1]],
  ['a preset: timm plateau (metrics)', { type: 'timm.plateau', patienceT: 2, warmupT: 5, warmupLrInit: 1e-4 }, [0.1], true]
]

describe('traceBlocks equals traceArray bit for bit', () => {
  test.each(cases)('%s: 10,000 steps in the default blocks (boundaries at 4,096 and 8,192)', (_name, config, lrs, takesMetrics) => {
    const s = fromConfig(config as { type: string })
    const got = expectSameAsTraceArray(s, lrs as ReadonlyArray<number>, 10_000, takesMetrics === true ? metrics : undefined)
    expect(got.starts).toEqual([0, 1, 1 + DEFAULT_BLOCK_ROWS, 1 + 2 * DEFAULT_BLOCK_ROWS])
  })

  test.each(cases)('%s: 2,500 steps in blocks of 1, 7, 1000, 1024 and 2500 rows', (_name, config, lrs, takesMetrics) => {
    const s = fromConfig(config as { type: string })
    for (const blockRows of [1, 7, 1000, 1024, 2500]) expectSameAsTraceArray(s, lrs as ReadonlyArray<number>, 2500, takesMetrics === true ? metrics : undefined, blockRows)
  })

  test('0 steps: row 0 alone; groups with initialLr and betas as traceArray reads them', () => {
    const s = fromConfig({ type: 'OneCycleLR', maxLr: 1, totalSteps: 100 })
    const gs: Groups = [{ lr: 0.1, initialLr: 0.05, betas: [0.95, 0.999] }]
    expect(expectSameAsTraceArray(s, gs, 0).starts).toEqual([0])
    expectSameAsTraceArray(s, gs, 100, undefined, 33)
  })

  test('any schedule (composites to two deep, metrics), groups and block size (property)', () => {
    fc.assert(
      fc.property(anyConfig, groupsArb, fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 0, max: 900 }), (config, gs, blockRows, steps) => {
        const s = fromConfig(config)
        const ms = takesMetric(s) ? metrics : undefined
        let expected: ReturnType<typeof traceArray> | undefined
        let error: string | undefined
        try {
          expected = traceArray(s, gs, steps, ms)
        } catch (e) {
          error = (e as Error).message
        }
        if (expected === undefined) {
          // the same failure (at the same step: the rows before it are the same calls)
          expect(() => collect(s, gs, steps, ms, blockRows)).toThrow(error)
          return
        }
        const got = collect(s, gs, steps, ms, blockRows)
        expectBits(got.lr, expected.lr)
        expectBits(got.momentum, expected.momentum)
      }),
      { numRuns: 150 }
    )
  })
})

describe('traceBlocks: errors', () => {
  test('a step that throws throws from the block that holds it, after the blocks before it, with traceArray\'s message', () => {
    const s = fromConfig({ type: 'OneCycleLR', maxLr: 1, totalSteps: 10 })
    const message = (() => {
      try {
        traceArray(s, [1], 11)
      } catch (e) {
        return (e as Error).message
      }
      return 'no error'
    })()
    const it = traceBlocks(s, [1], 11, undefined, { blockRows: 5 })
    expect(it.next().value?.start).toBe(0)
    expect(it.next().value?.start).toBe(1)
    expect(it.next().value?.start).toBe(6)
    expect(() => it.next()).toThrow(message)
  })

  test('bad arguments, when the first block is asked for', () => {
    const s = fromConfig({ type: 'ReduceLROnPlateau' })
    expect(() => traceBlocks(s, [1], 3).next()).toThrow('metrics: expected 3 metrics (one per step: ReduceLROnPlateau reacts to a metric)')
    expect(() => traceBlocks(s, [1], 3, [1, 2]).next()).toThrow('metrics: expected an array of at least 3 numbers (one per step)')
    expect(() => traceBlocks(s, [1], 3, [1, NaN, 2]).next()).toThrow('metrics[1]: expected a finite number')
    for (const steps of [-1, 1.5, NaN, MAX_STREAM_STEPS + 1]) expect(() => traceBlocks(s, [1], steps).next()).toThrow(/^steps: expected an integer from 0 to 9007199254740990/)
    expect(() => traceBlocks(s, [], 1).next()).toThrow('groups: expected a non-empty array of param groups')
    expect(() => traceBlocks(s, [1], 1, [1], { blockRows: 0 }).next()).toThrow('blockRows: expected a positive integer')
  })
})
