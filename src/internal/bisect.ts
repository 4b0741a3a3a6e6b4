/**
 * Python's `bisect_right` (PyTorch's MultiStepLR and SequentialLR use it).
 *
 * @internal
 */

/** How many of the sorted `xs` are <= x. */
export const bisectRight = (xs: ReadonlyArray<number>, x: number): number => {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((xs[mid] as number) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}
