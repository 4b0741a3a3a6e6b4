/**
 * The CLI's texts that are not I/O, shared with the playground (playground/): a config file's text
 * parsed (JSON, or JSON-or-YAML for a trainer's file) with the error lines the CLI prints, and a
 * trace's rows as the CSV and JSON text `lr-schedule trace` writes, chunk by chunk.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { parseDocument } from 'yaml'
import type { AnyScheduler } from '../core/model.js'
import { decodeSchedule, formatConfigErrors } from '../json/decode.js'
import { type TrainerFacts, readTrainerConfig } from '../json/trainers.js'
import type { TraceBlock } from '../stream.js'
import type { Command } from './args.js'
import { parseJsonText } from './json.js'

/**
 * A parsed text, or the lines that say why it does not parse (one per problem, as the CLI prints them).
 *
 * @example
 * const r: ParsedText = { ok: false, lines: ['config: invalid JSON at line 1, column 2: …'] }
 *
 * @category cli
 * @since 0.2.0
 */
export type ParsedText = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly lines: ReadonlyArray<string> }

/**
 * A JSON text parsed; its syntax error with line and column, under the name `what`.
 *
 * @example
 * parseJson('{"type": 1 x}', 'config') // { ok: false, lines: ['config: invalid JSON at line 1, column 12: expected \',\' or \'}\' after a property value, got "x"'] }
 *
 * @category cli
 * @since 0.2.0
 */
export const parseJson = (text: string, what: string): ParsedText => {
  const r = parseJsonText(text)
  return r.ok ? r : { ok: false, lines: [`${what}: invalid JSON at line ${r.line}, column ${r.column}: ${r.message}`] }
}

/**
 * A trainer's file: JSON if it parses as JSON, else YAML (its first error with line and column).
 *
 * @example
 * parseTrainerText('learning_rate: 0.001\nmax_steps: 100') // { ok: true, value: { learning_rate: 0.001, max_steps: 100 } }
 *
 * @category cli
 * @since 0.2.0
 */
export const parseTrainerText = (text: string): ParsedText => {
  const json = parseJsonText(text)
  if (json.ok) return json
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  const e = doc.errors[0]
  if (e === undefined) return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) }
  const at = e.linePos?.[0]
  const why = (e.message.split('\n')[0] ?? e.code).replace(/ at line [0-9]+, column [0-9]+:?$/, '')
  return { ok: false, lines: [`config: invalid YAML (nor JSON)${at === undefined ? '' : ` at line ${at.line}, column ${at.col}`}: ${why}`] }
}

/**
 * A metrics file's value checked: an array of at least `steps` finite numbers (one per step).
 *
 * @example
 * checkMetrics([0.5, 'x'], 2) // { ok: false, lines: ['metrics[1]: expected a finite number, got "x"'] }
 *
 * @category cli
 * @since 0.2.0
 */
export const checkMetrics = (m: unknown, steps: number): ParsedText => {
  if (!Array.isArray(m)) return { ok: false, lines: [`metrics: expected a JSON array of numbers (one per step), got ${JSON.stringify(m)?.slice(0, 60)}`] }
  const lines = m.flatMap((x, i) => (typeof x === 'number' && Number.isFinite(x) ? [] : [`metrics[${i}]: expected a finite number, got ${JSON.stringify(x)}`]))
  if (m.length < steps) lines.push(`metrics: expected at least ${steps} numbers (one per step), got ${m.length}`)
  return lines.length > 0 ? { ok: false, lines } : { ok: true, value: m }
}

/**
 * A config's schedule with the lrs and steps it runs over, settled as the CLI settles them: the
 * flags', else (with `--from`) the trainer's file's; `config` is our JSON of it (what `resolve`
 * prints) and `derived` the trainer's derivations, one line each.
 *
 * @example
 * const p: Prepared = { ok: true, schedule: stepLR({ stepSize: 10 }), config: { type: 'StepLR', stepSize: 10 }, lr: [0.1], steps: 100, derived: [] }
 *
 * @category cli
 * @since 0.2.0
 */
export type Prepared =
  | {
      readonly ok: true
      readonly schedule: AnyScheduler
      readonly config: unknown
      readonly lr: ReadonlyArray<number> | undefined
      readonly steps: number | undefined
      readonly derived: ReadonlyArray<string>
    }
  | { readonly ok: false; readonly lines: ReadonlyArray<string>; readonly status: 1 | 2 }

/**
 * A parsed command's config text made into its schedule, or the error lines the CLI prints (and
 * its exit status). A trace or plot gets its lrs and steps, or an error naming the flag.
 *
 * @example
 * const cmd = parseArgs(['trace', 'c.json', '--lr', '0.1', '--steps', '3'])
 * 'command' in cmd && cmd.command === 'trace' ? prepare(cmd, '{"type": "StepLR", "stepSize": 0}', {}) : undefined
 * // { ok: false, lines: ['stepSize: expected a positive integer, got 0'], status: 1 }
 *
 * @category cli
 * @since 0.2.0
 */
