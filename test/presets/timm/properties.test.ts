// The family's property: every timm schedule of the step (cosine, tanh, poly, step, multistep)
// gives, folded step by step, exactly its closed form — bit for bit, since both evaluate timm's
// `_get_lr(t)` (plus the seeded noise) with the same expression — on the reducer and on the
// typed-array fast path, for any arguments (noise included), any 1–3 groups and any steps (past
// the horizon included). And timm.plateau, which has no closed form: its fast path is its reducer.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { closedFormTrace, trace, traceArray } from '../../../src/index.js'
import { fromTimmConfig } from './common.js'

type Config = { readonly type: string } & Record<string, unknown>

const lr = fc.double({ min: 1e-6, max: 1, noNaN: true })
const groups = fc.array(lr, { minLength: 1, maxLength: 3 })
const steps = fc.integer({ min: 0, max: 300 })
const small = fc.integer({ min: 0, max: 40 })

const noise = fc.option(
  fc.record(
    {
      noiseRangeT: fc.oneof(small, fc.tuple(small, fc.integer({ min: 0, max: 300 }))),
      noisePct: fc.double({ min: 0.01, max: 3, noNaN: true }),
      noiseSeed: fc.integer({ min: -1000, max: 1000 })
    },
    { requiredKeys: ['noiseRangeT'] }
  ),
  { nil: undefined }
)

const warmup = fc.record(
  { warmupT: small, warmupLrInit: fc.double({ min: 0, max: 1e-2, noNaN: true }), warmupPrefix: fc.boolean() },
  { requiredKeys: [] }
)

const cycling = fc
  .tuple(
    fc.constantFrom('timm.cosine', 'timm.tanh', 'timm.poly'),
    fc.integer({ min: 1, max: 120 }),
    fc.record(
      {
        lrMin: fc.double({ min: 0, max: 1e-4, noNaN: true }),
        cycleMul: fc.oneof(fc.constantFrom(1, 2, 1.5, 3, 0.5), fc.double({ min: 0.3, max: 4, noNaN: true })),
        cycleDecay: fc.double({ min: 0, max: 1.2, noNaN: true }),
        cycleLimit: fc.integer({ min: 0, max: 12 }),
        kDecay: fc.double({ min: 0.2, max: 3, noNaN: true }),
        power: fc.double({ min: 0, max: 4, noNaN: true }),
        lb: fc.double({ min: -9, max: 0, noNaN: true }),
        width: fc.double({ min: 0.5, max: 12, noNaN: true })
      },
      { requiredKeys: [] }
    ),
    warmup,
    noise,
    steps
  )
  .map(([type, tInitial, { kDecay, power, lb, width, ...rest }, w, n, k]): readonly [Config, number] => {
    const config: Config = {
      type,
      tInitial,
      ...rest,
      ...w,
      ...n,
      ...(type !== 'timm.tanh' && kDecay !== undefined ? { kDecay } : {}),
      ...(type === 'timm.poly' && power !== undefined ? { power } : {}),
      ...(type === 'timm.tanh' && lb !== undefined ? { lb, ub: lb + (width ?? 1) } : {})
    }
    // shrinking cycles (cycleMul < 1) end near tInitial / (1 − cycleMul): stay before that
    const mul = rest.cycleMul ?? 1
    if (mul >= 1) return [config, k]
    const end = Math.max(0, Math.floor(tInitial / (1 - mul)) - 2)
    return [{ ...config, ...(type === 'timm.tanh' ? { warmupPrefix: true } : {}) }, Math.min(k, end)]
  })

const stepwise = fc
  .tuple(
    fc.oneof(
      fc.record({ type: fc.constant('timm.step'), decayT: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.05, max: 40, noNaN: true })) }),
      fc.record({ type: fc.constant('timm.multistep'), decayT: fc.array(fc.integer({ min: 0, max: 320 }), { maxLength: 6 }).map((xs) => [...xs].sort((a, b) => a - b)) })
    ),
    fc.record({ decayRate: fc.double({ min: 0, max: 1.5, noNaN: true }) }, { requiredKeys: [] }),
    warmup,
    noise,
    steps
  )
  .map(([base, rate, w, n, k]): readonly [Config, number] => [{ ...base, ...rate, ...w, ...n }, k])

test.prop([fc.oneof(cycling, stepwise), groups], { numRuns: 300 })(
  'every timm schedule of the step: the fold, the fast path and the closed form agree bit for bit',
  ([config, k], initial) => {
    const s = fromTimmConfig(config)
    const closed = closedFormTrace(s, initial, k)
    // a decay rate above 1 may overflow (1.5 ** (t / 0.001)): then neither fold emits the
    // non-finite value, and both fail with the same error (issue 12.6)
    if (closed.flat().some((x) => !Number.isFinite(x))) {
      const message = (f: () => unknown): string => {
        try {
          f()
          return 'no error'
        } catch (e) {
          return (e as Error).message
        }
      }
      expect(message(() => trace(s, initial, k))).toMatch(/^timm\.\w+: step \d+ gives group \d+ an lr of (-?Infinity|NaN)/)
      expect(message(() => traceArray(s, initial, k))).toBe(message(() => trace(s, initial, k)))
      return
    }
    const folded = trace(s, initial, k).lr
    expect(closed).toEqual(folded)
    expect(Array.from(traceArray(s, initial, k).lr)).toEqual(folded.flat())
  }
)

test.prop(
  [
    fc.record(
      {
        decayRate: fc.double({ min: 0, max: 0.99, noNaN: true }),
        patienceT: fc.integer({ min: 0, max: 6 }),
        cooldownT: fc.integer({ min: 0, max: 4 }),
        threshold: fc.double({ min: 0, max: 0.1, noNaN: true }),
        warmupT: small,
        warmupLrInit: fc.double({ min: 0, max: 1e-2, noNaN: true }),
        mode: fc.constantFrom('min', 'max'),
        noiseType: fc.constantFrom('normal', 'uniform'),
        noiseRangeT: fc.oneof(small, fc.tuple(small, fc.integer({ min: 0, max: 200 })))
      },
      { requiredKeys: [] }
    ),
    groups,
    fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 200 })
  ],
  { numRuns: 150 }
)('timm.plateau: the fast path is the reducer, bit for bit, for any metrics', (options, initial, metrics) => {
  const s = fromTimmConfig({ type: 'timm.plateau', ...options })
  expect(Array.from(traceArray(s, initial, metrics.length, metrics).lr)).toEqual(trace(s, initial, metrics.length, metrics).lr.flat())
})
