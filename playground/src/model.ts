/**
 * The playground's model, free of the DOM: what the page holds (its schedules, each a config text
 * with its facts, and the view), how a schedule is computed — through the CLI's own argument parser
 * and `prepare` (src/cli/text.ts), so that errors read as `lr-schedule trace` prints them and the
 * numbers are the CLI's — and the page's state as a URL fragment.
 */
import { parseArgs } from '../../dist/cli/args.js'
import { summarize } from '../../dist/cli/summary.js'
import { checkMetrics, csvChunks, jsonChunks, parseJson, parseTrainerText, prepare } from '../../dist/cli/text.js'
import type { AnyScheduler } from '../../dist/core/model.js'
import { ScheduleError, takesMetric, traceArray, trainerConfigFormats } from '../../dist/index.js'
import { traceBlocks } from '../../dist/stream.js'
import { functions, plateauMetrics } from '../../scripts/gallery-lib.mjs'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** One schedule of the page: its config text, how to read it, and the facts it runs with (as typed). */
export interface Entry {
  /** The config: our JSON, or a trainer's file (JSON or YAML). */
  readonly text: string
  /** `auto`, `json` (our config) or a trainer format's name (`hf`, `keras`, …). */
  readonly format: string
  /** The initial lr of every param group, comma-separated (the CLI's `--lr`); empty: the trainer file's. */
  readonly lr: string
  /** Optimizer updates to trace (the CLI's `--steps`); empty: the trainer file's. */
  readonly steps: string
  readonly trainBatches: string
  readonly worldSize: string
  readonly epochs: string
  /** Metrics for a schedule that takes them, one per step (a JSON array or numbers separated by commas); empty: a generated noisy loss. */
  readonly metrics: string
}

/** The page: its schedules, the one being edited, and the view. */
export interface PageState {
  readonly entries: ReadonlyArray<Entry>
  readonly current: number
  readonly axis: 'linear' | 'log'
  /** The zoomed step range, when zoomed. */
  readonly range: readonly [number, number] | undefined
}

/** The most steps the page traces (its rows are held in memory; the CLI streams any length). */
export const MAX_PAGE_STEPS = 1_000_000

/** A computed schedule: its rows and everything the page shows of it, or the error lines. */
export type Computed =
  | {
      readonly ok: true
      readonly format: string
      readonly schedule: AnyScheduler
      readonly title: string
      readonly config: unknown
      readonly lr: ReadonlyArray<number>
      readonly steps: number
      readonly groups: number
      readonly rows: Float64Array
      readonly momentum: Float64Array | undefined
      readonly metrics: ReadonlyArray<number> | undefined
      readonly derived: ReadonlyArray<string>
    }
  | { readonly ok: false; readonly format: string; readonly lines: ReadonlyArray<string> }

// -------------------------------------------------------------------------------------
// formats
// -------------------------------------------------------------------------------------

/** The trainers' formats the library reads (`--from`), with the flags of the facts each uses. */
export const formats = trainerConfigFormats()

/**
 * The format of a text, guessed from its top-level keys: `type` is our JSON, `class_name` a Keras
 * `serialize()` dict, `scheduler` with a `name` (or `max_duration`) an LLM Foundry YAML, any other `scheduler` a DeepSpeed ds_config, `lr_scheduler` (or `fit`) a LightningCLI config, `sched` a timm
 * train.py args.yaml, TrainingArguments' keys a Hugging Face file; anything else is read as ours.
 */
export const detectFormat = (text: string): string => {
  const r = parseTrainerText(text)
  if (!r.ok || typeof r.value !== 'object' || r.value === null || Array.isArray(r.value)) return 'json'
  const keys = new Set(Object.keys(r.value))
  const has = (name: string): boolean => formats.some((f) => f.name === name)
  if (keys.has('type')) return 'json'
  if (keys.has('class_name') && has('keras')) return 'keras'
  const scheduler = (r.value as Record<string, unknown>)['scheduler']
  const named = typeof scheduler === 'object' && scheduler !== null && 'name' in scheduler
  if ((named || keys.has('max_duration')) && has('composer')) return 'composer'
  if (keys.has('scheduler') && has('deepspeed')) return 'deepspeed'
  if ((keys.has('lr_scheduler') || keys.has('fit')) && has('lightning')) return 'lightning'
  if (keys.has('sched') && has('timm')) return 'timm'
  const hf = ['lr_scheduler_type', 'learning_rate', 'warmup_steps', 'warmup_ratio', 'max_steps', 'num_train_epochs', 'lr_scheduler_kwargs']
  if (hf.some((k) => keys.has(k)) && has('hf')) return 'hf'
  return 'json'
}

// -------------------------------------------------------------------------------------
// computing
// -------------------------------------------------------------------------------------

/** The metrics a metric-taking schedule runs on: the entry's, or the generated series. */
const metricsOf = (entry: Entry, steps: number): { readonly ok: true; readonly value: ReadonlyArray<number> } | { readonly ok: false; readonly lines: ReadonlyArray<string> } => {
  const text = entry.metrics.trim()
  if (text === '') return { ok: true, value: plateauMetrics(steps) }
  const parsed = parseJson(text.startsWith('[') ? text : `[${text}]`, 'metrics')
  if (!parsed.ok) return parsed
  const r = checkMetrics(parsed.value, steps)
  return r.ok ? { ok: true, value: r.value as ReadonlyArray<number> } : r
}

