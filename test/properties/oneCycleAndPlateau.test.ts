// Properties of OneCycleLR and ReduceLROnPlateau.
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { trace } from '../../src/index.js'
import { type Config, metricSeed, oneCycleConfig, plateauConfig } from '../helpers/arbitraries.js'
import { fromConfig } from '../helpers/fromConfig.js'

const groups = fc.array(fc.record({ lr: fc.double({ min: 1e-4, max: 1, noNaN: true }), momentum: fc.constant(0.9) }), { minLength: 1, maxLength: 3 })

// Tolerance: relative 1e-12 of maxLr — the annealing formulas round in the last bits (the cosine
// at pct 0 gives end + (start − end)/2·2, not exactly start).
test.prop([oneCycleConfig(50, 3000), groups], { numRuns: 150 })(
  'OneCycleLR stays within [maxLr / divFactor / finalDivFactor, maxLr] up to step totalSteps − 1 and peaks at step pctStart · totalSteps − 1',
  (config, gs) => {
    const c = config as Config & { maxLr: number; totalSteps: number; pctStart: number; divFactor: number; finalDivFactor: number }
    const t = trace(fromConfig(c), gs, c.totalSteps)
    const lo = c.maxLr / c.divFactor / c.finalDivFactor
    const slack = 1e-12 * c.maxLr
    const lrs = t.lr.slice(0, c.totalSteps).map((r) => r[0] as number)
    for (const lr of lrs) {
      expect(lr).toBeGreaterThanOrEqual(lo - slack)
      expect(lr).toBeLessThanOrEqual(c.maxLr + slack)
    }
    // the peak is where the warm-up phase ends: at pct·T − 1, or its neighbours when that is fractional
    const end = c.pctStart * c.totalSteps - 1
    const peak = lrs.indexOf(Math.max(...lrs))
    expect(peak).toBeGreaterThanOrEqual(Math.max(0, Math.floor(end)))
    expect(peak).toBeLessThanOrEqual(Math.ceil(end))
    if (Number.isInteger(end)) expect(Math.abs((lrs[end] as number) - c.maxLr)).toBeLessThanOrEqual(slack)
  }
)

test.prop([plateauConfig, groups, fc.integer({ min: 1, max: 400 }), metricSeed], { numRuns: 200 })(
  'ReduceLROnPlateau never raises an lr and never takes it below minLr',
  (config, gs, n, ms) => {
    const minLr = config['minLr'] as number
    const t = trace(fromConfig(config), gs, n, ms)
    t.lr.slice(1).forEach((row, k) =>
      row.forEach((lr, i) => {
        const before = t.lr[k]![i] as number
        expect(lr).toBeLessThanOrEqual(before)
        expect(lr).toBeGreaterThanOrEqual(Math.min(before, minLr))
      })
    )
  }
)

test.prop([plateauConfig, groups, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), metricSeed], { numRuns: 200 })(
  'ReduceLROnPlateau: a JSON round trip of the state at any step (before any metric, mid-cooldown, ...) continues identically',
  (config, gs, k, more, ms) => {
    const s = fromConfig(config)
    const whole = trace(s, gs, k + more, ms)
    const first = trace(s, gs, k, ms)
    const revived = JSON.parse(JSON.stringify(first.state))
    let g = first.groups
    let st = revived
    for (let j = 0; j < more; j++) {
      ;[g, st] = s.step(st, g, { metric: ms[k + j] as number })
      expect(g.map((x) => x.lr)).toEqual(whole.lr[k + j + 1])
    }
  }
)
