// Python-like list builders, so that PyTorch's expected values read as they do in its test suite
// (`[.05] * 3 + [.005] * 3` is `[...rep(0.05, 3), ...rep(0.005, 3)]`).

/** `[x] * n` */
export const rep = (x: number, n: number): number[] => Array.from({ length: n }, () => x)

/** `range(n)`, or `[f(i) for i in range(n)]` */
export function range(n: number): number[]
export function range<A>(n: number, f: (i: number) => A): A[]
export function range<A>(n: number, f?: (i: number) => A): Array<A | number> {
  return Array.from({ length: n }, (_, i) => (f === undefined ? i : f(i)))
}

/** One list per group (PyTorch's `targets`) to trace rows (one entry per group). */
export const rows = (...perGroup: ReadonlyArray<ReadonlyArray<number>>): number[][] => {
  const n = perGroup[0]?.length ?? 0
  if (perGroup.some((g) => g.length !== n)) throw new Error('rows: the groups have different lengths')
  return Array.from({ length: n }, (_, k) => perGroup.map((g) => g[k] as number))
}

/** `[x * k for x in xs]` */
export const scale = (xs: ReadonlyArray<number>, k: number): number[] => xs.map((x) => x * k)

/** One group's column of trace rows. */
export const column = (trace: ReadonlyArray<ReadonlyArray<number>>, g: number): number[] => trace.map((r) => r[g] as number)
