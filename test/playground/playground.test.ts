/// <reference lib="dom" />
/**
 * The playground (playground/) in a real browser: Debian's Chromium (`/usr/bin/chromium`, or
 * CHROMIUM_PATH) driven by playwright-core, against the page as `scripts/playground.mjs` builds and
 * serves it. What the page shows is checked against what the CLI prints for the same config (its
 * numbers, its error lines, its CSV and JSON bytes) and against values worked out by hand.
 *
 * Without Chromium the tests are skipped with a message, unless REQUIRE_BROWSER=1 (CI sets it and
 * installs Chromium first), where its absence fails the suite.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plateauMetrics } from '../../scripts/gallery-lib.mjs'

const root = join(import.meta.dirname, '..', '..')
const executable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const available = existsSync(executable)
if (!available && process.env['REQUIRE_BROWSER'] === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${executable} (apt-get install chromium, or set CHROMIUM_PATH)`)
if (!available) console.warn(`playground tests skipped: no Chromium at ${executable} (apt-get install chromium, or set CHROMIUM_PATH)`)

// the flags this machine's Chromium needs headless (as root, no network: no background connections)
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const work = mkdtempSync(join(tmpdir(), 'lr-playground-'))
let server: ChildProcess | undefined
let url = ''
let browser: Browser
let context: BrowserContext
let page: Page

/** What `lr-schedule ARGS` prints on standard output (and its exit status, and standard error). */
const cli = (args: ReadonlyArray<string>): { readonly stdout: string; readonly stderr: string; readonly status: number } => {
  try {
    return { stdout: execFileSync('node', [join(root, 'dist', 'cli', 'main.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), stderr: '', status: 0 }
  } catch (e) {
    const x = e as { stdout: string; stderr: string; status: number }
    return { stdout: x.stdout, stderr: x.stderr, status: x.status }
  }
}

/** A file in the test's folder. */
const file = (name: string, text: string): string => {
  const path = join(work, name)
  writeFileSync(path, text)
  return path
}

/** How many times the page has drawn. */
const renders = (p: Page = page): Promise<number> => p.evaluate(() => (window as unknown as { playground: { renders: number } }).playground.renders)

/** Runs an action and waits for the page to draw after it. */
const act = async (action: () => Promise<unknown>, p: Page = page): Promise<void> => {
  const before = await renders(p)
  await action()
  await p.waitForFunction((n) => (window as unknown as { playground: { renders: number } }).playground.renders > n, before)
}

/** Types a config and its facts into the selected schedule. */
const type = async (fields: { readonly config?: string; readonly lr?: string; readonly steps?: string; readonly trainBatches?: string; readonly metrics?: string }, p: Page = page): Promise<void> => {
  for (const [id, v] of Object.entries(fields)) await act(() => p.fill(`#${id === 'config' ? 'config' : id}`, v), p)
}

interface Reading {
  readonly entry: number
  readonly what: string
  readonly group: number | undefined
  readonly value: number | undefined
}

/** The readout at step k (typed into "Read step"): every schedule's values. */
const readAt = async (k: number, p: Page = page): Promise<ReadonlyArray<Reading>> => {
  await p.fill('#cursor', String(k))
  expect(await p.getAttribute('#readout [data-step]', 'data-step')).toBe(String(k))
  return p.$$eval('#readout [data-entry]', (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset
      return { entry: Number(d['entry']), what: d['what'] as string, group: d['group'] === undefined ? undefined : Number(d['group']), value: d['value'] === '' ? undefined : Number(d['value']) }
    })
  )
}

const lrsAt = async (k: number, entry = 0, p: Page = page): Promise<ReadonlyArray<number | undefined>> =>
  (await readAt(k, p)).filter((r) => r.entry === entry && r.what === 'lr').map((r) => r.value)

const errors = (p: Page = page): Promise<ReadonlyArray<string>> => p.$$eval('#errors li', (els) => els.map((e) => e.textContent ?? ''))

/** The rows of the CLI's CSV: step k's lrs (and momenta). */
const csvRows = (csv: string): ReadonlyArray<ReadonlyArray<number>> =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').slice(1).map(Number))

/** The text of the download an action starts. */
const downloaded = async (action: () => Promise<unknown>): Promise<string> => {
  const [d] = await Promise.all([page.waitForEvent('download'), action()])
  const path = await d.path()
  return readFileSync(path, 'utf8')
}

const pick = async (title: string, p: Page = page): Promise<void> => {
  const value = await p.$eval('#picker', (s, t) => [...(s as HTMLSelectElement).options].find((o) => o.textContent === t)?.value, title)
  expect(value, `the picker has "${title}"`).toBeDefined()
  await act(() => p.selectOption('#picker', value as string), p)
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

describe.skipIf(!available)('the playground in Chromium', () => {
  beforeAll(async () => {
    const out = join(work, 'site')
    server = spawn('node', [join(root, 'scripts', 'playground.mjs'), '--out', out, '--serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
    url = await new Promise<string>((done, fail) => {
      let text = ''
      server?.stdout?.on('data', (b: Buffer) => {
        text += b.toString()
        const m = /serving on (http:\/\/localhost:[0-9]+\/)/.exec(text)
        if (m !== null) done(m[1] as string)
      })
      server?.on('exit', (code) => fail(new Error(`scripts/playground.mjs exited with ${code}: ${text}`)))
    })
    browser = await chromium.launch({ executablePath: executable, args: ARGS })
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { playground?: { renders: number } }).playground?.renders !== undefined)
    expect(problems).toEqual([])
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    server?.kill()
    rmSync(work, { recursive: true, force: true })
  })

  it('opens on warmup + cosine: its lrs at chosen steps are the CLI\'s, and the hand-worked ones', async () => {
    const csv = cli(['trace', join(root, 'examples', 'warmup-cosine.json'), '--lr', '0.0003', '--steps', '1000', '--format', 'csv']).stdout
    const rows = csvRows(csv)
    for (const k of [0, 1, 57, 99, 100, 101, 550, 999, 1000]) expect(await lrsAt(k)).toEqual(rows[k])
    // by hand: LinearLR from 0.01 × 3e-4 at step 0, the peak 3e-4 at the milestone, CosineAnnealingLR's
    // etaMin 1e-5 after its tMax 900 steps; relative 1e-12 (PyTorch's recurrence, not the closed form)
    const [at0] = await lrsAt(0)
    const [at100] = await lrsAt(100)
    const [at1000] = await lrsAt(1000)
    expect(Math.abs((at0 as number) - 3e-6) / 3e-6).toBeLessThan(1e-12)
    expect(Math.abs((at100 as number) - 3e-4) / 3e-4).toBeLessThan(1e-12)
    expect(Math.abs((at1000 as number) - 1e-5) / 1e-5).toBeLessThan(1e-12)
  })

  it('a typed config with two param groups: the values of StepLR worked out by hand', async () => {
    await type({ config: '{ "type": "StepLR", "stepSize": 10, "gamma": 0.5 }', lr: '0.1, 0.01', steps: '50' })
    expect(await errors()).toEqual([])
    // StepLR: lr · gamma^floor(k / stepSize); step 25: 0.1 · 0.5² and 0.01 · 0.5²
    expect(await lrsAt(25)).toEqual([0.025, 0.0025])
    expect(await lrsAt(9)).toEqual([0.1, 0.01])
    expect(await lrsAt(10)).toEqual([0.05, 0.005])
  })

  it('an invalid config: one inline error per problem, as the CLI prints them; the last valid chart stays', async () => {
    const chartBefore = await page.innerHTML('#chart svg')
    const boxBefore = await page.locator('#chart').boundingBox()
    const bad = '{ "type": "StepLR", "stepSize": 0, "gama": 0.5 }'
    await type({ config: bad })
    const expected = cli(['trace', file('bad.json', bad), '--lr', '0.1,0.01', '--steps', '50'])
    expect(expected.status).toBe(1)
    const lines = expected.stderr.trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(await errors()).toEqual(lines)
    expect((await errors()).some((l) => l.startsWith('stepSize:'))).toBe(true)
    expect((await errors()).some((l) => l.startsWith('gama:'))).toBe(true)
    expect(await page.getAttribute('#config', 'aria-invalid')).toBe('true')
    // the chart is the last valid one, drawn where it was: no layout jump
    expect((await page.innerHTML('#chart svg')).replace(/<line id="cursor-line"[^>]*>/, '')).toBe(chartBefore.replace(/<line id="cursor-line"[^>]*>/, ''))
    expect(await page.locator('#chart').boundingBox()).toEqual(boxBefore)
    expect(await lrsAt(25)).toEqual([0.025, 0.0025])
    // a bad fact names the CLI's flag
    await type({ config: '{ "type": "StepLR", "stepSize": 10, "gamma": 0.5 }', lr: '0.1, -1' })
    expect(await errors()).toEqual([cli(['trace', 'x.json', '--lr', '0.1, -1', '--steps', '50']).stderr.trim()])
    await type({ lr: '0.1, 0.01' })
    expect(await errors()).toEqual([])
  })

  it('exports the trace as the CLI prints it (CSV and JSON, byte for byte), and the config', async () => {
    await type({ config: '{ "type": "OneCycleLR", "maxLr": 0.5, "totalSteps": 120 }', lr: '0.02, 0.01', steps: '119' })
    const config = file('onecycle.json', '{ "type": "OneCycleLR", "maxLr": 0.5, "totalSteps": 120 }')
    const flags = ['--lr', '0.02,0.01', '--steps', '119']
    expect(await downloaded(() => page.click('#export-csv'))).toBe(cli(['trace', config, ...flags, '--format', 'csv']).stdout)
    expect(await downloaded(() => page.click('#export-json'))).toBe(cli(['trace', config, ...flags, '--format', 'json']).stdout)
    expect(JSON.parse(await downloaded(() => page.click('#export-config')))).toEqual({ type: 'OneCycleLR', maxLr: 0.5, totalSteps: 120 })
    // OneCycleLR cycles momentum: the readout shows it, as the CLI's momentum columns
    const rows = csvRows(cli(['trace', config, ...flags, '--format', 'csv']).stdout)
    const r = await readAt(30)
    expect(r.filter((x) => x.what === 'momentum').map((x) => x.value)).toEqual(rows[30]?.slice(2))
    const svg = await downloaded(() => page.click('#export-svg'))
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('momentum')
  })

  it('a shared link reproduces the chart', async () => {
    await type({ config: '{ "type": "CosineAnnealingLR", "tMax": 40, "etaMin": 0.001 }', lr: '0.1', steps: '60' })
    await act(() => page.click('input[name=axis][value=log]'))
    const svg = await page.innerHTML('#chart svg')
    const readings = await readAt(33)
    const other = await context.newPage()
    await other.goto(page.url())
    await other.waitForFunction(() => (window as unknown as { playground?: { renders: number } }).playground?.renders !== undefined)
    const strip = (s: string): string => s.replace(/<line id="cursor-line"[^>]*>/, '')
    expect(strip(await other.innerHTML('#chart svg'))).toBe(strip(svg))
    expect(await readAt(33, other)).toEqual(readings)
    expect(await other.inputValue('#config')).toBe('{ "type": "CosineAnnealingLR", "tMax": 40, "etaMin": 0.001 }')
    expect(svg).toContain('(log axis)')
    await other.close()
    await act(() => page.click('input[name=axis][value=linear]'))
  })

  it('overlays schedules to compare, each with its own colour and legend entry', async () => {
    await type({ config: '{ "type": "ExponentialLR", "gamma": 0.9 }', lr: '0.1', steps: '30' })
    await act(() => page.click('#add'))
    await type({ config: '{ "type": "StepLR", "stepSize": 5, "gamma": 0.5 }' })
    expect(await page.$$eval('[role=tab]', (t) => t.map((x) => x.textContent))).toEqual(['A', 'B'])
    expect(await page.$$eval('#legend li', (l) => l.map((x) => x.textContent))).toEqual(['A: ExponentialLR(gamma 0.9)', 'B: StepLR(stepSize 5, gamma 0.5)'])
    const strokes = await page.$$eval('#chart path', (ps) => [...new Set(ps.map((p) => p.getAttribute('stroke')))])
    expect(strokes.length).toBe(2)
    // by hand: ExponentialLR 0.1 · 0.9^7 (PyTorch's recurrence multiplies seven times: relative
    // 1e-12); StepLR 0.1 · 0.5^floor(7 / 5), exact
    const r = (await readAt(7)).filter((x) => x.what === 'lr')
    expect(r.map((x) => x.entry)).toEqual([0, 1])
    expect(Math.abs((r[0]?.value as number) / (0.1 * 0.9 ** 7) - 1)).toBeLessThan(1e-12)
    expect(r[1]?.value).toBe(0.05)
    await act(() => page.click('#remove'))
    expect(await page.$$eval('[role=tab]', (t) => t.length)).toBe(1)
  })

  it('picks any gallery schedule; a plateau schedule runs on the generated metrics, as the CLI with the same metrics', async () => {
    const options = await page.$$eval('#picker option', (o) => o.length - 1)
    const lists = readdirSync(join(root, 'scripts')).filter((f) => /^gallery-.*\.json$/.test(f))
    const gallery = lists.reduce((n, f) => n + JSON.parse(readFileSync(join(root, 'scripts', f), 'utf8')).length, 0)
    expect(options).toBe(1 + gallery + JSON.parse(readFileSync(join(root, 'playground', 'examples.json'), 'utf8')).length)
    await pick('ReduceLROnPlateau (on a noisy loss that flattens)')
    expect(await errors()).toEqual([])
    const config = file('plateau.json', await page.inputValue('#config'))
    const metrics = file('metrics.json', JSON.stringify(plateauMetrics(100)))
    const rows = csvRows(cli(['trace', config, '--lr', '0.1', '--steps', '100', '--metrics', metrics, '--format', 'csv']).stdout)
    for (const k of [0, 20, 40, 60, 80, 100]) expect(await lrsAt(k)).toEqual(rows[k])
    const r = await readAt(20)
    expect(r.find((x) => x.what === 'metric')?.value).toBe(plateauMetrics(100)[19])
    expect(await page.isVisible('#metrics-field')).toBe(true)
    // typed metrics: a loss that never improves halves the lr after patience 5 + 1 bad epochs
    await type({ metrics: Array.from({ length: 100 }, () => '1').join(', ') })
    expect((await lrsAt(6))[0]).toBe(0.1)
    expect((await lrsAt(7))[0]).toBe(0.05)
    await type({ metrics: '1, x' })
    expect((await errors())[0]).toMatch(/^metrics: invalid JSON/)
  })

  it("reads a trainer's own file (auto-detected), with the facts it needs as fields, as `--from hf`", async () => {
    await pick('Hugging Face TrainingArguments (JSON, transformers 5.x)')
    expect(await page.textContent('#detected')).toMatch(/^read as Hugging Face TrainingArguments/)
    expect(await page.isVisible('[data-flag="--train-batches"]')).toBe(true)
    // the hf format reads --world-size too (for a deepspeed block's batch check)
    expect(await page.isVisible('[data-flag="--world-size"]')).toBe(true)
    const f = file('training_args.json', await page.inputValue('#config'))
    const rows = csvRows(cli(['trace', f, '--from', 'hf', '--train-batches', '1001', '--format', 'csv']).stdout)
    expect(rows.length).toBe(503)
    for (const k of [0, 1, 15, 16, 17, 300, 502]) expect(await lrsAt(k)).toEqual(rows[k])
    const derived = await page.$$eval('#derived li', (l) => l.map((x) => x.textContent))
    expect(derived).toContain('warmup: 16 updates = ceil(502 × 0.03) (warmup_steps below 1 is a ratio)')
    // a missing fact names the flag, as the CLI does
    await type({ trainBatches: '' })
    expect(await errors()).toEqual([cli(['trace', f, '--from', 'hf']).stderr.trim()])
    // YAML, with 4.x's warmup_ratio
    await pick('Hugging Face TrainingArguments (YAML, 4.x\'s warmup_ratio)')
    const y = file('args.yaml', await page.inputValue('#config'))
    const yr = csvRows(cli(['trace', y, '--from', 'hf', '--train-batches', '250', '--format', 'csv']).stdout)
    for (const k of [0, 37, 38, 374, 375]) expect(await lrsAt(k)).toEqual(yr[k])
    // a ds_config, detected by its scheduler block, with the facts --from deepspeed reads
    await pick('DeepSpeed ds_config.json (WarmupDecayLR)')
    expect(await page.textContent('#detected')).toMatch(/^read as a DeepSpeed ds_config/)
    const d = file('ds_config.json', await page.inputValue('#config'))
    const dr = csvRows(cli(['trace', d, '--from', 'deepspeed', '--train-batches', '800', '--epochs', '2', '--world-size', '2', '--format', 'csv']).stdout)
    expect(dr.length).toBe(401)
    for (const k of [0, 1, 2, 100, 101, 400]) expect(await lrsAt(k)).toEqual(dr[k])
    // a LightningCLI config, detected by its lr_scheduler, as --from lightning
    await pick('LightningCLI config.yaml (OneCycleLR per step, accumulation)')
    expect(await page.textContent('#detected')).toMatch(/^read as a LightningCLI config/)
    expect(await page.isVisible('[data-flag="--world-size"]')).toBe(false)
    const l = file('config.yaml', await page.inputValue('#config'))
    const lr = csvRows(cli(['trace', l, '--from', 'lightning', '--train-batches', '400', '--format', 'csv']).stdout)
    expect(lr.length).toBe(801)
    // (the CLI also prints the momentum OneCycleLR cycles: its first column is the lr)
    for (const k of [0, 1, 80, 81, 400, 800]) expect(await lrsAt(k)).toEqual(lr[k]?.slice(0, 1))
    // an LLM Foundry YAML, detected by its scheduler's name (not a ds_config's type), as --from composer
    await pick('LLM Foundry training YAML (cosine_with_warmup, Composer)')
    expect(await page.textContent('#detected')).toMatch(/^read as an LLM Foundry/)
    const c = file('foundry.yaml', await page.inputValue('#config'))
    const cr = csvRows(cli(['trace', c, '--from', 'composer', '--format', 'csv']).stdout)
    expect(cr.length).toBe(4801)
    for (const k of [0, 1, 100, 101, 2400, 4800]) expect(await lrsAt(k)).toEqual(cr[k])
  })

  it('zooms to a step range and reads values with the keyboard', async () => {
    await type({ config: '{ "type": "LinearLR", "startFactor": 0.5, "totalIters": 100 }', lr: '0.2', steps: '200' })
    await page.fill('#from', '40')
    await page.fill('#to', '80')
    await page.press('#to', 'Enter')
    const ticks = (): Promise<ReadonlyArray<number>> =>
      page.$$eval('#chart text[text-anchor=middle]', (t) => t.map((x) => x.textContent).filter((x) => /^[0-9]+$/.test(x ?? '')).map(Number))
    await expect.poll(async () => [Math.min(...(await ticks())), Math.max(...(await ticks()))]).toSatisfy(([lo, hi]) => (lo as number) >= 40 && (hi as number) <= 80)
    await page.focus('#chart')
    await page.keyboard.press('Home')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    expect(await page.getAttribute('#readout [data-step]', 'data-step')).toBe('43')
    // LinearLR by hand: 0.2 · (0.5 + 0.5 · 43 / 100) = 0.2 · 0.715 = 0.143 (PyTorch's recurrence: relative 1e-12)
    const v = Number(await page.getAttribute('#readout [data-what=lr]', 'data-value'))
    expect(Math.abs(v - 0.143) / 0.143).toBeLessThan(1e-12)
    await page.keyboard.press('End')
    expect(await page.getAttribute('#readout [data-step]', 'data-step')).toBe('80')
    await act(() => page.keyboard.press('0'))
    expect(await page.inputValue('#to')).toBe('200')
  })

  it('is usable from the keyboard and at phone width: every control labelled, no horizontal scroll', async () => {
    const unlabelled = await page.$$eval('input, select, textarea, button', (els) =>
      els.filter((e) => {
        const el = e as HTMLInputElement
        return !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent?.trim()))
      }).map((e) => e.outerHTML.slice(0, 80))
    )
    expect(unlabelled).toEqual([])
    const phone = await context.newPage()
    await phone.setViewportSize({ width: 390, height: 844 })
    await phone.goto(url)
    await phone.waitForFunction(() => (window as unknown as { playground?: { renders: number } }).playground?.renders !== undefined)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await phone.screenshot({ path: join(tmpdir(), 'lr-schedule-playground-phone.png'), fullPage: true })
    await phone.close()
  })

  it('works offline once loaded (its service worker serves the page)', async () => {
    const p = await context.newPage()
    await p.goto(url)
    await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await p.reload()
    await p.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await context.setOffline(true)
    try {
      await p.reload()
      await p.waitForFunction(() => (window as unknown as { playground?: { renders: number } }).playground?.renders !== undefined)
      expect(await p.$$eval('#chart path', (x) => x.length)).toBeGreaterThan(0)
      await type({ config: '{ "type": "StepLR", "stepSize": 10, "gamma": 0.5 }', lr: '1', steps: '30' }, p)
      expect(await lrsAt(20, 0, p)).toEqual([0.25])
    } finally {
      await context.setOffline(false)
      await p.close()
    }
  })

  it('redraws after an edit at 10^5 steps × 4 groups, and for a 3-deep composite (medians reported)', async () => {
    const composite = (etaMin: number): string =>
      JSON.stringify({
        type: 'SequentialLR',
        milestones: [1000],
        schedulers: [
          { type: 'LinearLR', startFactor: 0.01, totalIters: 1000 },
          { type: 'ChainedScheduler', schedulers: [{ type: 'SequentialLR', milestones: [50000], schedulers: [{ type: 'CosineAnnealingLR', tMax: 50000, etaMin }, { type: 'ExponentialLR', gamma: 0.99999 }] }, { type: 'StepLR', stepSize: 20000, gamma: 0.7 }] }
        ]
      })
    const timings = async (config: (i: number) => string, lr: string, steps: string): Promise<ReadonlyArray<number>> => {
      await type({ config: config(0), lr, steps })
      expect(await errors()).toEqual([])
      const ms: number[] = []
      for (let i = 1; i <= 15; i++)
        ms.push(
          await page.evaluate(async (text) => {
            const area = document.getElementById('config') as HTMLTextAreaElement
            const pg = (window as unknown as { playground: { renders: number } }).playground
            const before = pg.renders
            const t0 = performance.now()
            area.value = text
            area.dispatchEvent(new Event('input', { bubbles: true }))
            while (pg.renders === before) await new Promise((r) => requestAnimationFrame(r))
            // the frame after the redraw: the chart on screen
            await new Promise((r) => requestAnimationFrame(r))
            return performance.now() - t0
          }, config(i))
        )
      return ms
    }
    const flat = await timings((i) => JSON.stringify({ type: 'CosineAnnealingLR', tMax: 100000, etaMin: i * 1e-6 }), '0.1, 0.05, 0.01, 0.001', '100000')
    const deep = await timings((i) => composite(i * 1e-6), '0.1, 0.05, 0.01, 0.001', '100000')
    const report = { 'CosineAnnealingLR, 10^5 steps × 4 groups': median(flat), '3-deep composite, 10^5 steps × 4 groups': median(deep) }
    console.log(`playground: edit → updated chart, median of 15 edits (ms): ${JSON.stringify(report)}`)
    writeFileSync(join(tmpdir(), 'lr-schedule-playground-timings.json'), JSON.stringify({ flat, deep, report }, null, 2))
    expect(flat.length + deep.length).toBe(30)
  })

  it('takes a screenshot of the page', async () => {
    await pick('Warmup, then cosine (examples/warmup-cosine.json)')
    await type({ lr: '0.1' })
    await act(() => page.click('#add'))
    await pick('hf.cosine_with_restarts')
    await page.fill('#cursor', '250')
    const path = process.env['PLAYGROUND_SCREENSHOT'] ?? join(tmpdir(), 'lr-schedule-playground.png')
    await page.screenshot({ path, fullPage: true })
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG')
    console.log(`playground: screenshot at ${path}`)
  })
})
