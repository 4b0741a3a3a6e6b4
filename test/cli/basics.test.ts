// Issue 12, item 10: the CLI's basics (--version, no arguments, decimal --lr, JSON errors with
// line and column), the SVG chart (titles, momentum and metric panels, lines that stay apart),
// the examples of README.md and docs/config.md as written, and `npm pack` on a fresh clone.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { cyclicLR, reduceLROnPlateau, traceArray } from '../../src/index.js'
import { findSyntaxError } from '../../src/cli/json.js'
import { configText } from '../../src/cli/text.js'
import { cli, dir, expectFailure, file, root, wellFormed } from './run.js'

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> }

describe('--version, --help, no arguments', () => {
  test('--version prints the package\'s version, exit 0', () => {
    const r = cli(['--version'])
    expect(r).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  test('no arguments: the usage on standard error, nothing on standard output, exit 2', () => {
    const r = cli([])
    expectFailure(r, 2, ['usage:'])
    expect(r.stderr).toContain('lr-schedule trace CONFIG')
  })

  test('--help: the usage on standard output, exit 0', () => {
    const r = cli(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^usage:\n/)
    expect(r.stderr).toBe('')
  })
})

describe('--lr: decimal numbers only, each entry checked, the flag named (exit 1)', () => {
  const c = file('b-e.json', { type: 'ExponentialLR', gamma: 0.5 })
  test.each([['0x10'], ['0b1'], ['0o7'], ['Infinity'], ['-Infinity'], ['NaN'], ['1e'], ['1e+'], ['.'], ['1_000'], ['1,,2'], [''], [' '], ['1,'], ['-0.1'], ['1e999']])('%j', (lr) => {
    const parts = lr.split(',')
    const bad = parts.flatMap((p, i) => {
      const ok = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(p) && Number.isFinite(Number(p)) && Number(p) >= 0
      return ok ? [] : [`--lr${parts.length > 1 ? `[${i}]` : ''}: expected a finite decimal number >= 0 (such as 0.1 or 3e-4), got ${JSON.stringify(p)}`]
    })
    expect(bad.length).toBeGreaterThan(0)
    expectFailure(cli(['trace', c, '--lr', lr, '--steps', '2']), 1, bad)
  })

  test.each([['0.1', [0.1]], ['3e-4,1E+2', [3e-4, 100]], ['.5, 1.', [0.5, 1]], ['+2,0', [2, 0]]])('%j is read as %j', (lr, lrs) => {
    const r = cli(['trace', c, '--lr', lr, '--steps', '1'])
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).lr[0]).toEqual(lrs)
  })
})

describe('JSON syntax errors name the line and column', () => {
  test('in the config', () => {
    const text = '{\n  "type": "StepLR",\n  "stepSize": 2 x\n}\n'
    expectFailure(cli(['validate', file('b-bad.json', text)]), 1, ['config: invalid JSON at line 3, column 17: expected \',\' or \'}\' after a property value, got "x"'])
    expectFailure(cli(['validate', '-'], '{"type": "StepLR",\n"stepSize": 01}'), 1, ['config: invalid JSON at line 2, column 14: expected \',\' or \'}\' after a property value, got "1"'])
    expectFailure(cli(['validate', '-'], '{"type": "StepLR"'), 1, ["config: invalid JSON at line 1, column 18: expected ',' or '}' after a property value, got the end of the input"])
    expectFailure(cli(['validate', '-'], '\n\n  {"type": \'StepLR\'}'), 1, ['config: invalid JSON at line 3, column 12: expected a value, got "\'"'])
  })

  test('in --metrics', () => {
    const c = file('b-p.json', { type: 'ReduceLROnPlateau' })
    expectFailure(cli(['trace', c, '--lr', '1', '--steps', '3', '--metrics', file('b-m.json', '[1,\n 2,\n 3,]')]), 1, ["metrics: invalid JSON at line 3, column 4: expected a value, got \"]\""])
  })

  // the scan that finds the place agrees with JSON.parse on what is JSON
  test('the scan finds an error exactly when JSON.parse throws (property)', () => {
    const alphabet = fc.constantFrom(...'{}[]:,"\\ \n\t0123456789-+.eEtrunlfasx/u'.split(''))
    const mutated = fc.tuple(fc.jsonValue(), fc.nat(), fc.nat(), fc.string({ unit: alphabet, maxLength: 3 })).map(([v, a, b, ins]) => {
      const s = JSON.stringify(v, null, a % 3 === 0 ? 2 : undefined) ?? 'null'
      const i = a % (s.length + 1)
      return s.slice(0, i) + ins + s.slice(Math.min(s.length, i + (b % 3)))
    })
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: alphabet, maxLength: 12 })), (text) => {
        let parses = true
        try {
          JSON.parse(text)
        } catch {
          parses = false
        }
        expect(findSyntaxError(text) === undefined).toBe(parses)
      }),
      { numRuns: 3000 }
    )
  })
})

