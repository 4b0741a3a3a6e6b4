// The family's property: every hf preset with a closed form (all but reduce_lr_on_plateau) gives,
// folded step by step, exactly its closed form — bit for bit, since both are `initial lr · λ(step)`
// computed by the same expression — on the reducer and on the typed-array fast path, for any
// arguments, any 1–3 groups and any probe steps (past the horizon included).
import { test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { expect } from 'vitest'
import { trace, traceArray } from '../../../src/index.js'
import { fromHfConfig } from './common.js'
import { protocolOf } from '../../../src/internal/protocol.js'

type Config = { readonly type: string } & Record<string, unknown>

const steps = fc.integer({ min: 0, max: 400 })
const cycles = fc.oneof(fc.constant(0.5), fc.double({ min: -3, max: 3, noNaN: true }))
const rate = fc.double({ min: -0.5, max: 1.5, noNaN: true })
const shape = fc.constantFrom('linear', 'cosine', '1-sqrt')

const hfConfig: fc.Arbitrary<Config> = fc.oneof(
  fc.constant({ type: 'hf.constant' }),
  fc.record({ type: fc.constant('hf.constant_with_warmup'), numWarmupSteps: steps }),
  fc.record({ type: fc.constant('hf.linear'), numWarmupSteps: steps, numTrainingSteps: steps }),
  fc.record({ type: fc.constant('hf.cosine'), numWarmupSteps: steps, numTrainingSteps: steps, numCycles: cycles }),
  fc.record({ type: fc.constant('hf.cosine_with_restarts'), numWarmupSteps: steps, numTrainingSteps: steps, numCycles: fc.integer({ min: -3, max: 8 }) }),
  fc
    .record(
      {
        type: fc.constant('hf.polynomial'),
        numWarmupSteps: steps,
        numTrainingSteps: steps,
        lrEnd: fc.double({ min: -1e-3, max: 1e-5, noNaN: true }),
        power: fc.double({ min: 0, max: 4, noNaN: true }),
        lrInit: fc.double({ min: 1e-4, max: 1, noNaN: true })
      },
      { requiredKeys: ['type', 'numWarmupSteps', 'numTrainingSteps', 'lrEnd'] }
    )
    .filter((c) => c.numWarmupSteps !== c.numTrainingSteps),
  fc.record(
    { type: fc.constant('hf.inverse_sqrt'), numWarmupSteps: steps, timescale: fc.integer({ min: 1, max: 1000 }) },
    { requiredKeys: ['type', 'numWarmupSteps'] }
  ),
  fc
    .tuple(fc.constantFrom('hf.cosine_with_min_lr', 'hf.cosine_warmup_with_min_lr'), steps, steps, cycles, fc.boolean(), rate, fc.option(rate))
    .map(([type, w, t, c, asLr, r, warmupLrRate]): Config => ({
      type,
      numWarmupSteps: w,
      numTrainingSteps: t,
      numCycles: c,
      ...(asLr ? { minLr: r * 1e-4 } : { minLrRate: r }),
      ...(type === 'hf.cosine_warmup_with_min_lr' && warmupLrRate !== null ? { warmupLrRate } : {})
    })),
  fc
    .tuple(steps, steps, steps, fc.boolean(), shape, shape, rate, cycles)
    .map(([w, d, x, stable, warmupType, decayType, minLrRatio, numCycles]): Config => ({
      type: 'hf.warmup_stable_decay',
      numWarmupSteps: w,
      numDecaySteps: d,
      ...(stable ? { numStableSteps: x } : { numTrainingSteps: x }),
      warmupType,
      decayType,
      minLrRatio,
      numCycles
    }))
)

// the first group's lr stays above the polynomial's lrEnd (1e-5 at most), as transformers requires
const groups = fc.array(fc.double({ min: 1e-4, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 })

test.prop([hfConfig, groups, fc.integer({ min: 0, max: 600 })], { numRuns: 300 })(
  'every hf closed form equals its fold, bit for bit, on the reducer and the fast path',
  (config, lrs, n) => {
    const built = fromHfConfig(config)
    if (E.isLeft(built)) throw new Error(built.left.join('\n'))
    const s = built.right
    const t = trace(s, lrs, n)
    const initial = t.groups.map((g) => g.initialLr as number)
    expect(t.lr.map((_, k) => protocolOf(s).closedForm!(k, initial))).toEqual(t.lr)
    expect(Array.from(traceArray(s, lrs, n).lr)).toEqual(t.lr.flat())
  }
)
