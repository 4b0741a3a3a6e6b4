// The built CLI, driven as a user would: a spawned process, real files and standard input.
// (`npm test` builds dist/ first.)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { cyclicLR, oneCycleLR, reduceLROnPlateau, trace } from '../../src/index.js'
import { cli, dir, expectFailure, file, root, wellFormed } from './run.js'

interface Fixture {
  readonly config: unknown
  readonly groups: ReadonlyArray<{ readonly lr: number; readonly momentum?: number }>
  readonly steps: number
  readonly metrics?: ReadonlyArray<number>
  readonly epochs?: ReadonlyArray<number>
  readonly lr: number[][]
  readonly momentum?: number[][]
}

describe('trace', () => {
  test('prints {"lr": rows} equal to the library fold, for 2 groups: row 0 after construction, N + 1 rows', () => {
    const config = file('warm.json', readFileSync(join(root, 'examples', 'warmup-cosine.json'), 'utf8'))
    const r = cli(['trace', config, '--lr', '0.1,0.01', '--steps', '300'])
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['lr'])
    expect(out.lr).toHaveLength(301)
    expect(out.lr[0]).toEqual([0.1 * 0.01, 0.01 * 0.01])
    expect(out.lr[100]).toEqual([0.1, 0.01])
  })

  test('numbers parse back to the same doubles, and a momentum-cycling schedule adds "momentum"', () => {
    const c = { type: 'CyclicLR', baseLr: 0.001, maxLr: [0.1, 0.07], stepSizeUp: 7, mode: 'exp_range', gamma: 0.97 }
    const r = cli(['trace', file('cyc.json', c), '--lr', '1,1', '--steps', '50'])
    const expected = trace(cyclicLR({ baseLr: 0.001, maxLr: [0.1, 0.07], stepSizeUp: 7, mode: 'exp_range', gamma: 0.97 }), [1, 1], 50)
    expect(JSON.parse(r.stdout)).toEqual({ lr: expected.lr, momentum: expected.momentum })
  })

  // The CLI's groups are SGD's (momentum 0): replay, from every fixture file, the first case that
  // names no function and starts from such groups. Bar: relative 1e-12, as test/pytorch.test.ts.
  const fixtures = readdirSync(join(root, 'test', 'fixtures', 'pytorch'))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const cases = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'pytorch', f), 'utf8')).cases as Array<Fixture>
      const c = cases.find((x) => x.epochs === undefined && !/lrLambda|scaleFn/.test(JSON.stringify(x.config)) && x.groups.every((g) => g.momentum === 0))
      return c === undefined ? [] : [[f, c] as const]
    })
  test.each(fixtures)('matches the PyTorch fixture %s (first eligible case)', (_f, fx) => {
    const args = ['trace', file('fx.json', fx.config), '--lr', fx.groups.map((g) => g.lr).join(','), '--steps', String(fx.steps)]
    if (fx.metrics !== undefined) args.push('--metrics', file('fxm.json', fx.metrics))
    const r = cli(args)
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout) as { lr: number[][]; momentum?: number[][] }
    const close = (a: number[][], e: number[][]) =>
      e.forEach((row, k) => row.forEach((v, i) => expect(Math.abs((a[k]?.[i] as number) - v)).toBeLessThanOrEqual(1e-12 * Math.abs(v))))
    close(out.lr, fx.lr)
    if (fx.momentum !== undefined) close(out.momentum ?? [], fx.momentum)
  })

  test('--format csv: header step,lr0,lr1 then one line per row', () => {
    const r = cli(['trace', file('step.json', { type: 'StepLR', stepSize: 2, gamma: 0.5 }), '--lr', '1,2', '--steps', '3', '--format', 'csv'])
    expect(r.stdout).toBe('step,lr0,lr1\n0,1,2\n1,1,2\n2,0.5,1\n3,0.5,1\n')
  })

  test('--format csv with momentum: step,lr0,momentum0', () => {
    const r = cli(['trace', file('c1.json', { type: 'CyclicLR', baseLr: 1, maxLr: 3, stepSizeUp: 2 }), '--lr', '1', '--steps', '2', '--format', 'csv'])
    expect(r.stdout).toBe('step,lr0,momentum0\n0,1,0.9\n1,2,0.8500000000000001\n2,3,0.8\n')
  })

  test('CONFIG - reads standard input', () => {
    const r = cli(['trace', '-', '--lr', '1', '--steps', '2'], JSON.stringify({ type: 'ExponentialLR', gamma: 0.5 }))
    expect(JSON.parse(r.stdout)).toEqual({ lr: [[1], [0.5], [0.25]] })
  })

  test('--metrics feeds ReduceLROnPlateau one metric per step', () => {
    const metrics = [5, 5, 5, 4, 4, 4]
    const r = cli(['trace', file('p.json', { type: 'ReduceLROnPlateau', patience: 1, factor: 0.5 }), '--lr', '1', '--steps', '6', '--metrics', file('m.json', metrics)])
    expect(JSON.parse(r.stdout).lr).toEqual(trace(reduceLROnPlateau({ patience: 1, factor: 0.5 }), [1], 6, metrics).lr)
  })
})

describe('plot', () => {
  test('draws a terminal chart with a legend, and --svg writes a well-formed SVG with labelled axes and one line per group', () => {
    const svg = join(dir, 'chart.svg')
    const r = cli(['plot', file('w.json', readFileSync(join(root, 'examples', 'warmup-cosine.json'), 'utf8')), '--lr', '0.1,0.05', '--steps', '1000', '--svg', svg])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('* lr of group 0   o lr of group 1')
    const text = readFileSync(svg, 'utf8')
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(wellFormed(text)).toBe(true)
    expect(text).toContain('>step</text>')
    expect(text).toContain('>learning rate</text>')
    expect(text.match(/<polyline /g)).toHaveLength(2)
  })
})