const panelsOf = (svg: string) =>
  [...svg.matchAll(/<g class="panel" data-label="([^"]*)">([\s\S]*?)<\/g>/g)].map((m) => ({
    label: m[1],
    lines: [...m[2]!.matchAll(/<polyline class="series"([^>]*) points="([^"]*)"\/>/g)].map((l) => ({ attrs: l[1]!, points: l[2]!.split(' ').map((p) => p.split(',').map(Number)) }))
  }))

describe('SVG', () => {
  test('a long title is wrapped, whole, within the chart\'s width (it was cut at 107 characters)', () => {
    const schedulers = Array.from({ length: 6 }, (_, i) => ({ type: 'CosineAnnealingLR', tMax: 100 + i, etaMin: 1e-6 }))
    const c = file('b-long.json', { type: 'SequentialLR', schedulers, milestones: [100, 200, 300, 400, 500] })
    const svg = join(dir, 'b-long.svg')
    const r = cli(['plot', c, '--lr', '0.1', '--steps', '700', '--svg', svg])
    expect(r.status).toBe(0)
    const title = r.stdout.split('\n')[0] as string
    expect(title.length).toBeGreaterThan(300)
    const text = readFileSync(svg, 'utf8')
    expect(wellFormed(text)).toBe(true)
    const m = /<text class="title"[^>]* font-size="(\d+)">(.*?)<\/text>/.exec(text)
    const lines = [...(m?.[2] ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((l) => l[1] as string)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join(' ')).toBe(title)
    const fontSize = Number(m?.[1])
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(text)?.[1])
    for (const l of lines) expect(l.length * fontSize * 0.6).toBeLessThanOrEqual(width - 40)
    // the plot starts below the title's last line
    const area = /<rect class="plot-area" x="[\d.]+" y="([\d.]+)"/.exec(text)
    expect(Number(area?.[1])).toBeGreaterThan(16 + lines.length * fontSize)
  })

  test('a momentum-cycling schedule gets a momentum panel, labelled, with the momentum rows', () => {
    const c = file('b-cyc.json', { type: 'CyclicLR', baseLr: 0.01, maxLr: 0.1, stepSizeUp: 10 })
    const svg = join(dir, 'b-cyc.svg')
    expect(cli(['plot', c, '--lr', '1,1', '--steps', '100', '--svg', svg]).status).toBe(0)
    const text = readFileSync(svg, 'utf8')
    expect(wellFormed(text)).toBe(true)
    const panels = panelsOf(text)
    expect(panels.map((p) => p.label)).toEqual(['learning rate', 'momentum'])
    expect(text).toContain('>momentum</text>')
    const momentum = traceArray(cyclicLR({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 10 }), [1, 1], 100).momentum as Float64Array
    // the momentum panel's line takes as many distinct heights as the momentum trace has values (0.8 to 0.9)
    const heights = new Set(panels[1]!.lines[0]!.points.map((p) => p[1]))
    const values = new Set(Array.from(momentum).map((v) => v.toFixed(6)))
    expect(heights.size).toBe(values.size)
    expect(panels[1]!.lines).toHaveLength(2)
  })

  test('--metrics gets a metric panel, labelled, one point per step (metrics[k] at step k + 1)', () => {
    const ms = Array.from({ length: 30 }, (_, k) => 1 / (1 + (k % 7)))
    const c = file('b-pl.json', { type: 'ReduceLROnPlateau', patience: 2 })
    const svg = join(dir, 'b-pl.svg')
    expect(cli(['plot', c, '--lr', '1', '--steps', '30', '--metrics', file('b-plm.json', ms), '--svg', svg]).status).toBe(0)
    const text = readFileSync(svg, 'utf8')
    const panels = panelsOf(text)
    expect(panels.map((p) => p.label)).toEqual(['learning rate', 'metric'])
    expect(text).toContain('>metric</text>')
    expect(traceArray(reduceLROnPlateau({ patience: 2 }), [1], 30, ms).lr.length).toBe(31)
    // a staircase: 2 points per step but the last
    expect(panels[1]!.lines[0]!.points).toHaveLength(2 * 30 - 1)
    // x of metrics[0] is step 1: the second tick of a 30-step axis drawn on 700 px from x = 80
    expect(panels[1]!.lines[0]!.points[0]![0]).toBeCloseTo(80 + 700 / 30, 2)
  })

  test('identical lines stay apart: each its own colour, dash and width, and the legend shows the same', () => {
    const c = file('b-same.json', { type: 'CosineAnnealingLR', tMax: 50 })
    const svg = join(dir, 'b-same.svg')
    expect(cli(['plot', c, '--lr', '1,1,1,1', '--steps', '50', '--svg', svg]).status).toBe(0)
    const text = readFileSync(svg, 'utf8')
    const style = (attrs: string) => ['stroke', 'stroke-width', 'stroke-dasharray'].map((a) => new RegExp(` ${a}="([^"]*)"`).exec(attrs)?.[1] ?? '').join('|')
    const lines = panelsOf(text)[0]!.lines.map((l) => style(l.attrs))
    expect(lines).toHaveLength(4)
    expect(new Set(lines).size).toBe(4)
    expect(new Set(lines.map((l) => l.split('|')[2])).size).toBe(4) // the dashes alone tell them apart
    const legend = [...text.matchAll(/<line class="legend"([^>]*)\/>/g)].map((m) => style(m[1]!))
    expect(legend).toEqual(lines)
  })
})

