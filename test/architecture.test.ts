// The layers of src/ (docs/architecture.md): every import goes to the same layer or a lower one,
// and no module imports itself back through others (no cycle). Read from the sources' import lines.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, test } from 'vitest'

const src = join(import.meta.dirname, '..', 'src')
const files = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })

/** Bottom (0) to top. */
const layerOf = (file: string): number => {
  const r = relative(src, file)
  if (r.startsWith('core/')) return 0
  if (r.startsWith('internal/')) return 1
  if (/^(schedulers|combinators|presets)\//.test(r) || r === 'folds.ts' || r === 'stream.ts') return 2
  if (r === 'registry.ts') return 3
  if (r.startsWith('json/')) return 4
  if (/^(cli|adapters)\//.test(r)) return 5
  if (r === 'index.ts') return 6
  throw new Error(`no layer for ${r}: add it to docs/architecture.md and to this test`)
}

const importsOf = (file: string): ReadonlyArray<string> =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export|\})[^\n'"]* from '(\.[^']+)'/gm)].map((m) =>
    resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts'))
  )

const all = files(src)
const graph = new Map(all.map((f) => [f, importsOf(f)]))

test('no import goes up a layer', () => {
  const upward = all.flatMap((f) =>
    (graph.get(f) ?? []).filter((g) => layerOf(g) > layerOf(f)).map((g) => `${relative(src, f)} (layer ${layerOf(f)}) imports ${relative(src, g)} (layer ${layerOf(g)})`)
  )
  expect(upward).toEqual([])
  expect(all.length).toBeGreaterThan(60)
})

test('no import cycle', () => {
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (f: string, path: ReadonlyArray<string>): void => {
    if (state.get(f) === 'done') return
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].map((x) => relative(src, x)).join(' → '))
      return
    }
    state.set(f, 'open')
    for (const g of graph.get(f) ?? []) visit(g, [...path, f])
    state.set(f, 'done')
  }
  for (const f of all) visit(f, [])
  expect(cycles).toEqual([])
})
