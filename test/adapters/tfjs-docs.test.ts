// Every ```js block of docs/tfjs.md runs as a user would run it (node, `lr-schedule` from the built
// package: build first), and its `expression // => value` lines are checked with deepStrictEqual.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, expect, test } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
// under the package (not /tmp): `lr-schedule` resolves to the package itself
const tmp = join(root, 'test', '.tmp', `tfjs-docs-${process.pid}`)
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
  if (readdirSync(dirname(tmp)).length === 0) rmSync(dirname(tmp), { recursive: true, force: true })
})

const lines = readFileSync(join(root, 'docs', 'tfjs.md'), 'utf8').split('\n')
const blocks: Array<{ readonly line: number; readonly code: string }> = []
for (let i = 0; i < lines.length; i++) {
  if (lines[i] !== '```js') continue
  const end = lines.findIndex((l, j) => j > i && l === '```')
  blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n') })
  i = end
}

const toModule = (code: string): string =>
  "import { deepStrictEqual as __check } from 'node:assert'\n" +
  code
    .split('\n')
    .map((line) => {
      const m = /^(\s*)(.*?\S)\s*\/\/ => (.+)$/.exec(line)
      return m === null ? line : `${m[1]}__check(${m[2]}, ${m[3]}, ${JSON.stringify(line.trim())})`
    })
    .join('\n')

test('docs/tfjs.md has runnable examples that check something (the tests below are not vacuous)', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(4)
  blocks.forEach((b) => expect(b.code, `docs/tfjs.md:${b.line}`).toMatch(/\/\/ => /))
})

test.each(blocks.map((b) => [`docs/tfjs.md:${b.line}`, b] as const))('%s runs and its checks hold', (label, b) => {
  mkdirSync(tmp, { recursive: true })
  const file = join(tmp, `block-${b.line}.mjs`)
  writeFileSync(file, toModule(b.code))
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: root })
  expect(r.status, `${label}\n${r.stderr}`).toBe(0)
})
