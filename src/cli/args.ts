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

/** A trainer's config file (`--from FORMAT`) and the facts the flags give it. */
export interface From {
  readonly format: string
  readonly trainBatches: number | undefined
  readonly worldSize: number | undefined
  readonly epochs: number | undefined
}

/** A parsed command line. `lr` and `steps` may be left to the trainer's file with `--from`. */
export type Command =
  | {
      readonly command: 'trace' | 'plot'
      readonly config: string
      readonly lr: ReadonlyArray<number> | undefined
      readonly steps: number | undefined
      readonly metrics: string | undefined
      readonly format: 'json' | 'csv'
      readonly svg: string | undefined
      readonly functions: string | undefined
      readonly from: From | undefined
    }
  | {
      readonly command: 'validate' | 'resolve'
      readonly config: string
      readonly lr: ReadonlyArray<number> | undefined
      readonly functions: string | undefined
      readonly from: From | undefined
    }
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
  lr-schedule trace|plot|validate|resolve FILE --from FORMAT [--train-batches N] [--world-size N] [--epochs N] [--lr LR[,LR...]] [--steps N]
CONFIG is a JSON file, or - for standard input. --metrics FILE: a JSON array, one metric per step.
--from hf|deepspeed|lightning|timm|composer|keras: FILE is a trainer's own config (JSON or YAML); --steps defaults to the updates the
trainer runs; resolve prints our JSON config, and on standard error how each number was derived.
--functions MODULE: an ES module whose named exports are the functions that lrLambda/scaleFn name.
--steps N: an integer from 0 to ${MAX_STEPS}; the output streams (memory flat at any N).`

const FROM_FLAGS = ['--from', '--train-batches', '--world-size', '--epochs']

const FLAGS: Readonly<Record<string, ReadonlyArray<string>>> = {
  trace: ['--lr', '--steps', '--metrics', '--format', '--functions', ...FROM_FLAGS],
  plot: ['--lr', '--steps', '--metrics', '--svg', '--functions', ...FROM_FLAGS],
  validate: ['--lr', '--functions', ...FROM_FLAGS],
  resolve: ['--lr', '--functions', ...FROM_FLAGS]
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
  if (allowed === undefined) return usage(`unknown command: ${command} (expected trace, plot, validate or resolve)`)
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
  const format = flags.get('--from')
  if (format === undefined) {
    const stray = FROM_FLAGS.find((f) => flags.has(f))
    if (stray !== undefined) return usage(`${stray} reads a trainer's config file: give --from FORMAT too`)
    if (command === 'resolve') return usage('resolve needs --from FORMAT (the trainer whose config file CONFIG is)')
  }
  const count = (flag: string): number | undefined => {
    const v = flags.get(flag)
    if (v === undefined) return undefined
    const n = /^[0-9]+$/.test(v) ? Number(v) : NaN
    if (!(n >= 1 && n <= Number.MAX_SAFE_INTEGER)) errors.push(`${flag}: expected an integer >= 1 in decimal digits, got ${JSON.stringify(v)}`)
    return n
  }
  const epochsFlag = flags.get('--epochs')
  const epochs = epochsFlag === undefined ? undefined : DECIMAL.test(epochsFlag.trim()) ? Number(epochsFlag) : NaN
  if (epochs !== undefined && !(Number.isFinite(epochs) && epochs > 0)) errors.push(`--epochs: expected a decimal number > 0, got ${JSON.stringify(epochsFlag)}`)
  const from: From | undefined =
    format === undefined ? undefined : { format, trainBatches: count('--train-batches'), worldSize: count('--world-size'), epochs }
  if (command === 'validate' || command === 'resolve') {
    if (errors.length > 0) return { status: 1, lines: errors }
    return { command, config, lr, functions, from }
  }
  if (lrFlag === undefined && from === undefined) return usage(`${command} needs --lr LR[,LR...] (the initial lr of every param group)`)
  const stepsFlag = flags.get('--steps')
  if (stepsFlag === undefined && from === undefined) return usage(`${command} needs --steps N`)
  // decimal digits only (no sign, point, exponent, hex or spaces), at most MAX_STEPS
  const steps = stepsFlag === undefined ? undefined : /^[0-9]+$/.test(stepsFlag) ? Number(stepsFlag) : NaN
  if (steps !== undefined && !(steps <= MAX_STEPS)) errors.push(`--steps: expected an integer from 0 to ${MAX_STEPS} in decimal digits, got ${JSON.stringify(stepsFlag)}`)
  const output = flags.get('--format') ?? 'json'
  if (output !== 'json' && output !== 'csv') errors.push(`--format: expected json or csv, got ${JSON.stringify(output)}`)
  if (errors.length > 0) return { status: 1, lines: errors }
  return {
    command: command as 'trace' | 'plot',
    config,
    lr,
    steps,
    metrics: flags.get('--metrics'),
    format: output as 'json' | 'csv',
    svg: flags.get('--svg'),
    functions,
    from
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
