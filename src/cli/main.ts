#!/usr/bin/env node
/**
 * `lr-schedule`: trace, plot and validate declarative schedules (../shared/contract.md §3).
 * A thin shell: it reads files and writes output; everything else is the pure library.
 * Exit status: 0 on success, 1 for bad input (invalid JSON or config, bad values, stepping past a
 * schedule's end), 2 for usage errors; every problem is one line on standard error, nothing on
 * standard output.
 *
 * `trace` streams: the fold hands its rows out in blocks (src/stream.ts), each written out before
 * the next is computed, waiting for standard output to drain; memory stays flat at any `--steps`.
 * Since a step may fail (past OneCycleLR's end) and a failure must leave standard output empty, the
 * fold runs once to its end without printing before the pass that prints. JSON puts `momentum`
 * after `lr`: its rows come from one more pass of the fold (the same numbers: a fold is a pure
 * function of its arguments). `plot` reads the rows once into sketches of bounded size (chart.ts).
 *
 * @internal
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ScheduleError } from '../core/errors.js'
import type { AnyScheduler } from '../core/model.js'
import { traceBlocks } from '../stream.js'
import { type Command, USAGE, parseArgs } from './args.js'
import { type LineSketch, type Panel, METRIC_STYLE, columnSketch, lineSketch, svgChartOf, terminalChartOf } from './chart.js'
import { checkMetrics, configText, csvChunks, jsonChunks, parseJson as parseJsonLines, prepare } from './text.js'
import { summarize } from './summary.js'

/** A failure: the lines for standard error and the exit status. */
class Failure {
  constructor(
    readonly lines: ReadonlyArray<string>,
    readonly status: 1 | 2 = 1
  ) {}
}

/**
 * Where the output goes: `write` returns a promise when the reader is behind (wait for it before
 * writing more); `failed` is the error that ended the output (a reader that went away: EPIPE).
 *
 * @example
 * const out: Output = streamOutput(process.stdout)
 *
 * @category cli
 * @since 0.2.0
 */
export interface Output {
  readonly write: (text: string) => Promise<void> | undefined
  readonly failed: () => NodeJS.ErrnoException | undefined
}

/**
 * An `Output` over a stream, with back-pressure ('drain') and its errors kept, not thrown.
 *
 * @example
 * const out = streamOutput(process.stdout)
 * await out.write('{"lr":[') // waits only when standard output is behind
 *
 * @category cli
 * @since 0.2.0
 */
export const streamOutput = (stream: NodeJS.WritableStream): Output => {
  let failed: NodeJS.ErrnoException | undefined
  stream.on('error', (e: NodeJS.ErrnoException) => {
    failed ??= e
  })
  return {
    write: (text) => {
      if (failed !== undefined || stream.write(text)) return undefined
      return new Promise<void>((done) => {
        const finish = (): void => {
          stream.off('drain', finish)
          stream.off('error', finish)
          done()
        }
        stream.on('drain', finish)
        stream.on('error', finish)
      })
    },
    failed: () => failed
  }
}

const read = (file: string, what: string): string => {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
  } catch (e) {
    throw new Failure([`${what}: cannot read ${file === '-' ? 'standard input' : file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`])
  }
}

const parseJson = (text: string, what: string): unknown => {
  const r = parseJsonLines(text, what)
  if (!r.ok) throw new Failure(r.lines)
  return r.value
}

const loadFunctions = async (file: string | undefined): Promise<Readonly<Record<string, (x: number) => number>>> => {
  if (file === undefined) return {}
  try {
    const mod = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>
    return Object.fromEntries(Object.entries(mod).filter((e): e is [string, (x: number) => number] => typeof e[1] === 'function'))
  } catch (e) {
    throw new Failure([`--functions: cannot load ${file} (${(e as Error).message.split('\n')[0]})`])
  }
}

const readMetrics = (file: string | undefined, steps: number): ReadonlyArray<number> | undefined => {
  if (file === undefined) return undefined
  const r = checkMetrics(parseJson(read(file, 'metrics'), 'metrics'), steps)
  if (!r.ok) throw new Failure(r.lines)
  return r.value as ReadonlyArray<number>
}

/** The package's version, from its package.json (two folders up from dist/cli/). */
const version = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/**
 * Runs a command: its output into `out`, its errors (one line each) into `err`; returns the exit
 * status.
 *
 * @example
 * process.exitCode = await run(['--version'], streamOutput(process.stdout), (t) => process.stderr.write(t)) // prints 0.1.0, exit status 0
 *
 * @category cli
 * @since 0.2.0
 */
export const run = async (argv: ReadonlyArray<string>, out: Output, err: (text: string) => void): Promise<number> => {
  const parsed = parseArgs(argv)
  if ('status' in parsed) {
    err(`${parsed.lines.join('\n')}\n`)
    return parsed.status
  }
  try {
    if (parsed.command === 'help') await out.write(`${USAGE}\n`)
    else if (parsed.command === 'version') await out.write(`${version()}\n`)
    else await execute(parsed, out, err)
    const failed = out.failed()
    // a reader that stopped reading (`| head`) is not an error of ours
    if (failed !== undefined && failed.code !== 'EPIPE') throw new Failure([`output: cannot write (${failed.code ?? failed.message})`])
    return 0
  } catch (e) {
    if (e instanceof Failure) {
      err(`${e.lines.join('\n')}\n`)
      return e.status
    }
    if (e instanceof ScheduleError) {
      err(`${e.message}\n`)
      return 1
    }
    err(`internal error: ${(e as Error).message ?? String(e)}\n`)
    return 1
  }
}

