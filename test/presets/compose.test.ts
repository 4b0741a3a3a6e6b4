// Presets compose with the PyTorch family in sequential and chain, and the CLI runs them.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { expect } from 'vitest'
import { chain, exponentialLR, keras, optax, scheduleFromConfig, sequential, timm, trace } from '../../src/index.js'
import { protocolOf } from '../../src/internal/protocol.js'

// Tolerance: 0 — the sequential restarts each child at its milestone with its own closed form,
// which is the very expression its fold uses; the hand-joined closed forms are the same numbers.
test.prop([fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 0, max: 300 })], { numRuns: 100 })(
  'sequential([optax warmup, Keras cosine], [m]) is the optax closed form before m, then the Keras closed form from m',
  (m, decaySteps, peak, extra) => {
    const warmup = optax.linearSchedule({ initValue: 0, endValue: peak, transitionSteps: m })
    const cosine = keras.cosineDecay({ initialLearningRate: peak, decaySteps, alpha: 0.1 })
    const steps = m + extra
    const t = trace(sequential([warmup, cosine], [m]), [1, 0.5], steps)
    t.lr.forEach((row, k) => {
      const expected = k < m ? protocolOf(warmup).closedForm!(k, [1, 0.5]) : protocolOf(cosine).closedForm!(k - m, [1, 0.5])
      expect(row).toEqual(expected)
    })
  }
)

test('a chain of a timm cosine (per-group bases) and an ExponentialLR multiplies each group\'s cosine by 0.9^k', () => {
  const s = chain([timm.cosine({ tInitial: 50 }), exponentialLR({ gamma: 0.9 })])
  const t = trace(s, [0.1, 0.01], 20)
  const alone = trace(timm.cosine({ tInitial: 50 }), [0.1, 0.01], 20)
  // timm sets the lr from its base at every step; the exponential then multiplies by 0.9 once per
  // step (not compounded, since timm overwrites): row k = cosine_k · 0.9 for k ≥ 1
  t.lr.slice(1).forEach((row, j) => row.forEach((v, i) => expect(v).toBeCloseTo((alone.lr[j + 1]![i] as number) * 0.9, 15)))
})

test('decoded from JSON, a sequential of presets of four libraries traces as the TypeScript one', () => {
  const config = {
    type: 'SequentialLR',
    schedulers: [
      { type: 'optax.linear_schedule', initValue: 0, endValue: 0.1, transitionSteps: 10 },
      { type: 'keras.CosineDecay', initialLearningRate: 0.1, decaySteps: 40 },
      { type: 'hf.constant' },
      { type: 'timm.step', decayT: 5, decayRate: 0.5 }
    ],
    milestones: [10, 50, 60]
  }
  const ts = sequential(
    [
      optax.linearSchedule({ initValue: 0, endValue: 0.1, transitionSteps: 10 }),
      keras.cosineDecay({ initialLearningRate: 0.1, decaySteps: 40 }),
      scheduleFromConfig({ type: 'hf.constant' }),
      timm.step({ decayT: 5, decayRate: 0.5 })
    ],
    [10, 50, 60]
  )
  expect(trace(scheduleFromConfig(config), [0.2], 80).lr).toEqual(trace(ts, [0.2], 80).lr)
})

// The CLI on a preset config gives the library's numbers (relative 1e-12, the fixture bar).
const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'lr-schedule-presets-'))
test.each(['optax/warmup_cosine_decay_schedule', 'keras/CosineDecay', 'hf/cosine', 'timm/cosine'])(
  'lr-schedule trace on the first %s fixture prints the original library\'s numbers',
  (name) => {
    const fx = JSON.parse(readFileSync(join(root, 'test', 'fixtures', `${name}.json`), 'utf8')).cases[0]
    const file = join(dir, `${name.replace('/', '-')}.json`)
    writeFileSync(file, JSON.stringify(fx.config))
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'trace', file, '--lr', fx.groups.map((g: { lr: number }) => g.lr).join(','), '--steps', String(fx.steps)], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    const lr = JSON.parse(r.stdout).lr as number[][]
    expect(lr).toHaveLength(fx.steps + 1)
    const scale = Math.max(...fx.lr.flat().map(Math.abs))
    lr.forEach((row, k) => row.forEach((v, i) => expect(Math.abs(v - fx.lr[k][i])).toBeLessThanOrEqual(1e-12 * Math.abs(fx.lr[k][i]) + 1e-15 * scale)))
  }
)
