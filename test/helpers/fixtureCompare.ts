// The comparison of a replayed trace with a fixture's table, shared by the presets' fixture tests:
// each value within `rel · |reference| + abs · scale`.

/** The worst error over a table as a fraction of its tolerance (`ratio`, ≤ 1 passes), where it is, and the worst relative error. */
export const compareTables = (
  actual: ReadonlyArray<ArrayLike<number>>,
  expected: ReadonlyArray<ReadonlyArray<number>>,
  bar: { readonly rel: number; readonly abs: number; readonly scale: number; readonly library: string }
): { readonly ratio: number; readonly rel: number; readonly at: string } => {
  let ratio = 0
  let rel = 0
  let at = ''
  expected.forEach((row, k) =>
    row.forEach((e, i) => {
      const a = actual[k]?.[i] as number
      const diff = a === e ? 0 : Math.abs(a - e)
      const r = Number.isNaN(diff) ? Infinity : diff / (bar.rel * Math.abs(e) + bar.abs * bar.scale)
      if (diff > 0) rel = Math.max(rel, diff / Math.max(Math.abs(a), Math.abs(e)))
      if (r > ratio || Number.isNaN(diff)) {
        ratio = r
        at = `row ${k}, group ${i}: got ${a}, ${bar.library} ${e}`
      }
    })
  )
  return { ratio, rel, at }
}
