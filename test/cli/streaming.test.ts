// Issue 12, item 8: `trace` streams with flat memory, byte for byte what it printed when it held
// the whole trace; `plot` downsamples keeping peaks and floors; absurd --steps are flag errors.
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { traceArray } from '../../src/index.js'
import { fromConfig } from '../helpers/fromConfig.js'
import { metricSeq } from '../helpers/arbitraries.js'
import { bin, cli, cliToFile, dir, expectFailure, file, root } from './run.js'

/** The rows of a typed-array trace. */
const rowsOf = (a: Float64Array, n: number): number[][] => Array.from({ length: a.length / n }, (_, k) => Array.from(a.subarray(k * n, (k + 1) * n)))

/** What the CLI prints, by the contract's formatting (JSON.stringify; String per CSV field), from the library's checked fold. */
const expectedOutput = (config: Config, lrs: ReadonlyArray<number>, steps: number, format: 'json' | 'csv', metrics?: ReadonlyArray<number>): string => {
  const t = traceArray(fromConfig(config), lrs, steps, metrics)
  const lr = rowsOf(t.lr, t.groups)
  const momentum = t.momentum === undefined ? undefined : rowsOf(t.momentum, t.groups)
  if (format === 'json') return `${JSON.stringify(momentum === undefined ? { lr } : { lr, momentum })}\n`
  const header = ['step', ...lrs.map((_, i) => `lr${i}`), ...(momentum === undefined ? [] : lrs.map((_, i) => `momentum${i}`))]
  return `${[header.join(','), ...lr.map((row, k) => [k, ...row, ...(momentum?.[k] ?? [])].map(String).join(','))].join('\n')}\n`
}

const metrics = metricSeq(11, 20_000)
type Config = { readonly type: string } & Record<string, unknown>
const cases: ReadonlyArray<readonly [string, Config, ReadonlyArray<number>, boolean?]> = [
  ['warmup + cosine, 2 groups', JSON.parse(readFileSync(join(root, 'examples', 'warmup-cosine.json'), 'utf8')), [3e-4, 1e-5]],
  ['CyclicLR exp_range (momentum), 2 groups', { type: 'CyclicLR', baseLr: 0.001, maxLr: [0.1, 0.07], stepSizeUp: 700, mode: 'exp_range', gamma: 0.9997 }, [1, 1]],
  ['OneCycleLR (momentum), 3 groups', { type: 'OneCycleLR', maxLr: [0.5, 0.1, 1e-3], totalSteps: 10_000 }, [0.1, 0.1, 0.1]],
  ['chain of factors', { type: 'ChainedScheduler', schedulers: [{ type: 'ExponentialLR', gamma: 0.9995 }, { type: 'StepLR', stepSize: 3000, gamma: 0.3 }] }, [1]],
  ['warmup, then ReduceLROnPlateau (metrics)', { type: 'SequentialLR', schedulers: [{ type: 'LinearLR', totalIters: 50 }, { type: 'ReduceLROnPlateau', patience: 20 }], milestones: [50] }, [0.1], true]
]

describe('a non-finite lr is never printed (issue 12.6)', () => {
  test('ExponentialLR gamma 100 overflows at step 155 (100^154 < 1.8e308 < 100^155): exit 1, the schedule, the step and the group on stderr, nothing on stdout', () => {
    for (const format of ['json', 'csv'] as const) {
      const r = cli(['trace', file('overflow.json', { type: 'ExponentialLR', gamma: 100 }), '--lr', '1', '--steps', '10000', '--format', format])
      expect(r.status).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe("ExponentialLR: step 155 gives group 0 an lr of Infinity (a non-finite value is never emitted: check the schedule's arguments)\n")
    }
  })
})

