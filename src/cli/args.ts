/**
 * The command line of `lr-schedule`, parsed into a command (pure: no I/O).
 *
 * @internal
 */
import { MAX_STREAM_STEPS } from '../stream.js'

/**
 * The largest `--steps`: the streamed fold's (`MAX_STREAM_STEPS`, 2^53 − 2: every row index exact).
 *
 * @example
 * import { MAX_STEPS } from './args.js'
 * MAX_STEPS // 9007199254740990
 *
 * @category cli
 * @since 0.2.0
 */
export const MAX_STEPS = MAX_STREAM_STEPS

/** A parsed command line. */
export type Command =
  | {
      readonly command: 'trace' | 'plot'
      readonly config: string
      readonly lr: ReadonlyArray<number>
      readonly steps: number
      readonly metrics: string | undefined
      readonly format: 'json' | 'csv'
      readonly svg: string | undefined
      readonly functions: string | undefined
    }
  | { readonly command: 'validate'; readonly config: string; readonly lr: ReadonlyArray<number> | undefined; readonly functions: string | undefined }
  | { readonly command: 'help' }
  | { readonly command: 'version' }

/** What went wrong, and the exit status: 2 for a usage error, 1 for a bad value. */
export interface ArgsError {
  readonly status: 1 | 2
  readonly lines: ReadonlyArray<string>
}

export const USAGE = `usage:
  lr-schedule --version | --help
  lr-schedule trace CONFIG --lr LR[,LR...] --steps N [--metrics FILE] [--format json|csv] [--functions MODULE]
  lr-schedule plot  CONFIG --lr LR[,LR...] --steps N [--metrics FILE] [--svg FILE] [--functions MODULE]
  lr-schedule validate CONFIG [--lr LR[,LR...]] [--functions MODULE]
CONFIG is a JSON file, or - for standard input. --metrics FILE: a JSON array, one metric per step.
--functions MODULE: an ES module whose named exports are the functions that lrLambda/scaleFn name.
--steps N: an integer from 0 to ${MAX_STEPS}; the output streams (memory flat at any N).`

const FLAGS: Readonly<Record<string, ReadonlyArray<string>>> = {
  trace: ['--lr', '--steps', '--metrics', '--format', '--functions'],
  plot: ['--lr', '--steps', '--metrics', '--svg', '--functions'],
  validate: ['--lr', '--functions']
}

const usage = (line: string): ArgsError => ({ status: 2, lines: [line, ...USAGE.split('\n')] })

/** Parses `argv` (without node and the script). */
export const parseArgs = (argv: ReadonlyArray<string>): Command | ArgsError => {
  const [command, ...rest] = argv
  // no arguments: a usage error (the usage on standard error), unlike asking for help
  if (command === undefined) return { status: 2, lines: USAGE.split('\n') }
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help' }
  if (command === '--version' || command === '-V') {
    if (rest.length > 0) return usage(`${command} takes no arguments, got ${rest.join(' ')}`)
    return { command: 'version' }
  }
  const allowed = FLAGS[command]
  if (allowed === undefined) return usage(`unknown command: ${command} (expected trace, plot or validate)`)
  const positional: string[] = []
  const flags = new Map<string, string>()
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
      if (!allowed.includes(name)) return usage(`unknown option for ${command}: ${name}`)
      if (flags.has(name)) return usage(`${name} given twice`)
      const value = inline ?? rest[++i]
      if (value === undefined) return usage(`${name} needs a value`)
      flags.set(name, value)
    } else positional.push(a)
  }
  if (positional.length === 0) return usage(`${command} needs a CONFIG (a JSON file, or - for standard input)`)
  if (positional.length > 1) return usage(`${command} takes one CONFIG, got ${positional.length}: ${positional.join(' ')}`)
  const config = positional[0] as string
  const errors: string[] = []
  const lrFlag = flags.get('--lr')
  const lr = lrFlag === undefined ? undefined : parseLrs(lrFlag, errors)
  const functions = flags.get('--functions')
  if (command === 'validate') {
    if (errors.length > 0) return { status: 1, lines: errors }
    return { command, config, lr, functions }
  }
  if (lrFlag === undefined) return usage(`${command} needs --lr LR[,LR...] (the initial lr of every param group)`)
  const stepsFlag = flags.get('--steps')
  if (stepsFlag === undefined) return usage(`${command} needs --steps N`)
  // decimal digits only (no sign, point, exponent, hex or spaces), at most MAX_STEPS
  const steps = /^[0-9]+$/.test(stepsFlag) ? Number(stepsFlag) : NaN
  if (!(steps <= MAX_STEPS)) errors.push(`--steps: expected an integer from 0 to ${MAX_STEPS} in decimal digits, got ${JSON.stringify(stepsFlag)}`)
  const format = flags.get('--format') ?? 'json'
  if (format !== 'json' && format !== 'csv') errors.push(`--format: expected json or csv, got ${JSON.stringify(format)}`)
  if (errors.length > 0) return { status: 1, lines: errors }
  return {
    command: command as 'trace' | 'plot',
    config,
    lr: lr as ReadonlyArray<number>,
    steps,
    metrics: flags.get('--metrics'),
    format: format as 'json' | 'csv',
    svg: flags.get('--svg'),
    functions
  }
}

/** A decimal number: digits with an optional point and exponent (`0.1`, `.5`, `3e-4`, `1E+2`); no hex, `Infinity` or `1e`. */
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/

const parseLrs = (s: string, errors: string[]): ReadonlyArray<number> => {
  const parts = s.split(',')
  return parts.map((p, i) => {
    const t = p.trim()
    const x = DECIMAL.test(t) ? Number(t) : NaN
    if (!Number.isFinite(x) || x < 0)
      errors.push(`--lr${parts.length > 1 ? `[${i}]` : ''}: expected a finite decimal number >= 0 (such as 0.1 or 3e-4), got ${JSON.stringify(p)}`)
    return x
  })
}
