// Drives the built CLI (dist/cli/main.js, built by `npm test` first) as a user would: a spawned
// process, real files, standard input; shared by the CLI's test files.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'

export const root = join(import.meta.dirname, '..', '..')
export const bin = join(root, 'dist', 'cli', 'main.js')
export const dir = mkdtempSync(join(tmpdir(), 'lr-schedule-cli-'))

export interface Ran {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the CLI with `args` (and standard input), node flags first. */
export const cli = (args: ReadonlyArray<string>, input?: string, nodeFlags: ReadonlyArray<string> = [], options: SpawnSyncOptions = {}): Ran => {
  const r = spawnSync(process.execPath, [...nodeFlags, bin, ...args], { input: input ?? '', encoding: 'utf8', cwd: dir, maxBuffer: 256 * 1024 * 1024, ...options })
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') }
}

/** Runs the CLI with its standard output into a file (for outputs of many MB); returns the file. */
export const cliToFile = (args: ReadonlyArray<string>, out: string, nodeFlags: ReadonlyArray<string> = []): Ran & { readonly file: string } => {
  const file = join(dir, out)
  const fd = openSync(file, 'w')
  try {
    const r = spawnSync(process.execPath, [...nodeFlags, bin, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', cwd: dir })
    return { status: r.status, stdout: '', stderr: String(r.stderr ?? ''), file }
  } finally {
    closeSync(fd)
  }
}

/** Writes a file in the test folder (JSON unless a string); returns its path. */
export const file = (name: string, content: unknown): string => {
  const p = join(dir, name)
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content))
  return p
}

/** A failure as the contract wants it: the status, the exact lines on stderr, nothing on stdout, no stack trace. */
export const expectFailure = (r: Ran, status: number, lines: ReadonlyArray<string>): void => {
  expect(r.stdout).toBe('')
  expect(r.stderr.split('\n').slice(0, lines.length)).toEqual(lines)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.stderr).not.toMatch(/internal error/)
  expect(r.status).toBe(status)
}

/** A small well-formedness check: tags nest and close, attributes are quoted. */
export const wellFormed = (xml: string): boolean => {
  const stack: string[] = []
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[2] === undefined) return false // a stray < or >
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false
    } else if (m[4] !== '/') stack.push(m[2])
  }
  return stack.length === 0
}