describe('trace streams the same bytes as before (JSON.stringify / String of traceArray\'s rows), across blocks', { timeout: 120_000 }, () => {
  test.each(cases.map((c) => [c[0], c] as const))('%s: json and csv, 10,000 steps', (_label, [name, config, lrs, takesMetrics]) => {
    const ms = takesMetrics === true ? metrics : undefined
    for (const format of ['json', 'csv'] as const) {
      const args = ['trace', file(`s-${format}.json`, config), '--lr', lrs.join(','), '--steps', '10000', '--format', format]
      if (ms !== undefined) args.push('--metrics', file('s-m.json', ms))
      const r = cli(args)
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      expect(r.stdout === expectedOutput(config, lrs, 10_000, format, ms), `${name} (${format})`).toBe(true)
    }
  })

  test('0 steps: row 0 only', () => {
    const c = file('z.json', { type: 'CyclicLR', baseLr: 1, maxLr: 3, stepSizeUp: 2 })
    expect(cli(['trace', c, '--lr', '1', '--steps', '0']).stdout).toBe('{"lr":[[1]],"momentum":[[0.9]]}\n')
    expect(cli(['trace', c, '--lr', '1', '--steps', '0', '--format', 'csv']).stdout).toBe('step,lr0,momentum0\n0,1,0.9\n')
  })
})

describe('flat memory: 2,000,000 steps in a 64 MB heap (the whole trace took ~440 MB for json, ~600 MB for csv)', { timeout: 240_000 }, () => {
  const config = join(root, 'examples', 'warmup-cosine.json')
  const steps = 2_000_000
  const heap = ['--max-old-space-size=64']
  const last = traceArray(fromConfig(JSON.parse(readFileSync(config, 'utf8'))), [0.1, 0.01], steps)
  const lastRow = Array.from(last.lr.subarray(2 * steps))

  test('trace --format json', () => {
    const r = cliToFile(['trace', config, '--lr', '0.1,0.01', '--steps', String(steps)], 'big.json', heap)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const text = readFileSync(r.file, 'utf8')
    expect(text.startsWith('{"lr":[[0.001,0.0001],')).toBe(true)
    expect(text.endsWith(`,${JSON.stringify(lastRow)}]}\n`)).toBe(true)
    expect((text.match(/\[/g) ?? []).length).toBe(steps + 2)
  })

  test('trace --format csv', () => {
    const r = cliToFile(['trace', config, '--lr', '0.1,0.01', '--steps', String(steps), '--format', 'csv'], 'big.csv', heap)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const text = readFileSync(r.file, 'utf8')
    expect(text.endsWith(`\n${steps},${lastRow.join(',')}\n`)).toBe(true)
    expect(text.split('\n')).toHaveLength(steps + 3)
  })

  test('plot, with --svg', () => {
    const svg = join(dir, 'big.svg')
    const r = cli(['plot', config, '--lr', '0.1,0.01', '--steps', String(steps), '--svg', svg], undefined, heap)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(String(steps))
    // a bounded number of points per line (1,000 buckets of first, lowest, highest, last)
    for (const m of readFileSync(svg, 'utf8').matchAll(/<polyline class="series"[^>]* points="([^"]*)"/g)) expect(m[1]!.split(' ').length).toBeLessThanOrEqual(4000)
    expect(statSync(svg).size).toBeLessThan(200_000)
  })
})

describe('a reader that goes away', { timeout: 120_000 }, () => {
  test('| head: the CLI stops writing, without an error or a stack trace', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" trace "${join(root, 'examples', 'warmup-cosine.json')}" --lr 0.1 --steps 3000000 --format csv | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8'
    })
    expect(r.stderr.trim()).toBe('0')
  })
})

describe('failures leave standard output empty, even after blocks of rows', () => {
  test('stepping past OneCycleLR\'s end at step 10,001 (in the third block)', () => {
    const c = file('one.json', { type: 'OneCycleLR', maxLr: 1, totalSteps: 10_000 })
    for (const format of ['json', 'csv'])
      expectFailure(cli(['trace', c, '--lr', '1', '--steps', '20000', '--format', format]), 1, ["step: tried to step 10001 times, but OneCycleLR's totalSteps is 10000"])
  })

  test('--steps 2^32 and more is a trace like any other (it was an internal error: the typed array was too long)', () => {
    const c = file('one2.json', { type: 'OneCycleLR', maxLr: 1, totalSteps: 100 })
    for (const steps of ['4294967296', '9007199254740990'])
      for (const command of ['trace', 'plot'])
        expectFailure(cli([command, c, '--lr', '1', '--steps', steps]), 1, ["step: tried to step 101 times, but OneCycleLR's totalSteps is 100"])
  })
})

