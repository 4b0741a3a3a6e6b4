// Numeric comparison for traces: `expectClose` for values derived by hand (within a stated
// tolerance), `expectIdentical` for two computations that must agree bit for bit.
import { assert } from 'vitest'

type Numbers = ArrayLike<number>
type Rows = ReadonlyArray<Numbers>

const isRows = (x: Numbers | Rows): x is Rows => x.length > 0 && typeof x[0] === 'object'

const label = (r: number, g: number | undefined): string => (g === undefined ? `[${r}]` : `row ${r}, group ${g}`)

// compare(a, e) -> undefined when equal enough, else a description of the difference
const walk = (
  actual: Numbers | Rows,
  expected: Numbers | Rows,
  compare: (a: number, e: number) => string | undefined
): string[] => {
  const problems: string[] = []
  if (actual.length !== expected.length) return [`length: actual ${actual.length}, expected ${expected.length}`]
  const exp2 = isRows(expected)
  if (isRows(actual) !== exp2 && actual.length > 0) return ['shape: one is a list of rows, the other a flat list']
  for (let r = 0; r < actual.length; r++) {
    if (exp2) {
      const ar = (actual as Rows)[r] as Numbers
      const er = (expected as Rows)[r] as Numbers
      if (ar.length !== er.length) {
        problems.push(`row ${r}: actual ${ar.length} groups, expected ${er.length}`)
        continue
      }
      for (let g = 0; g < ar.length; g++) {
        const d = compare(ar[g] as number, er[g] as number)
        if (d !== undefined) problems.push(`${label(r, g)}: ${d}`)
      }
    } else {
      const d = compare((actual as Numbers)[r] as number, (expected as Numbers)[r] as number)
      if (d !== undefined) problems.push(`${label(r, undefined)}: ${d}`)
    }
  }
  return problems
}

const report = (title: string, problems: string[]): void => {
  if (problems.length === 0) return
  const shown = problems.slice(0, 10).join('\n  ')
  const more = problems.length > 10 ? `\n  ... and ${problems.length - 10} more` : ''
  assert.fail(`${title}: ${problems.length} mismatch${problems.length === 1 ? '' : 'es'}\n  ${shown}${more}`)
}

/**
 * Asserts `|actual - expected| <= abs + rel * |expected|` entry by entry (equal NaNs and infinities
 * pass); `actual`/`expected` are both rows of groups (a trace's `lr`) or both flat lists.
 */
export const expectClose = (actual: Numbers | Rows, expected: Numbers | Rows, rel = 1e-12, abs = 0): void => {
  const problems = walk(actual, expected, (a, e) => {
    if (Object.is(a, e) || a === e) return undefined
    const diff = Math.abs(a - e)
    const tol = abs + rel * Math.abs(e)
    return diff <= tol ? undefined : `actual ${a}, expected ${e}, |diff| ${diff} > tolerance ${tol} (rel ${rel}, abs ${abs})`
  })
  report('values differ', problems)
}

/** Asserts the same numbers bit for bit (`Object.is`: NaN equals NaN, 0 differs from -0). */
export const expectIdentical = (actual: Numbers | Rows, expected: Numbers | Rows): void => {
  const problems = walk(actual, expected, (a, e) => (Object.is(a, e) ? undefined : `actual ${a}, expected ${e} (not bit-identical)`))
  report('values not identical', problems)
}
