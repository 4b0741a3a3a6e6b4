// The laws of the combinators.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { chain, sequential, trace } from '../../src/index.js'
import { type Config, anyConfig, closedFormConfig, groups, leafConfig, metricSeed, multiplierConfig } from '../helpers/arbitraries.js'
import { fromConfig } from '../helpers/fromConfig.js'

const steps = fc.integer({ min: 0, max: 400 })

/** The leaves of a config in the order their constructors run. */
const leaves = (c: Config): ReadonlyArray<Config> =>
  c.type === 'SequentialLR' || c.type === 'ChainedScheduler' ? (c['schedulers'] as Config[]).flatMap(leaves) : [c]

// Precondition: no CyclicLR built after another scheduler. PyTorch's CyclicLR constructor steps
// with the groups' initial lr (its own base_lr comes after), while a sequential re-runs its first
// child's initial step with base_lr — PyTorch's numbers, which differ there by design.
test.prop([anyConfig, groups, steps, metricSeed], { numRuns: 150 })('identity: sequential([s], []) is s, bit for bit', (config, gs, n, ms) => {
  fc.pre(leaves(config).every((c, i) => i === 0 || c.type !== 'CyclicLR'))
  const s = fromConfig(config)
  expect(trace(sequential([s], []), gs, n, ms).lr).toEqual(trace(s, gs, n, ms).lr)
})

test.prop([anyConfig, groups, steps, metricSeed], { numRuns: 150 })('identity: chain([s]) is s, bit for bit', (config, gs, n, ms) => {
  const s = fromConfig(config)
  expect(trace(chain([s]), gs, n, ms).lr).toEqual(trace(s, gs, n, ms).lr)
})

test.prop([anyConfig, anyConfig, anyConfig, groups, steps, metricSeed], { numRuns: 100 })(
  'associativity: chain([a, chain([b, c])]) = chain([chain([a, b]), c]) = chain([a, b, c]), bit for bit',
  (a, b, c, gs, n, ms) => {
    const [sa, sb, sc] = [a, b, c].map(fromConfig) as [any, any, any]
    const flat = trace(chain([sa, sb, sc]), gs, n, ms).lr
    expect(trace(chain([sa, chain([sb, sc])]), gs, n, ms).lr).toEqual(flat)
    expect(trace(chain([chain([sa, sb]), sc]), gs, n, ms).lr).toEqual(flat)
  }
)

// Rounding: the two orders multiply the same factors in another order; each product rounds
// differently in the last bit, so compare with 1e-12 relative (plus an absolute floor at the last
// bits of the initial lr, for products that reach 0).
test.prop([multiplierConfig, multiplierConfig, groups, steps], { numRuns: 150 })(
  'commutativity: a chain of multiplier schedulers does not depend on their order',
  (a, b, gs, n) => {
    const [sa, sb] = [fromConfig(a), fromConfig(b)]
    const ab = trace(chain([sa, sb]), gs, n).lr
    const ba = trace(chain([sb, sa]), gs, n).lr
    const scale = Math.max(...gs.map((g) => g.lr))
    ab.forEach((row, k) =>
      row.forEach((x, i) => {
        const y = ba[k]![i] as number
        expect(Math.abs(x - y), `step ${k} group ${i}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-12 * Math.abs(y) + 1e-15 * scale)
      })
    )
  }
)

// Rounding (second half): at its milestone the second child restarts with its closed form at 0,
// which can differ from its constructor's step in the last bits (CosineAnnealingLR's
// eta + (base - eta)); 1e-12 relative covers that and nothing more.
test.prop(
  [leafConfig, closedFormConfig.filter((c) => c.type !== 'CyclicLR'), fc.integer({ min: 1, max: 300 }), groups, steps, metricSeed],
  { numRuns: 150 }
)('split: sequential([a, b], [m]) is a for rows 0..m-1, then b from the initial lrs', (a, b, m, gs, n, ms) => {
  const [sa, sb] = [fromConfig(a), fromConfig(b)]
  const whole = trace(sequential([sa, sb], [m]), gs, m + n, ms)
  expect(whole.lr.slice(0, m)).toEqual(trace(sa, gs, m - 1, ms).lr)
  const initial = whole.groups.map((g) => ({ lr: g.initialLr as number, momentum: 0 }))
  const second = trace(sb, initial, n).lr
  const scale = Math.max(...initial.map((g) => g.lr))
  whole.lr.slice(m).forEach((row, k) =>
    row.forEach((x, i) => {
      const y = second[k]![i] as number
      expect(Math.abs(x - y), `row ${m + k} group ${i}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-12 * Math.abs(y) + 1e-15 * scale)
    })
  )
})

// Rounding: at the milestone the flat form restarts the middle child with its closed form at 0,
// the nested form builds the inner sequential afresh on the initial lrs (its first child's initial
// step); those are the same number up to the last bits (CosineAnnealingLR's eta + (base - eta)).
test.prop(
  [closedFormConfig, closedFormConfig, closedFormConfig, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), groups, steps],
  { numRuns: 100 }
)('associativity: sequential([a, sequential([b, c], [m2])], [m1]) = sequential([a, b, c], [m1, m1 + m2])', (a, b, c, m1, m2, gs, n) => {
  const [sa, sb, sc] = [a, b, c].map(fromConfig) as [any, any, any]
  const nested = trace(sequential([sa, sequential([sb, sc], [m2])], [m1]), gs, m1 + m2 + n)
  const flat = trace(sequential([sa, sb, sc], [m1, m1 + m2]), gs, m1 + m2 + n)
  const scale = Math.max(...gs.map((g) => g.lr))
  flat.lr.forEach((row, k) =>
    row.forEach((x, i) => {
      const y = nested.lr[k]![i] as number
      expect(Math.abs(x - y), `step ${k} group ${i}: flat ${x}, nested ${y}`).toBeLessThanOrEqual(1e-12 * Math.abs(x) + 1e-15 * scale)
    })
  )
})