describe('--steps: anything but an integer from 0 to 2^53 - 2 in decimal digits is an error naming the flag (exit 1)', () => {
  const c = file('e.json', { type: 'ExponentialLR', gamma: 0.5 })
  test.each(['9007199254740991', '99999999999999999999', '-1', '1.5', '1e3', '0x10', '+5', ' 5', '', 'Infinity', 'NaN', '١٢'])('%j', (steps) => {
    expectFailure(cli(['trace', c, '--lr', '1', '--steps', steps]), 1, [`--steps: expected an integer from 0 to 9007199254740990 in decimal digits, got ${JSON.stringify(steps)}`])
  })
  test('a missing --steps is a usage error (exit 2)', () => {
    const r = cli(['plot', c, '--lr', '1'])
    expectFailure(r, 2, ['plot needs --steps N'])
  })
})

describe('plot keeps peaks and floors (the chart used to sample one row per column)', () => {
  // lr 0.1 at even steps, 1 at odd ones; 14,201 rows: every sampled row was even, the chart a flat
  // line at 0.1 where the lr reaches 1 every other step
  const c = file('zigzag.json', { type: 'CyclicLR', baseLr: 0.1, maxLr: 1, stepSizeUp: 1, stepSizeDown: 1, cycleMomentum: false })
  const steps = 71 * 2 * 100
  const t = traceArray(fromConfig({ type: 'CyclicLR', baseLr: 0.1, maxLr: 1, stepSizeUp: 1, stepSizeDown: 1, cycleMomentum: false }), [1], steps)
  test('the trace does reach 1 and 0.1 (the library fold)', () => {
    expect(Math.max(...t.lr)).toBeCloseTo(1, 12)
    expect(Math.min(...t.lr)).toBeCloseTo(0.1, 12)
  })

  test('terminal: every column spans the floor to the peak', () => {
    const r = cli(['plot', c, '--lr', '1', '--steps', String(steps)])
    expect(r.status).toBe(0)
    const grid = r.stdout.split('\n').slice(1, 17).map((l) => l.slice(l.indexOf('|') + 1))
    expect(grid).toHaveLength(16)
    // top row: the peak (1 is the axis's top); the floor 0.1 at row round(0.1 · 15) = 2 from the bottom
    expect(grid[0]).toBe('*'.repeat(72))
    expect(grid[13]).toBe('*'.repeat(72))
    expect(grid[14]).toBe(' '.repeat(72))
  })

  test('SVG: the line reaches the peak and the floor', () => {
    const svg = join(dir, 'zigzag.svg')
    expect(cli(['plot', c, '--lr', '1', '--steps', String(steps), '--svg', svg]).status).toBe(0)
    const text = readFileSync(svg, 'utf8')
    // the heights of the axis's ticks 0 and 1 (its grid lines), and of 0.1 between them
    const tickY = new Map([...text.matchAll(/<line [^>]*y1="([\d.]+)"[^>]*stroke="#e5e5e5"\/>\n<text [^>]*>([^<]*)<\/text>/g)].map((m) => [m[2], Number(m[1])]))
    const [y0, y1] = [tickY.get('0') as number, tickY.get('1') as number]
    expect(y0).toBeGreaterThan(y1)
    const ys = (/<polyline class="series"[^>]* points="([^"]*)"/.exec(text)?.[1] ?? '').split(' ').map((p) => Number(p.split(',')[1]))
    expect(Math.min(...ys)).toBeCloseTo(y1, 1)
    expect(Math.max(...ys)).toBeCloseTo(y0 + 0.1 * (y1 - y0), 1)
  })
})
