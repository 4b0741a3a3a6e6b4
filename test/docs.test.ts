// The examples of the docs are run:
// - docs/config.md: every ```json block decodes, unless the line right before it is
//   `<!-- invalid -->` (or `<!-- invalid groups=N -->`, decoded with that many groups): then it
//   must be rejected with exactly the lines of the ```text block that follows it;
// - every ```ts block of docs/config.md runs, and so does every ```ts block of README.md and
//   docs/schedulers.md that checks something. A line `expression // => value` is checked as
//   `expect(expression).toEqual(value)`. The code is transpiled with TypeScript's transpileModule
//   (`from 'lr-schedule'` reads src/index.ts) into a temporary module under test/.tmp/, imported.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, test } from 'vitest'
import { decodeSchedule, formatConfigErrors } from '../src/index.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const tmp = join(root, 'test', '.tmp', `docs-${process.pid}`)
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
  // test/.tmp itself, unless another run is using it
  if (readdirSync(dirname(tmp)).length === 0) rmSync(dirname(tmp), { recursive: true, force: true })
})

/** The functions the JSON examples of docs/config.md name (the page lists them, in this order). */
const functions: Readonly<Record<string, (x: number) => number>> = {
  warmup: (t) => Math.min(1, (t + 1) / 10),
  decay: (t) => 0.95 ** t,
  halving: (x) => 1 / 2 ** (x - 1)
}

interface Block {
  readonly lang: string
  readonly code: string
  /** 1-based line of the opening fence. */
  readonly line: number
  /** The line right before the opening fence. */
  readonly before: string
}

const blocksOf = (file: string): ReadonlyArray<Block> => {
  const lines = readFileSync(join(root, file), 'utf8').split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!)
    if (open === null) continue
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l))
    if (end < 0) throw new Error(`${file}:${i + 1}: unclosed code block`)
    blocks.push({ lang: open[1]!, code: lines.slice(i + 1, end).join('\n'), line: i + 1, before: (lines[i - 1] ?? '').trim() })
    i = end
  }
  return blocks
}

/** The example as a module: assertions from `// =>`, the library from src/, types stripped. */
const toModule = (code: string): string => {
  const body = code
    .split('\n')
    .map((line) => {
      const m = /^(\s*)(.*?\S)\s*\/\/ => (.+)$/.exec(line)
      if (m === null) return line
      const [, indent, lhs, rhs] = m
      if (/^(const|let|var|import|export)\b/.test(lhs!)) throw new Error(`a checked line must be an expression: ${line}`)
      return `${indent}expect(${lhs}).toEqual(${rhs})`
    })
    .join('\n')
    .replace(/from 'lr-schedule'/g, `from ${JSON.stringify(join(root, 'src', 'index.ts'))}`)
  const js = ts.transpileModule(`import { expect } from 'vitest'\n${body}\nexport {}\n`, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    reportDiagnostics: true
  })
  const errors = (js.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  if (errors.length > 0) throw new Error(`the example does not parse:\n${errors.join('\n')}`)
  return js.outputText
}

let count = 0
const run = async (file: string, block: Block): Promise<void> => {
  mkdirSync(tmp, { recursive: true })
  const path = join(tmp, `${file.replace(/\W/g, '_')}-${block.line}-${count++}.mjs`)
  writeFileSync(path, toModule(block.code))
  await import(pathToFileURL(path).href)
}

const label = (file: string, b: Block): string => `${file}:${b.line}`

// -------------------------------------------------------------------------------------
// docs/config.md
// -------------------------------------------------------------------------------------

describe('docs/config.md', () => {
  const file = 'docs/config.md'
  const blocks = blocksOf(file)
  const json = blocks.filter((b) => b.lang === 'json')
  const valid = json.filter((b) => !b.before.startsWith('<!-- invalid'))
  const invalid = json.filter((b) => b.before.startsWith('<!-- invalid'))

  test('has examples of every kind (the checks below are not vacuous)', () => {
    expect(valid.length).toBeGreaterThanOrEqual(15)
    expect(invalid.length).toBeGreaterThanOrEqual(5)
    expect(blocks.filter((b) => b.lang === 'ts').length).toBeGreaterThanOrEqual(3)
    // every scheduler type has a valid example
    const types = new Set(valid.flatMap((b) => [...b.code.matchAll(/"type":\s*"(\w+)"/g)].map((m) => m[1])))
    expect([...types].sort()).toEqual(
      [
        'StepLR',
        'MultiStepLR',
        'ConstantLR',
        'LinearLR',
        'ExponentialLR',
        'PolynomialLR',
        'CosineAnnealingLR',
        'CosineAnnealingWarmRestarts',
        'CyclicLR',
        'OneCycleLR',
        'ReduceLROnPlateau',
        'LambdaLR',
        'MultiplicativeLR',
        'SWALR',
        'SequentialLR',
        'ChainedScheduler',
        'Every'
      ].sort()
    )
  })

  test.each(valid.map((b) => [label(file, b), b] as const))('%s: the JSON example decodes', (_l, b) => {
    const r = decodeSchedule(JSON.parse(b.code), { functions })
    expect(r._tag === 'Left' ? formatConfigErrors(r.left) : []).toEqual([])
  })

  test.each(invalid.map((b) => [label(file, b), b] as const))('%s: the invalid JSON example gives exactly the error lines shown after it', (_l, b) => {
    const m = /^<!-- invalid(?: groups=(\d+))? -->$/.exec(b.before)
    expect(m, `unknown marker ${b.before}`).not.toBeNull()
    const next = blocks[blocks.indexOf(b) + 1]
    expect(next?.lang, 'the block after an invalid example must be a ```text block of its errors').toBe('text')
    const ctx = m![1] === undefined ? { functions } : { functions, groups: Number(m![1]) }
    const r = decodeSchedule(JSON.parse(b.code), ctx)
    expect(r._tag === 'Left' ? formatConfigErrors(r.left) : ['(it decodes)']).toEqual(next!.code.split('\n'))
  })

  test.each(blocks.filter((b) => b.lang === 'ts').map((b) => [label(file, b), b] as const))('%s: the TypeScript example runs', async (_l, b) => {
    await run(file, b)
  })
})

// -------------------------------------------------------------------------------------
// README.md, docs/schedulers.md: the examples that check something
// -------------------------------------------------------------------------------------

describe.each(['README.md', 'docs/schedulers.md', 'docs/presets/timm.md', 'docs/presets/fairseq.md', 'docs/presets/nemo.md'])('%s', (file) => {
  const checked = blocksOf(file).filter((b) => b.lang === 'ts' && b.code.includes('// =>'))
  test('has checked examples', () => {
    expect(checked.length).toBeGreaterThanOrEqual(1)
  })
  test.each(checked.map((b) => [label(file, b), b] as const))('%s: the TypeScript example runs', async (_l, b) => {
    await run(file, b)
  })
})

// -------------------------------------------------------------------------------------
// the harness itself
// -------------------------------------------------------------------------------------

describe('the example runner', () => {
  test('a false `// =>` fails', async () => {
    await expect(run('self', { lang: 'ts', code: "import { trace, stepLR } from 'lr-schedule'\ntrace(stepLR({ stepSize: 1 }), [1], 1).lr // => [[1], [1]]", line: 0, before: '' })).rejects.toThrow()
  })
  test('a true `// =>` passes', async () => {
    await run('self', { lang: 'ts', code: "import { trace, stepLR } from 'lr-schedule'\ntrace(stepLR({ stepSize: 1 }), [1], 1).lr // => [[1], [0.1]]", line: 0, before: '' })
  })
})