describe('validate', () => {
  test('prints ok and a one-line summary', () => {
    const r = cli(['validate', file('v.json', { type: 'SequentialLR', schedulers: [{ type: 'LinearLR', totalIters: 10 }, { type: 'ExponentialLR', gamma: 0.9 }], milestones: [10] })])
    expect(r.stdout).toBe('ok\nSequentialLR[LinearLR(startFactor 0.3333333333333333, endFactor 1, totalIters 10) until step 10, then ExponentialLR(gamma 0.9)]\n')
    expect(r.status).toBe(0)
  })

  test('lists every problem, one line each, with its path, and exits 1', () => {
    const bad = { type: 'SequentialLR', schedulers: [{ type: 'StepLR', stepSize: -1 }, { type: 'CosineAnnealingLR', tMax: 0, etaMn: 0 }], milestones: [5, 7] }
    expectFailure(cli(['validate', file('bad.json', bad)]), 1, [
      'schedulers[0].stepSize: expected a positive integer, got -1',
      'schedulers[1].etaMn: unknown argument of CosineAnnealingLR (it takes tMax, etaMin)',
      'schedulers[1].tMax: expected a positive integer, got 0',
      'milestones: expected 1 milestone (one fewer than the 2 schedulers), got [5,7]',
      ''
    ])
  })
})

describe('bad input: exit status 1, one line per problem naming the field, nothing on stdout, no stack trace', () => {
  test('invalid JSON', () => {
    const r = cli(['trace', file('broken.json', '{"type": "StepLR", '), '--lr', '1', '--steps', '3'])
    expect(r.stderr).toMatch(/^config: invalid JSON at line 1, column 20: /)
    expectFailure(r, 1, [r.stderr.split('\n')[0] as string])
  })

  test('a missing file', () => {
    expectFailure(cli(['validate', 'nope.json']), 1, ['config: cannot read nope.json (ENOENT)'])
  })

  test('a per-group list that does not match --lr', () => {
    expectFailure(cli(['trace', file('cyc2.json', { type: 'CyclicLR', baseLr: [0.1, 0.2], maxLr: 1 }), '--lr', '1,1,1', '--steps', '3']), 1, [
      'baseLr: expected 3 values (one per param group), got [0.1,0.2]'
    ])
  })

  test('stepping past OneCycleLR\'s total steps', () => {
    expect(() => trace(oneCycleLR({ maxLr: 1, totalSteps: 10 }), [1], 11)).toThrow()
    expectFailure(cli(['trace', file('one.json', { type: 'OneCycleLR', maxLr: 1, totalSteps: 10 }), '--lr', '1', '--steps', '11']), 1, [
      "step: tried to step 11 times, but OneCycleLR's totalSteps is 10"
    ])
  })

  test('bad metrics: a non-number, too few', () => {
    const c = file('p2.json', { type: 'ReduceLROnPlateau' })
    expectFailure(cli(['trace', c, '--lr', '1', '--steps', '3', '--metrics', file('m2.json', [1, 'x'])]), 1, [
      'metrics[1]: expected a finite number, got "x"',
      'metrics: expected at least 3 numbers (one per step), got 2'
    ])
    expectFailure(cli(['trace', c, '--lr', '1', '--steps', '3']), 1, ['metrics: expected 3 metrics (one per step: ReduceLROnPlateau reacts to a metric), got undefined'])
  })

  test('bad flag values: --lr and --steps', () => {
    const c = file('e.json', { type: 'ExponentialLR', gamma: 0.5 })
    expectFailure(cli(['trace', c, '--lr', '0.1,abc', '--steps', '-3']), 1, [
      '--lr[1]: expected a finite decimal number >= 0 (such as 0.1 or 3e-4), got "abc"',
      '--steps: expected an integer from 0 to 9007199254740990 in decimal digits, got "-3"'
    ])
  })

  test('an unregistered function name', () => {
    expectFailure(cli(['validate', file('l.json', { type: 'LambdaLR', lrLambda: 'warmup' })]), 1, [
      'lrLambda: expected a registered function name (none are registered), got "warmup"'
    ])
  })

  test('--functions MODULE registers the module\'s named exports', () => {
    const mod = file('fns.mjs', 'export const warmup = (t) => Math.min(1, (t + 1) / 4)\n')
    const r = cli(['trace', file('l2.json', { type: 'LambdaLR', lrLambda: 'warmup' }), '--lr', '1', '--steps', '4', '--functions', mod])
    expect(JSON.parse(r.stdout).lr).toEqual([[0.25], [0.5], [0.75], [1], [1]])
  })
})

describe('usage errors: exit status 2', () => {
  test.each([
    [['frobnicate'], 'unknown command: frobnicate (expected trace, plot, validate or resolve)'],
    [['trace', 'x.json', '--steps', '3'], 'trace needs --lr LR[,LR...] (the initial lr of every param group)'],
    [['trace', 'x.json', '--lr', '1'], 'trace needs --steps N'],
    [['trace', '--lr', '1', '--steps', '3'], 'trace needs a CONFIG (a JSON file, or - for standard input)'],
    [['plot', 'x.json', '--lr', '1', '--steps', '3', '--format', 'csv'], 'unknown option for plot: --format']
  ])('%j: %s', (args, line) => {
    const r = cli(args)
    expectFailure(r, 2, [line])
    expect(r.stderr).toContain('usage:')
  })
})
