#!/usr/bin/env node
/**
 * `lr-schedule`: trace, plot and validate declarative schedules (../shared/contract.md §3).
 * A thin shell: it reads files and writes output; everything else is the pure library.
 * Exit status: 0 on success, 1 for bad input (invalid JSON or config, bad values, stepping past a
 * schedule's end), 2 for usage errors; every problem is one line on standard error, nothing on
 * standard output.
 *
 * @internal
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { ScheduleError } from '../core/errors.js'
import { traceArray } from '../folds.js'
import { decodeSchedule, formatConfigErrors } from '../json/decode.js'
import { type Command, USAGE, parseArgs } from './args.js'
import { svgChart, terminalChart } from './chart.js'
import { summarize } from './summary.js'

/** A failure: the lines for standard error and the exit status. */
class Failure {
  constructor(
    readonly lines: ReadonlyArray<string>,
    readonly status: 1 | 2 = 1
  ) {}
}

const read = (file: string, what: string): string => {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
  } catch (e) {
    throw new Failure([`${what}: cannot read ${file === '-' ? 'standard input' : file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`])
  }
}

const parseJson = (text: string, what: string): unknown => {
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new Failure([`${what}: invalid JSON (${(e as Error).message})`])
  }
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
  const m = parseJson(read(file, 'metrics'), 'metrics')
  if (!Array.isArray(m)) throw new Failure([`metrics: expected a JSON array of numbers (one per step), got ${JSON.stringify(m)?.slice(0, 60)}`])
  const errors = m.flatMap((x, i) => (typeof x === 'number' && Number.isFinite(x) ? [] : [`metrics[${i}]: expected a finite number, got ${JSON.stringify(x)}`]))
  if (m.length < steps) errors.push(`metrics: expected at least ${steps} numbers (one per step), got ${m.length}`)
  if (errors.length > 0) throw new Failure(errors)
  return m as ReadonlyArray<number>
}

const rowsOf = (a: Float64Array, groups: number): number[][] =>
  Array.from({ length: a.length / groups }, (_, k) => Array.from(a.subarray(k * groups, (k + 1) * groups)))

/** Runs a command; returns what to print and the exit status. */
export const run = async (argv: ReadonlyArray<string>): Promise<{ readonly stdout: string; readonly stderr: string; readonly status: number }> => {
  const parsed = parseArgs(argv)
  if ('status' in parsed) return { stdout: '', stderr: `${parsed.lines.join('\n')}\n`, status: parsed.status }
  if (parsed.command === 'help') return { stdout: `${USAGE}\n`, stderr: '', status: 0 }
  try {
    return { stdout: await execute(parsed), stderr: '', status: 0 }
  } catch (e) {
    if (e instanceof Failure) return { stdout: '', stderr: `${e.lines.join('\n')}\n`, status: e.status }
    if (e instanceof ScheduleError) return { stdout: '', stderr: `${e.message}\n`, status: 1 }
    return { stdout: '', stderr: `internal error: ${(e as Error).message ?? String(e)}\n`, status: 1 }
  }
}

const execute = async (cmd: Exclude<Command, { readonly command: 'help' }>): Promise<string> => {
  const json = parseJson(read(cmd.config, 'config'), 'config')
  const functions = await loadFunctions(cmd.functions)
  const decoded = decodeSchedule(json, cmd.lr === undefined ? { functions } : { functions, groups: cmd.lr.length })
  if (E.isLeft(decoded)) throw new Failure(formatConfigErrors(decoded.left))
  const s = decoded.right
  if (cmd.command === 'validate') return `ok\n${summarize(s.config)}\n`
  const metrics = readMetrics(cmd.metrics, cmd.steps)
  const t = traceArray(s, cmd.lr, cmd.steps, metrics)
  const lr = rowsOf(t.lr, t.groups)
  const momentum = t.momentum === undefined ? undefined : rowsOf(t.momentum, t.groups)
  if (cmd.command === 'plot') {
    const title = summarize(s.config)
    if (cmd.svg !== undefined) {
      try {
        writeFileSync(cmd.svg, svgChart(lr, { title: title.length > 110 ? `${title.slice(0, 107)}...` : title }))
      } catch (e) {
        throw new Failure([`--svg: cannot write ${cmd.svg} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`])
      }
    }
    return `${terminalChart(lr, { title })}\n`
  }
  if (cmd.format === 'json') return `${JSON.stringify(momentum === undefined ? { lr } : { lr, momentum })}\n`
  const header = ['step', ...lr[0]!.map((_, i) => `lr${i}`), ...(momentum === undefined ? [] : momentum[0]!.map((_, i) => `momentum${i}`))]
  const lines = lr.map((row, k) => [k, ...row, ...(momentum?.[k] ?? [])].map(String).join(','))
  return `${[header.join(','), ...lines].join('\n')}\n`
}

// run as a program (not when imported by tests); through npm's bin link, argv[1] is a symlink
const invoked = process.argv[1] === undefined ? undefined : realpathSync(process.argv[1])
if (invoked !== undefined && import.meta.url === pathToFileURL(invoked).href) {
  const { stdout, stderr, status } = await run(process.argv.slice(2))
  process.stdout.write(stdout)
  process.stderr.write(stderr)
  process.exitCode = status
}