/** A trace or a plot with its lrs and steps settled (from the flags, or from a trainer's file). */
type Traced = Extract<Command, { readonly command: 'trace' | 'plot' }> & { readonly lr: ReadonlyArray<number>; readonly steps: number }

const execute = async (cmd: Exclude<Command, { readonly command: 'help' | 'version' }>, out: Output, err: (text: string) => void): Promise<void> => {
  const p = prepare(cmd, read(cmd.config, 'config'), await loadFunctions(cmd.functions))
  if (!p.ok) throw new Failure(p.lines, p.status)
  if (cmd.command === 'resolve') {
    await out.write(`${configText(p.config)}\n`)
    err(`${p.derived.join('\n')}\n`)
    return
  }
  if (cmd.command !== 'trace' && cmd.command !== 'plot') {
    await out.write(`ok\n${summarize(p.schedule.config)}\n`)
    return
  }
  const s = p.schedule
  const traced: Traced = { ...cmd, lr: p.lr as ReadonlyArray<number>, steps: p.steps as number }
  const metrics = readMetrics(cmd.metrics, traced.steps)
  if (cmd.command === 'plot') return plot(traced, s, metrics, out)
  // the whole fold first, printing nothing: a step that throws leaves standard output empty
  for (const _ of traceBlocks(s, traced.lr, traced.steps, metrics));
  if (cmd.format === 'json') await traceJson(traced, s, metrics, out)
  else await traceCsv(traced, s, metrics, out)
}

/** The trace as JSON (text.ts's `jsonChunks`), written as it is made, waiting when the reader is behind. */
const traceJson = async (cmd: Traced, s: AnyScheduler, metrics: ReadonlyArray<number> | undefined, out: Output): Promise<void> => {
  for (const text of jsonChunks(() => traceBlocks(s, cmd.lr, cmd.steps, metrics))) {
    await out.write(text)
    if (out.failed() !== undefined) return
  }
}

/** The trace as CSV (text.ts's `csvChunks`), written as it is made. */
const traceCsv = async (cmd: Traced, s: AnyScheduler, metrics: ReadonlyArray<number> | undefined, out: Output): Promise<void> => {
  for (const text of csvChunks(traceBlocks(s, cmd.lr, cmd.steps, metrics))) {
    await out.write(text)
    if (out.failed() !== undefined) return
  }
}

/** The terminal chart (and the SVG), from one pass of the fold into sketches of bounded size. */
const plot = async (cmd: Traced, s: AnyScheduler, metrics: ReadonlyArray<number> | undefined, out: Output): Promise<void> => {
  const rows = cmd.steps + 1
  const groups = cmd.lr.length
  const terminal = columnSketch(rows, groups)
  const lr = cmd.svg === undefined ? undefined : lineSketch(rows, groups)
  let momentum: LineSketch | undefined
  for (const b of traceBlocks(s, cmd.lr, cmd.steps, metrics)) {
    terminal.push(b.lr, b.rows)
    lr?.push(b.lr, b.rows)
    if (cmd.svg !== undefined && b.momentum !== undefined) {
      momentum ??= lineSketch(rows, groups)
      momentum.push(b.momentum, b.rows)
    }
  }
  const title = summarize(s.config)
  if (cmd.svg !== undefined && lr !== undefined) {
    const panels: Panel[] = [{ label: 'learning rate', lines: lr }]
    if (momentum !== undefined) panels.push({ label: 'momentum', lines: momentum, fromZero: false })
    if (metrics !== undefined && cmd.steps > 0) {
      // metrics[k] is the metric of step k + 1
      const m = lineSketch(cmd.steps, 1, undefined, 1)
      const block = new Float64Array(4096)
      for (let k = 0; k < cmd.steps; k += block.length) {
        const count = Math.min(block.length, cmd.steps - k)
        for (let j = 0; j < count; j++) block[j] = metrics[k + j] as number
        m.push(block, count)
      }
      panels.push({ label: 'metric', lines: m, fromZero: false, style: () => METRIC_STYLE })
    }
    try {
      writeFileSync(cmd.svg, svgChartOf(panels, cmd.steps, { title }))
    } catch (e) {
      throw new Failure([`--svg: cannot write ${cmd.svg} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`])
    }
  }
  await out.write(`${terminalChartOf(terminal, { title })}\n`)
}

// run as a program (not when imported by tests); through npm's bin link, argv[1] is a symlink
const invoked = process.argv[1] === undefined ? undefined : realpathSync(process.argv[1])
if (invoked !== undefined && import.meta.url === pathToFileURL(invoked).href) {
  process.exitCode = await run(process.argv.slice(2), streamOutput(process.stdout), (text) => process.stderr.write(text))
}
