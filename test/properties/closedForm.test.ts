// The chainable reducers against the closed forms.
//
// Tolerance: |fold - closed| <= 1e-9 · |closed| + 1e-15 · max initial lr, up to t = 5000.
// Why: the fold is a recurrence, one rounding (<= 2^-53 ≈ 1.1e-16 relative) per step and per
// factor, so after 5000 steps it has drifted by up to ~5000 · 4 · 1.1e-16 ≈ 2e-12; near cosine's
// minimum both forms evaluate 1 + cos(x) with x close to π, which loses up to log10(1/(π/tMax)^2)
// digits (≈ 5e-10 relative for tMax = 5000): 1e-9 covers both with a margin and still catches any
// off-by-one step (which changes values by far more). The absolute floor, at the last bits of the
// initial lr, is for values that cancel to 0 (LinearLR with endFactor 0 ends at -2.2e-18, not 0).
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { type Scheduler, resume, trace } from '../../src/index.js'
import { anyConfig, closedFormConfig, groups, milestones, type Config } from '../helpers/arbitraries.js'
import { fromConfig } from '../helpers/fromConfig.js'
import { protocolOf } from '../../src/internal/protocol.js'

const REL = 1e-9
const ABS = 1e-15

const expectAgree = (s: Scheduler<unknown>, gs: ReadonlyArray<{ lr: number }>, steps: number, at: ReadonlyArray<number>) => {
  const t = trace(s, gs, steps)
  const cf = protocolOf(s).closedForm
  expect(cf).toBeDefined()
  // the closed form is a function of the initial lrs: those the initial step recorded
  const initial = t.groups.map((g) => g.initialLr as number)
  const scale = Math.max(...initial.map(Math.abs))
  for (const k of at) {
    const closed = cf!(k, initial)
    t.lr[k]!.forEach((a, i) => {
      const e = closed[i] as number
      expect(Math.abs(a - e), `step ${k} group ${i}: fold ${a}, closed form ${e}`).toBeLessThanOrEqual(REL * Math.abs(e) + ABS * scale)
    })
  }
}

const stepsAndProbes = fc
  .integer({ min: 0, max: 5000 })
  .chain((steps) => fc.tuple(fc.constant(steps), fc.array(fc.integer({ min: 0, max: steps }), { minLength: 1, maxLength: 20 })))

test.prop([closedFormConfig, groups, stepsAndProbes], { numRuns: 150 })(
  'every scheduler with a closed form: folding t steps agrees with closedForm(t) (t <= 5000)',
  (config, gs, [steps, probes]) => expectAgree(fromConfig(config), gs, steps, [0, steps, ...probes])
)

test.prop(
  [
    fc.array(closedFormConfig, { minLength: 2, maxLength: 3 }).chain((children) =>
      milestones(children.length).map((ms): Config => ({ type: 'SequentialLR', schedulers: children, milestones: ms }))
    ),
    groups,
    stepsAndProbes
  ],
  { numRuns: 80 }
)('a sequential whose children all have closed forms has one: the child in charge at its local step', (config, gs, [steps, probes]) =>
  expectAgree(fromConfig(config), gs, steps, [0, steps, ...probes])
)

test.prop([anyConfig], { numRuns: 200 })('closedForm is offered exactly when every part has one', (config) => {
  const s = fromConfig(config)
  const has = (c: Config): boolean =>
    c.type === 'SequentialLR'
      ? (c['schedulers'] as Config[]).every(has)
      : c.type === 'ChainedScheduler'
        ? (c['schedulers'] as Config[]).every(isMultiplier)
        : c.type !== 'MultiplicativeLR' && c.type !== 'ReduceLROnPlateau'
  // a sequential is never one: it sets the lrs back to the initial ones at its milestones
  const isMultiplier = (c: Config): boolean =>
    c.type === 'SequentialLR'
      ? false
      : c.type === 'ChainedScheduler'
        ? (c['schedulers'] as Config[]).every(isMultiplier)
      : ['StepLR', 'MultiStepLR', 'ConstantLR', 'LinearLR', 'ExponentialLR', 'PolynomialLR'].includes(c.type)
  expect(protocolOf(s).closedForm !== undefined).toBe(has(config))
})

test.prop([fc.array(closedFormConfig, { minLength: 1, maxLength: 3 }), groups, stepsAndProbes], { numRuns: 100 })(
  'a chain of multipliers has a closed form: the product of their multipliers',
  (children, gs, [steps, probes]) => {
    const multipliers = children.filter((c) => protocolOf(fromConfig(c)).multiplier !== undefined)
    if (multipliers.length === 0) return
    expectAgree(fromConfig({ type: 'ChainedScheduler', schedulers: multipliers }), gs, steps, [0, steps, ...probes])
  }
)

test('resume continues a fold: the closed form holds across a checkpoint', () => {
  const s = fromConfig({ type: 'CosineAnnealingLR', tMax: 100, etaMin: 0.001 })
  const first = trace(s, [0.1], 60)
  const rest = resume(s, first.groups, JSON.parse(JSON.stringify(first.state)), 90)
  rest.lr.forEach((row, k) => {
    const e = protocolOf(s).closedForm!(60 + k, [0.1])[0] as number
    expect(Math.abs((row[0] as number) - e)).toBeLessThanOrEqual(REL * Math.abs(e) + ABS * 0.1)
  })
})
