// The docs' argument tables, derived from the definitions (issue 11): for every schedule of the
// registry, its summary and a table `| argument | default | what it is |` read from its argument
// table (`src/internal/define.ts`), between `<!-- args:TYPE -->` and `<!-- /args:TYPE -->` in its
// family's page: PyTorch's in docs/schedulers.md, `<family>.*` in docs/presets/<family>.md.
//
//   npm run build --silent && node scripts/docs-args.mjs           rewrites the blocks
//   npm run build --silent && node scripts/docs-args.mjs --check   exits 1, naming each schedule
//                                                                  whose block differs or is missing
//
// It reads dist/registry.js (internal, but built). The markers are placed by hand, next to where
// the page describes the schedule; the script never moves them, and fails on a schedule without
// them (add `<!-- args:TYPE -->` and `<!-- /args:TYPE -->` in its section, then run it again).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const unknown = process.argv.slice(2).filter((a) => a !== '--check')
if (unknown.length > 0) {
  console.error(`usage: node scripts/docs-args.mjs [--check] (unknown: ${unknown.join(' ')})`)
  process.exit(2)
}

let registry
try {
  registry = await import(pathToFileURL(join(root, 'dist', 'registry.js')).href)
} catch (e) {
  console.error(`cannot read dist/registry.js (run \`npm run build --silent\` first): ${e.message}`)
  process.exit(2)
}

/** The page of a schedule type: `optax.x` → docs/presets/optax.md, PyTorch's → docs/schedulers.md. */
const pageOf = (type) => (type.includes('.') ? join('docs', 'presets', `${type.slice(0, type.indexOf('.'))}.md`) : join('docs', 'schedulers.md'))

/** A table cell: one line, pipes escaped. */
const cell = (s) => String(s).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')

const defaultOf = (a) => (a.kind === 'required' ? 'required' : a.kind === 'default' ? `\`${JSON.stringify(a.default)}\`` : '—')

/** The generated block of a definition, markers included. */
const blockOf = (type, d) => {
  const rows = Object.entries(d.args).map(([name, a]) => `| \`${name}\` | ${cell(defaultOf(a))} | ${cell(a.doc)} |`)
  const body = rows.length === 0 ? ['No arguments.'] : ['| argument | default | what it is |', '|---|---|---|', ...rows]
  return [`<!-- args:${type} -->`, cell(d.summary), '', ...body, `<!-- /args:${type} -->`].join('\n')
}

const marker = /<!-- args:(\S+) -->\n[\s\S]*?<!-- \/args:\1 -->/g
const opening = /<!-- (\/?)args:(\S+) -->/g

const problems = []
const pages = new Map()
for (const [type, d] of Object.entries(registry.entries)) {
  if (typeof d.summary !== 'string' || typeof d.args !== 'object') {
    problems.push(`${type}: not a definition (no summary or argument table)`)
    continue
  }
  const page = pageOf(type)
  if (!pages.has(page)) pages.set(page, [])
  pages.get(page).push([type, d])
}

let changed = 0
for (const [page, defs] of pages) {
  const path = join(root, page)
  const text = readFileSync(path, 'utf8')
  const expected = new Map(defs.map(([type, d]) => [type, blockOf(type, d)]))
  // markers: each type opened and closed once, in this page only for its own family
  const seen = new Map()
  for (const m of text.matchAll(opening)) {
    const key = `${m[1]}${m[2]}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  for (const [key, n] of seen) {
    const type = key.replace(/^\//, '')
    if (!expected.has(type)) problems.push(`${page}: a block for ${type}, which is not a schedule of this page`)
    else if (n > 1) problems.push(`${page}: ${n} ${key.startsWith('/') ? 'closing' : 'opening'} markers for ${type}`)
  }
  for (const type of expected.keys())
    if (!seen.has(type) || !seen.has(`/${type}`))
      problems.push(`${type}: no block in ${page} (add <!-- args:${type} --> and <!-- /args:${type} --> where the page describes it)`)
  const next = text.replace(marker, (found, type) => {
    const want = expected.get(type)
    if (want === undefined || found === want) return found
    if (check) problems.push(`${type}: the argument table in ${page} differs from its definition (run node scripts/docs-args.mjs)`)
    changed++
    return want
  })
  if (!check && next !== text) writeFileSync(path, next)
}

const tables = [...pages.values()].reduce((n, defs) => n + defs.length, 0)
if (problems.length > 0) {
  for (const p of problems) console.error(p)
  process.exit(1)
}
console.log(
  check
    ? `docs-args: the ${tables} argument tables match the definitions`
    : `docs-args: ${changed} of ${tables} argument tables rewritten (${[...pages.keys()].join(', ')})`
)
