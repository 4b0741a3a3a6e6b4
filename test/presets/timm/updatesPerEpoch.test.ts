// timm's t_in_epochs traced per update (`updatesPerEpoch`, what `--from timm` sets for a schedule
// train.py steps per epoch): row k is the schedule's row floor(k / u) without it, bit for bit; the
// end of shrinking cycles moves to the last update of its epoch; the laws hold.
import { describe, expect, test } from 'vitest'
import { column, expectLaws, fromTimmConfig } from './common.js'

const configs = [
  { type: 'timm.cosine', tInitial: 5, warmupT: 2, warmupLrInit: 0.001, lrMin: 0.01, cycleLimit: 2, cycleDecay: 0.5 },
  { type: 'timm.tanh', tInitial: 4, warmupT: 1, warmupLrInit: 0 },
  { type: 'timm.poly', tInitial: 6, power: 2, kDecay: 1.5, warmupT: 2, warmupPrefix: true },
  { type: 'timm.step', decayT: 1.5, decayRate: 0.5, warmupT: 2 },
  { type: 'timm.multistep', decayT: [1, 3, 4], decayRate: 0.3, warmupT: 1, warmupPrefix: false }
] as const

describe.each(configs)('$type', (config) => {
  test.each([1, 3, 7])('updatesPerEpoch %i: row k is row floor(k / u) of the per-epoch schedule', (u) => {
    const epochs = column(fromTimmConfig(config), 1, 9)
    const updates = column(fromTimmConfig({ ...config, updatesPerEpoch: u }), 1, 9 * u)
    expect(updates).toEqual(updates.map((_, k) => epochs[Math.floor(k / u)]))
  })

  test('the laws', () => expectLaws(fromTimmConfig({ ...config, updatesPerEpoch: 4 }), [0.1, 0.2], 40))
})

test('cycleMul < 1: the cycles end at the last update of their last epoch', () => {
  // tInitial 4, cycleMul 0.5: cycles of 4, 2, 1, ... epochs; timm's log(1 − t / 8) is defined for t < 8, its last t 7
  const per = fromTimmConfig({ type: 'timm.cosine', tInitial: 4, cycleMul: 0.5, cycleLimit: 3 })
  const last = column(per, 1, 7).length - 1
  expect(last).toBe(7)
  expect(() => column(per, 1, 8)).toThrow(/^step: timm\.cosine is defined up to step 7 .*, got step 8$/)
  const s = fromTimmConfig({ type: 'timm.cosine', tInitial: 4, cycleMul: 0.5, cycleLimit: 3, updatesPerEpoch: 3 })
  expect(column(s, 1, 23).length).toBe(24)
  expect(() => column(s, 1, 24)).toThrow(/^step: timm\.cosine is defined up to step 23 \(timm's t 7, 3 updates per epoch\) .*, got step 24$/)
})
