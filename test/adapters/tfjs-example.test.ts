// Runs the documented tfjs training example (docs/tfjs.md) as a user would, in a short version.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { cosineAnnealingLR, linearLR, sequential, trace } from '../../src/index.js'

test('examples/tfjs-train.mjs trains for 6 epochs with warmup + cosine: the printed lrs are the schedule\'s rows and the loss falls', () => {
  const root = join(import.meta.dirname, '..', '..')
  const r = spawnSync(process.execPath, [join(root, 'examples', 'tfjs-train.mjs'), '6'], { encoding: 'utf8', cwd: root })
  expect(r.status).toBe(0)
  const rows = r.stdout
    .split('\n')
    .filter((l) => /^\s+\d+\s/.test(l))
    .map((l) => l.trim().split(/\s+/).map(Number))
  expect(rows).toHaveLength(6)
  // the example's schedule: warmup 1 epoch (round(6/10) = 1), then cosine over 5, base lr 0.05
  const expected = trace(sequential([linearLR({ startFactor: 0.01, totalIters: 1 }), cosineAnnealingLR({ tMax: 5, etaMin: 1e-4 })], [1]), [0.05], 5)
  rows.forEach((row, k) => expect(row[1]).toBe(Number((expected.lr[k]![0] as number).toExponential(3))))
  const losses = rows.map((row) => row[2] as number)
  expect(losses[5]).toBeLessThan(losses[0] as number)
})