/** The CLI's arguments for an entry: `trace config --lr … --steps … [--from FORMAT …]`. */
export const argvOf = (entry: Entry, format: string): ReadonlyArray<string> => {
  const flag = (name: string, value: string): ReadonlyArray<string> => (value.trim() === '' ? [] : [name, value.trim()])
  const from = format === 'json' ? [] : ['--from', format, ...flag('--train-batches', entry.trainBatches), ...flag('--world-size', entry.worldSize), ...flag('--epochs', entry.epochs)]
  return ['trace', 'config', ...flag('--lr', entry.lr), ...flag('--steps', entry.steps), ...from]
}

/**
 * An entry computed as `lr-schedule trace` computes it: the same argument checks, the same decoding
 * and trainer reading, the same fold; its errors the CLI's lines (a usage error: its first line).
 */
export const compute = (entry: Entry): Computed => {
  const format = entry.format === 'auto' ? detectFormat(entry.text) : entry.format
  const fail = (lines: ReadonlyArray<string>): Computed => ({ ok: false, format, lines })
  const cmd = parseArgs(argvOf(entry, format))
  if ('status' in cmd) return fail(cmd.status === 2 ? cmd.lines.slice(0, 1) : cmd.lines)
  if (cmd.command !== 'trace') return fail(['internal: not a trace'])
  const p = prepare(cmd, entry.text, functions)
  if (!p.ok) return fail(p.lines)
  const lr = p.lr as ReadonlyArray<number>
  const steps = p.steps as number
  if (steps > MAX_PAGE_STEPS) return fail([`--steps: at most ${MAX_PAGE_STEPS.toLocaleString('en')} on this page (the CLI streams any length), got ${steps}`])
  let metrics: ReadonlyArray<number> | undefined
  if (takesMetric(p.schedule)) {
    const m = metricsOf(entry, steps)
    if (!m.ok) return fail(m.lines)
    metrics = m.value
  }
  try {
    const t = traceArray(p.schedule, lr, steps, metrics)
    return {
      ok: true,
      format,
      schedule: p.schedule,
      title: summarize(p.schedule.config),
      config: p.config,
      lr,
      steps,
      groups: t.groups,
      rows: t.lr,
      momentum: t.momentum,
      metrics,
      derived: p.derived
    }
  } catch (e) {
    if (e instanceof ScheduleError) return fail([e.message])
    throw e
  }
}

/** The trace as `lr-schedule trace --format csv` prints it. */
export const csvOf = (c: Extract<Computed, { ok: true }>): string => [...csvChunks(traceBlocks(c.schedule, c.lr, c.steps, c.metrics))].join('')

/** The trace as `lr-schedule trace --format json` prints it. */
export const jsonOf = (c: Extract<Computed, { ok: true }>): string => [...jsonChunks(() => traceBlocks(c.schedule, c.lr, c.steps, c.metrics))].join('')

// -------------------------------------------------------------------------------------
// the URL
// -------------------------------------------------------------------------------------

const ENTRY_KEYS = ['text', 'format', 'lr', 'steps', 'trainBatches', 'worldSize', 'epochs', 'metrics'] as const

/** An entry with every field a string (missing ones empty). */
export const entry = (fields: Partial<Entry>): Entry => Object.fromEntries(ENTRY_KEYS.map((k) => [k, String(fields[k] ?? (k === 'format' ? 'auto' : ''))])) as unknown as Entry

/** The page's state as a URL fragment: `#v1.` and the base64url of its JSON (UTF-8). */
export const encodeState = (s: PageState): string => {
  const json = JSON.stringify({ entries: s.entries.map((e) => ENTRY_KEYS.map((k) => e[k])), current: s.current, axis: s.axis, range: s.range ?? null })
  let bin = ''
  for (const b of new TextEncoder().encode(json)) bin += String.fromCharCode(b)
  return `#v1.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`
}

/** A URL fragment read back into the page's state; undefined when it is not one `encodeState` wrote. */
export const decodeState = (hash: string): PageState | undefined => {
  const m = /^#v1\.([A-Za-z0-9_-]+)$/.exec(hash)
  if (m === null) return undefined
  try {
    const bin = atob((m[1] as string).replace(/-/g, '+').replace(/_/g, '/'))
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))) as Record<string, unknown>
    const rows = v['entries']
    if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => Array.isArray(r) && r.length === ENTRY_KEYS.length && r.every((x) => typeof x === 'string'))) return undefined
    const entries = rows.map((r: ReadonlyArray<string>) => entry(Object.fromEntries(ENTRY_KEYS.map((k, i) => [k, r[i]]))))
    const current = typeof v['current'] === 'number' && Number.isInteger(v['current']) && v['current'] >= 0 && v['current'] < entries.length ? v['current'] : 0
    const axis = v['axis'] === 'log' ? 'log' : 'linear'
    const r = v['range']
    const range = Array.isArray(r) && r.length === 2 && r.every((x) => Number.isSafeInteger(x) && x >= 0) && r[0] < r[1] ? ([r[0], r[1]] as const) : undefined
    return { entries, current, axis, range }
  } catch {
    return undefined
  }
}