export const prepare = (
  cmd: Exclude<Command, { readonly command: 'help' | 'version' }>,
  text: string,
  functions: Readonly<Record<string, (x: number) => number>>
): Prepared => {
  const fail = (lines: ReadonlyArray<string>, status: 1 | 2 = 1): Prepared => ({ ok: false, lines, status })
  const steps = 'steps' in cmd ? cmd.steps : undefined
  if (cmd.from === undefined) {
    const json = parseJson(text, 'config')
    if (!json.ok) return fail(json.lines)
    const decoded = decodeSchedule(json.value, cmd.lr === undefined ? { functions } : { functions, groups: cmd.lr.length })
    if (E.isLeft(decoded)) return fail(formatConfigErrors(decoded.left))
    return { ok: true, schedule: decoded.right, config: json.value, lr: cmd.lr, steps, derived: [] }
  }
  const { format, trainBatches, worldSize, epochs } = cmd.from
  const facts = Object.fromEntries(Object.entries({ trainBatches, worldSize, epochs, lr: cmd.lr }).filter((e) => e[1] !== undefined)) as TrainerFacts
  const file = parseTrainerText(text)
  if (!file.ok) return fail(file.lines)
  const r = readTrainerConfig(format, file.value, facts, { functions })
  if (E.isLeft(r)) return fail(formatConfigErrors(r.left))
  const lr = cmd.lr ?? r.right.lr
  const updates = steps ?? r.right.updates
  if (cmd.command === 'trace' || cmd.command === 'plot') {
    if (lr === undefined) return fail([`--lr: needed (the ${format} file gives no initial lr)`], 2)
    if (updates === undefined) return fail([`--steps: needed (the ${format} file and flags do not give the number of optimizer updates)`], 2)
  }
  return { ok: true, schedule: r.right.schedule, config: r.right.config, lr, steps: updates, derived: r.right.derived }
}

/** Numbers as `JSON.stringify` writes them: the shortest text that parses back to the same double; `null` if not finite. */
/**
 * A config as the text `resolve` prints and the playground exports: JSON indented by two spaces,
 * with an array of numbers or strings on one line (an `Every`'s offsets, milestones).
 *
 * @example
 * configText({ type: 'MultiStepLR', milestones: [30, 60] }) // '{\n  "type": "MultiStepLR",\n  "milestones": [30, 60]\n}'
 */
export const configText = (config: unknown): string =>
  (JSON.stringify(config, null, 2) ?? 'null').replace(/\[\n\s*([^[\]{}]*?)\n\s*\]/g, (_, items: string) => `[${items.split(/,\n\s*/).join(', ')}]`)

const jsonNumber = (x: number): string => (Number.isFinite(x) ? String(x) : 'null')

/**
 * The trace as `trace --format csv` writes it, one chunk per block: `step,lr0,...[,momentum0,...]`,
 * then one line per row, numbers as `String` writes them.
 *
 * @example
 * [...csvChunks(traceBlocks(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 1))].join('') // 'step,lr0\n0,1\n1,0.5\n'
 *
 * @category cli
 * @since 0.2.0
 */
export function* csvChunks(blocks: Iterable<TraceBlock>): Generator<string> {
  for (const b of blocks) {
    const n = b.groups
    const m = b.momentum
    let text = ''
    if (b.start === 0) {
      const names = Array.from({ length: n }, (_, i) => `lr${i}`)
      if (m !== undefined) names.push(...Array.from({ length: n }, (_, i) => `momentum${i}`))
      text = `step,${names.join(',')}\n`
    }
    for (let j = 0, at = 0; j < b.rows; j++, at += n) {
      text += String(b.start + j)
      for (let i = 0; i < n; i++) text += `,${String(b.lr[at + i])}`
      if (m !== undefined) for (let i = 0; i < n; i++) text += `,${String(m[at + i])}`
      text += '\n'
    }
    yield text
  }
}

/**
 * The trace as `trace --format json` writes it: `{"lr":[[...],...]`, then `,"momentum":[[...],...]`
 * when the schedule sets momentum, then `}` and a newline — `JSON.stringify`'s bytes. `pass()` gives
 * the blocks of one pass of the fold; momentum takes a second pass.
 *
 * @example
 * [...jsonChunks(() => traceBlocks(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 1))].join('') // '{"lr":[[1],[0.5]]}\n'
 *
 * @category cli
 * @since 0.2.0
 */
export function* jsonChunks(pass: () => Iterable<TraceBlock>): Generator<string> {
  for (const column of ['lr', 'momentum'] as const) {
    let opened = false
    for (const b of pass()) {
      const values = column === 'lr' ? b.lr : b.momentum
      if (values === undefined) break // no momentum: the lr pass was the only one
      let text = opened ? '' : column === 'lr' ? '{"lr":[' : ',"momentum":['
      opened = true
      const n = b.groups
      for (let j = 0, at = 0; j < b.rows; j++) {
        text += b.start + j === 0 ? '[' : ',['
        for (let i = 0; i < n; i++, at++) text += i === 0 ? jsonNumber(values[at] as number) : `,${jsonNumber(values[at] as number)}`
        text += ']'
      }
      yield text
    }
    if (opened) yield ']'
  }
  yield '}\n'
}
