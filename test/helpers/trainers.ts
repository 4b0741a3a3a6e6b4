// What the tests of the readers of trainers' config files (test/trainers/*.test.ts) share: a bad
// file or flag gives exactly one error line, and a malformed YAML file gives the CLI's line and column.
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { formatConfigErrors, readTrainerConfig } from '../../src/index.js'
import { cli, file } from '../cli/run.js'

/** Reads `f` as `format` with `facts`: exactly one error line, matching `message`. */
export const expectOneError = (format: string, f: unknown, facts: object, message: RegExp): void => {
  const r = readTrainerConfig(format, f, facts)
  const lines = E.isLeft(r) ? formatConfigErrors(r.left) : ['accepted']
  expect(lines.length, lines.join('\n')).toBe(1)
  expect(lines[0]).toMatch(message)
}

/** `lr-schedule trace FILE --from FORMAT ...flags` on the malformed YAML `text`: exit 1, one line with the YAML error's line (`line`, 1 by default) and column. */
export const expectMalformedYaml = (format: string, text: string, flags: ReadonlyArray<string>, line = 1): void => {
  const r = cli(['trace', file(`bad-${format}.yaml`, text), '--from', format, ...flags])
  expect(r.status).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(new RegExp(`^config: invalid YAML \\(nor JSON\\) at line ${line}, column \\d+: .+\\n$`))
}
