// What the trainers' config-file tests share (test/trainers/*.test.ts): a bad file or flag gives one
// line naming the key or the flag; a malformed YAML file, the line and column on the CLI.
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { formatConfigErrors, readTrainerConfig } from '../../src/index.js'
import { cli, file } from '../cli/run.js'

/** The error lines `readTrainerConfig(format, f, facts)` gives (`['accepted']` when it reads the file). */
export const errorLines = (format: string, f: unknown, facts = {}): ReadonlyArray<string> => {
  const r = readTrainerConfig(format, f, facts)
  return E.isLeft(r) ? formatConfigErrors(r.left) : ['accepted']
}

/** Exactly one error line, matching `message`. */
export const expectOneLine = (format: string, f: unknown, facts: object, message: RegExp): void => {
  const lines = errorLines(format, f, facts)
  expect(lines.length, lines.join('\n')).toBe(1)
  expect(lines[0]).toMatch(message)
}

/** `lr-schedule trace FILE --from format` of a malformed YAML text: status 1, one line with the line and column. */
export const expectMalformedYaml = (format: string, name: string, text: string, line: number | undefined = undefined): void => {
  const r = cli(['trace', file(name, text), '--from', format, '--steps', '3'])
  expect(r.status).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(new RegExp(`^config: invalid YAML \\(nor JSON\\) at line ${line ?? '\\d+'}, column \\d+: .+\\n$`))
}