describe('the examples of README.md and docs/config.md work as written', () => {
  test('docs/config.md: every `$ npx lr-schedule ...` of the CLI section prints what the page shows', () => {
    const page = readFileSync(join(root, 'docs', 'config.md'), 'utf8')
    const at = page.indexOf('## The CLI')
    const section = page.slice(at, page.indexOf('\n## ', at + 5))
    const blocks = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => b.startsWith('$ '))
    const work = mkdtempSync(join(tmpdir(), 'lr-schedule-docs-'))
    let ran = 0
    for (const block of blocks) {
      let last: ReturnType<typeof cli> | undefined
      for (const entry of block.split(/^\$ /m).filter((e) => e !== '')) {
        const [command, ...shown] = entry.replace(/\n$/, '').split('\n')
        const expected = shown.length === 0 ? '' : `${shown.join('\n')}\n`
        if (command === 'echo $?') {
          expect(`${last?.status}\n`, 'echo $?').toBe(expected)
          continue
        }
        const m = /^(?:echo '([^']*)' \| )?npx lr-schedule (.*?)(?:\s+#\s*(\S+): (.*))?$/.exec(command as string)
        expect(m, command).not.toBeNull()
        if (m?.[3] !== undefined) writeFileSync(join(work, m[3]), m[4] as string)
        last = cli((m?.[2] as string).split(/\s+/), m?.[1], [], { cwd: work })
        // as a terminal shows them: the output, then the errors
        expect(last.stdout + last.stderr, command).toBe(expected)
        ran++
      }
    }
    expect(ran).toBeGreaterThanOrEqual(4)
    rmSync(work, { recursive: true, force: true })
  })

  test('README.md: every `npx lr-schedule ...` line runs from the project folder (exit 0)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const lines = [...readme.matchAll(/^npx lr-schedule (.+?)(?:\s+#.*)?$/gm)].map((m) => m[1] as string)
    expect(lines.length).toBeGreaterThanOrEqual(3)
    const work = mkdtempSync(join(tmpdir(), 'lr-schedule-readme-'))
    cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true })
    for (const l of lines) {
      const r = cli(l.split(/\s+/), undefined, [], { cwd: work })
      expect(r.stderr, l).toBe('')
      expect(r.status, l).toBe(0)
    }
    rmSync(work, { recursive: true, force: true })
  })
})

describe('npm pack', () => {
  test('on a fresh clone (no dist/), the tarball holds dist/: prepack builds it', () => {
    expect(pkg.scripts['prepack']).toBeDefined()
    const clone = mkdtempSync(join(tmpdir(), 'lr-schedule-clone-'))
    // what a clone of the work tree holds: tracked files and new ones not ignored (not dist/)
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '' && f !== 'node_modules' && existsSync(join(root, f)))
    for (const f of tracked) {
      mkdirSync(dirname(join(clone, f)), { recursive: true })
      cpSync(join(root, f), join(clone, f))
    }
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'))
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))[0] as { files: Array<{ path: string }> }
    const files = packed.files.map((f) => f.path)
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/stream.js', 'dist/adapters/tfjs.js']) expect(files).toContain(f)
    rmSync(clone, { recursive: true, force: true })
  }, 300_000)
})

describe('configText: the JSON resolve prints', () => {
  test('indented by two, arrays of numbers or strings on one line, anything else as JSON.stringify puts it; it parses back', () => {
    const config = {
      type: 'SequentialLR',
      schedulers: [{ type: 'MultiStepLR', milestones: [30, 60, 90] }, { type: 'Every', period: 4, at: [1, 3], scheduler: { type: 'LambdaLR', lrLambda: 'a[b]' } }],
      milestones: [5],
      names: ['x, y', 'z']
    }
    const text = configText(config)
    expect(JSON.parse(text)).toEqual(config)
    expect(text.split('\n')).toEqual([
      '{',
      '  "type": "SequentialLR",',
      '  "schedulers": [',
      '    {',
      '      "type": "MultiStepLR",',
      '      "milestones": [30, 60, 90]',
      '    },',
      '    {',
      '      "type": "Every",',
      '      "period": 4,',
      '      "at": [1, 3],',
      '      "scheduler": {',
      '        "type": "LambdaLR",',
      '        "lrLambda": "a[b]"',
      '      }',
      '    }',
      '  ],',
      '  "milestones": [5],',
      '  "names": ["x, y", "z"]',
      '}'
    ])
  })
})
