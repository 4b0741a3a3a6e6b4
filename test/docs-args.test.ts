// The docs' argument tables are derived from the definitions (scripts/docs-args.mjs): every
// schedule's block in docs/schedulers.md and docs/presets/<family>.md must be what its definition
// gives, so the docs cannot drift. Reads dist/ (`npm test` builds it first).
import { spawnSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

test('every argument table of the docs is what the definitions give (node scripts/docs-args.mjs --check)', () => {
  const r = spawnSync(process.execPath, ['scripts/docs-args.mjs', '--check'], { cwd: root, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
})
