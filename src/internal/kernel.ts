/**
 * The fast path's data: a scheduler's mutable kernel over typed arrays (one entry per group), made
 * fresh for every fold and never shared, and the helpers that move groups in and out of it.
 *
 * @internal
 */
import type { Groups, ParamGroup, StepInput } from '../core/model.js'
import { momentumOf } from './groups.js'

/**
 * The mutable fast path of a scheduler, over typed arrays (one entry per group). Internal to
 * folds: made fresh for every fold, never shared, never seen by users.
 */
export interface Kernel {
  /** The constructor's step (row 0). */
  readonly init: (b: Buffers) => void
  /** The init run again on a built scheduler (`Protocol.reinit`). */
  readonly reinit: (b: Buffers) => void
  /** One `step()`. */
  readonly step: (b: Buffers, metric: number) => void
  /** Start over at a `sequential` milestone. */
  readonly restart: (b: Buffers) => void
  /**
   * True when every call above also writes the groups' new values into the fold's current row
   * (`Buffers.rows` at `Buffers.row`: every lr, and every momentum when the fold records momentum),
   * in the same pass that computes them; otherwise the fold copies the row after the call.
   */
  readonly writesRows?: boolean
  /**
   * Optional, for a kernel that writes rows and reads no metric: `count` steps in a row, the same as
   * `count` calls of `step`, each writing its row, `b.row` advancing by the number of groups after
   * each (a fold's loop over steps that runs inside the scheduler's module).
   */
  readonly steps?: ((b: Buffers, count: number) => void) | undefined
  /**
   * Optional, for a kernel whose steps may multiply every lr by one factor of the step and leave
   * momentum alone: `k > 0` when (at least) the next `k` steps do, `-k` when the next step does not
   * or might not, nor the `k - 1` after it; small integers (at most 2^30 - 1).
   */
  readonly factorRun?: (() => number) | undefined
  /**
   * Takes the next `count` steps (`count ≤ factorRun()`) without touching the buffers: their
   * factors, into `out` from `at` (a chain multiplies the lrs by its children's in one pass).
   */
  readonly factors?: ((out: Float64Array, at: number, count: number) => void) | undefined
}

/**
 * The groups of a fold, column by column: `initialLr` is NaN until a scheduler records it,
 * `momentum` is NaN for a group without momentum. A fold also gives the arrays it records its rows
 * in and where the current row starts (see `Kernel.writesRows`).
 */
export interface Buffers {
  readonly lr: Float64Array
  readonly initialLr: Float64Array
  readonly momentum: Float64Array
  /**
   * Where a kernel that writes rows writes them (`lr`, and `momentum` when the fold records
   * momentum): the fold's rows, or, when the fold copies the rows itself, `lr` and `momentum` above
   * with `row` 0 (a second, harmless write of the same values).
   */
  readonly rows: { readonly lr: Float64Array; readonly momentum: Float64Array | undefined }
  /** Where the current row starts in `rows` (set by the fold before every call). */
  row: number
}

/** Groups from fast-path buffers (used where a kernel falls back on the pure reducer). */
export const groupsFromBuffers = (b: Pick<Buffers, 'lr' | 'initialLr' | 'momentum'>): Groups =>
  Array.from(b.lr, (lr, i) => {
    const init = b.initialLr[i] as number
    const m = b.momentum[i] as number
    const g: ParamGroup = Number.isNaN(init) ? { lr } : { lr, initialLr: init }
    return Number.isNaN(m) ? g : { ...g, momentum: m }
  })

/** Writes groups back into fast-path buffers. */
export const groupsIntoBuffers = (groups: Groups, b: Pick<Buffers, 'lr' | 'initialLr' | 'momentum'>): void => {
  groups.forEach((g, i) => {
    b.lr[i] = g.lr
    b.initialLr[i] = g.initialLr ?? NaN
    b.momentum[i] = momentumOf(g) ?? NaN
  })
}

/** What `kernelFromReducer` runs: a scheduler's reducer and the internal steps a composite calls. */
export interface Reducers<S> {
  readonly init: (groups: Groups) => readonly [Groups, S]
  readonly reinit: (state: S, groups: Groups) => readonly [Groups, S]
  readonly step: (state: S, groups: Groups, input?: StepInput) => readonly [Groups, S]
  readonly restart: (state: S, groups: Groups) => readonly [Groups, S]
}

/**
 * A kernel that runs the pure reducer (for schedulers whose state is not a plain counter); it
 * allocates per step like the reducer does.
 */
export const kernelFromReducer = <S>(r: Reducers<S>): Kernel => {
  let state: S | undefined
  const run = (b: Buffers, f: (g: Groups) => readonly [Groups, S]): void => {
    const [g, s] = f(groupsFromBuffers(b))
    state = s
    groupsIntoBuffers(g, b)
  }
  return {
    init: (b) => run(b, r.init),
    reinit: (b) => run(b, (g) => r.reinit(state as S, g)),
    restart: (b) => run(b, (g) => r.restart(state as S, g)),
    step: (b, metric) => run(b, (g) => r.step(state as S, g, Number.isNaN(metric) ? {} : { metric }))
  }
}

/** Sets every lr back to its initial lr, in place (the fast-path twin of `resetToInitialLrs`). */
export const resetBuffersToInitialLrs = (b: Pick<Buffers, 'lr' | 'initialLr'>): void => {
  for (let i = 0; i < b.lr.length; i++) {
    if (Number.isNaN(b.initialLr[i] as number)) b.initialLr[i] = b.lr[i] as number
    b.lr[i] = b.initialLr[i] as number
  }
}
