// Properties of the Keras presets, over random configs of all six schedules.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { trace, traceArray } from '../../../src/index.js'
import { fromKerasConfig } from '../../../src/presets/keras/index.js'
import { definitions } from '../../../src/presets/keras/definitions.js'
import { protocolOf } from '../../../src/internal/protocol.js'

type Config = { readonly type: string } & Record<string, unknown>

const lr = fc.double({ min: 1e-6, max: 1, noNaN: true })
const steps = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.5, max: 400, noNaN: true }))
const fraction = fc.double({ min: 0, max: 1, noNaN: true })

const kerasConfig: fc.Arbitrary<Config> = fc.oneof(
  fc.record(
    { type: fc.constant('keras.ExponentialDecay'), initialLearningRate: lr, decaySteps: steps, decayRate: fc.double({ min: 0, max: 1.2, noNaN: true }), staircase: fc.boolean() },
    { requiredKeys: ['type', 'initialLearningRate', 'decaySteps', 'decayRate'] }
  ),
  fc
    .uniqueArray(fc.integer({ min: -5, max: 600 }), { minLength: 1, maxLength: 6 })
    .chain((bs) =>
      fc.record({
        type: fc.constant('keras.PiecewiseConstantDecay'),
        boundaries: fc.constant([...bs].sort((a, b) => a - b)),
        values: fc.array(lr, { minLength: bs.length + 1, maxLength: bs.length + 1 })
      })
    ),
  fc.record(
    { type: fc.constant('keras.PolynomialDecay'), initialLearningRate: lr, decaySteps: steps, endLearningRate: fc.double({ min: 0, max: 1e-3, noNaN: true }), power: fc.double({ min: 0, max: 3, noNaN: true }), cycle: fc.boolean() },
    { requiredKeys: ['type', 'initialLearningRate', 'decaySteps'] }
  ),
  fc.record(
    { type: fc.constant('keras.InverseTimeDecay'), initialLearningRate: lr, decaySteps: steps, decayRate: fc.double({ min: 0, max: 10, noNaN: true }), staircase: fc.boolean() },
    { requiredKeys: ['type', 'initialLearningRate', 'decaySteps', 'decayRate'] }
  ),
  fc.record(
    { type: fc.constant('keras.CosineDecay'), initialLearningRate: lr, decaySteps: steps, alpha: fraction, warmupTarget: lr, warmupSteps: fc.integer({ min: 0, max: 300 }) },
    { requiredKeys: ['type', 'initialLearningRate', 'decaySteps'] }
  ),
  fc.record(
    { type: fc.constant('keras.CosineDecayRestarts'), initialLearningRate: lr, firstDecaySteps: steps, tMul: fc.oneof(fc.constantFrom(1, 2, 3), fc.double({ min: 1, max: 4, noNaN: true })), mMul: fraction, alpha: fraction },
    { requiredKeys: ['type', 'initialLearningRate', 'firstDecaySteps'] }
  )
)

const build = (c: Config) => {
  const definition = definitions.find((d) => d.type === c.type)
  if (definition === undefined) throw new Error(c.type)
  return definition.build(c, () => Math.abs)
}

const message = (f: () => unknown): string => {
  try {
    f()
    return 'no error'
  } catch (e) {
    return (e as Error).message
  }
}

// Bit for bit: `lr` and `closedForm` are the same expression of the step (Keras's schedules are
// functions of the step), so folding k steps and evaluating the closed form at k cannot differ.
test.prop([kerasConfig, fc.array(lr, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 2000 })], { numRuns: 200 })(
  'every keras.<Class>: the closed form at k equals the fold after k steps, bit for bit, for every group',
  (config, lrs, n) => {
    const s = build(config)
    const closed = Array.from({ length: n + 1 }, (_, k) => protocolOf(s).closedForm!(k, lrs))
    // a decay rate above 1 may overflow (1.2 ** (2000 / 0.5) is 10^316): then neither fold emits
    // the non-finite value, and both fail with the same error (issue 12.6), naming the schedule
    const first = closed.findIndex((row) => row.some((x) => !Number.isFinite(x)))
    if (first >= 0) {
      const group = closed[first]!.findIndex((x) => !Number.isFinite(x))
      expect(message(() => trace(s, lrs, n))).toMatch(new RegExp(`^keras\\.\\w+: step ${first} gives group ${group} an lr of (-?Infinity|NaN) `))
      expect(message(() => traceArray(s, lrs, n))).toBe(message(() => trace(s, lrs, n)))
      return
    }
    const folded = trace(s, lrs, n).lr
    folded.forEach((row, k) => expect(row).toEqual(closed[k]))
    expect(Array.from(traceArray(s, lrs, n).lr)).toEqual(folded.flat())
  }
)

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

test.prop([kerasConfig, fc.option(fc.string(), { nil: null })], { numRuns: 300 })(
  'fromKerasConfig reads back the Keras dict of any keras.<Class> config (snake_case keys, a name)',
  (config, name) => {
    const { type, ...rest } = config
    const keras = {
      class_name: type.slice('keras.'.length),
      config: { ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [snake(k), v])), name }
    }
    expect(fromKerasConfig(keras)).toEqual({ _tag: 'Right', right: config })
  }
)
