/**
 * A streaming fold: the rows of `traceArray`, handed out in blocks written into two reused
 * `Float64Array`s, so that a trace of any length takes the memory of one block.
 *
 * The fold steps the scheduler's fast path exactly as `traceArray` does — the same kernel, the same
 * initial step, the same calls of `Kernel.steps` (blocks of 1,024 steps counted from step 1) or of
 * `Kernel.step` with the same metrics — only the rows land in a block that is reused once read
 * instead of in one array of `steps + 1` rows. Same calls, same operations: the same bits
 * (test/stream.test.ts holds the two equal, bit for bit, across block boundaries).
 *
 * The scheduler's internal protocol (`kernel`, `Buffers`, `setsMomentum`, `takesMetric`) is read
 * in one place, `foldState` below (marked INTERNAL PROTOCOL), for the architecture's v2 to repoint.
 * The CLI's `trace` and `plot` read it; it is not (yet) re-exported by the package's entry point.
 *
 * @since 0.2.0
 */
import { ScheduleError } from './core/errors.js'
import { type Buffers, type Kernel } from './internal/kernel.js'
import type { Groups, Scheduler } from './core/model.js'
import { BLOCK, checkFinite, checkMetrics, kernelFor, toGroups } from './folds.js'
import { nameOf, protocolOf } from './internal/protocol.js'

/**
 * Rows of a trace, `start` to `start + rows - 1`, row-major like `ArrayTrace`: entry
 * `j * groups + i` is group `i` after `start + j` steps. `lr` and `momentum` are views of arrays
 * the fold reuses: read (or copy) them before asking for the next block.
 *
 * @example
 * import { stepLR } from 'lr-schedule'
 * import { traceBlocks } from './stream.js'
 * const [first] = traceBlocks(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 2)
 * first?.start // 0 (row 0 comes alone, then blocks of up to blockRows rows)
 *
 * @category folds
 * @since 0.2.0
 */
export interface TraceBlock {
  /** Param groups: entries per row. */
  readonly groups: number
  /** The row (the number of steps taken) of the block's first row. */
  readonly start: number
  /** Rows in the block (at least 1). */
  readonly rows: number
  /** `rows · groups` lrs. */
  readonly lr: Float64Array
  /** `rows · groups` momenta, when the schedule sets momentum (`scheduler.cyclesMomentum`). */
  readonly momentum: Float64Array | undefined
}

/**
 * Options of `traceBlocks`.
 *
 * @example
 * import type { TraceBlocksOptions } from './stream.js'
 * const options: TraceBlocksOptions = { blockRows: 8192 }
 *
 * @category folds
 * @since 0.2.0
 */
export interface TraceBlocksOptions {
  /**
   * Rows per block after row 0 (default 4,096). A multiple of 1,024 keeps `traceArray`'s very calls
   * of the fast path; any other positive integer relies on the fast path's promise that `count`
   * steps at once are `count` single steps (which the tests hold too).
   */
  readonly blockRows?: number
}

/**
 * The rows per block of `traceBlocks` unless told otherwise.
 *
 * @example
 * import { DEFAULT_BLOCK_ROWS } from './stream.js'
 * DEFAULT_BLOCK_ROWS // 4096
 *
 * @category folds
 * @since 0.2.0
 */
export const DEFAULT_BLOCK_ROWS = 4096

/**
 * The largest number of steps a streamed trace takes: `Number.MAX_SAFE_INTEGER - 1`, so that the
 * number of rows, `steps + 1`, and every step index are exact integers.
 *
 * @example
 * import { MAX_STREAM_STEPS } from './stream.js'
 * MAX_STREAM_STEPS // 9007199254740990
 *
 * @category folds
 * @since 0.2.0
 */
export const MAX_STREAM_STEPS = Number.MAX_SAFE_INTEGER - 1


/**
 * Folds a scheduler like `traceArray`, handing out its rows in blocks: row 0 alone, then blocks of
 * up to `blockRows` rows (1..blockRows, blockRows + 1..2·blockRows, ...), each written into the same
 * two arrays. The same numbers as `traceArray`, bit for bit; the memory of one block whatever
 * `steps`. The arguments are checked when the first block is asked for, with `traceArray`'s errors;
 * a step that throws (e.g. past OneCycleLR's total steps) throws from the `next()` that asked for
 * its block, after the blocks before it.
 *
 * @example
 * import { exponentialLR } from 'lr-schedule'
 * import { traceBlocks } from './stream.js'
 * const rows: number[] = []
 * for (const b of traceBlocks(exponentialLR({ gamma: 0.5 }), [1], 3, undefined, { blockRows: 2 })) rows.push(...b.lr)
 * rows // [1, 0.5, 0.25, 0.125]
 *
 * @category folds
 * @since 0.2.0
 */
export function* traceBlocks<S>(
  scheduler: Scheduler<S>,
  groups: Groups | ReadonlyArray<number>,
  steps: number,
  metrics?: ReadonlyArray<number>,
  options: TraceBlocksOptions = {}
): Generator<TraceBlock, void, undefined> {
  const blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS
  if (!Number.isSafeInteger(blockRows) || blockRows < 1) throw new ScheduleError('blockRows', 'a positive integer', blockRows)
  if (typeof steps !== 'number' || !Number.isSafeInteger(steps) || steps < 0 || steps > MAX_STREAM_STEPS)
    throw new ScheduleError('steps', `an integer from 0 to ${MAX_STREAM_STEPS}`, steps)
  const gs = toGroups(groups)
  const fold = foldState(scheduler, gs, metrics, steps, blockRows)
  const n = gs.length
  const { b, kernel, copies, lr, momentum } = fold
  const block = (start: number, rows: number): TraceBlock => ({
    groups: n,
    start,
    rows,
    lr: lr.subarray(0, rows * n),
    momentum: momentum?.subarray(0, rows * n)
  })
  const copyRow = (j: number): void => {
    for (let i = 0, at = j * n; i < n; i++, at++) {
      lr[at] = b.lr[i] as number
      if (momentum !== undefined) momentum[at] = b.momentum[i] as number
    }
  }

  // row 0: the constructor's step, written at b.row 0 (as traceArray writes it)
  b.row = 0
  kernel.init(b)
  if (copies) copyRow(0)
  const type = nameOf(scheduler)
  const check = (step: number, rows: number): void => {
    checkFinite(type, 'lr', lr, 0, rows * n, step, n)
    if (momentum !== undefined) checkFinite(type, 'momentum', momentum, 0, rows * n, step, n)
  }
  check(0, 1)
  yield block(0, 1)

  const fast = !copies && kernel.steps !== undefined
  for (let done = 0; done < steps; ) {
    const count = Math.min(blockRows, steps - done)
    if (fast) {
      // traceArray's loop: Kernel.steps in blocks of BLOCK from step 1; a block here
      // starts at a multiple of blockRows, so with blockRows a multiple of BLOCK the
      // calls (and their counts) are traceArray's
      b.row = 0
      const many = kernel.steps as NonNullable<Kernel['steps']>
      for (let j = 0; j < count; j += BLOCK) many(b, Math.min(BLOCK, count - j))
    } else
      for (let j = 0; j < count; j++) {
        if (!copies) b.row = j * n
        kernel.step(b, metrics === undefined ? NaN : (metrics[done + j] as number))
        if (copies) copyRow(j)
      }
    check(done + 1, count)
    yield block(done + 1, count)
    done += count
  }
}

interface Fold {
  readonly kernel: Kernel
  readonly b: Buffers
  /** Whether the fold copies every row out of `b` (the kernel does not write rows). */
  readonly copies: boolean
  /** The block's lr rows. */
  readonly lr: Float64Array
  /** The block's momentum rows, when the schedule sets momentum. */
  readonly momentum: Float64Array | undefined
}

// ------------------------------------------------------------------------------------------
// INTERNAL PROTOCOL: the one place that reads the scheduler's fast path (`needsMetric`,
// `cyclesMomentum`, `kernel`, `Buffers`, `Kernel.writesRows`), set up as traceArray sets it up.
// ------------------------------------------------------------------------------------------
const foldState = <S>(scheduler: Scheduler<S>, gs: Groups, metrics: ReadonlyArray<number> | undefined, steps: number, blockRows: number): Fold => {
  const p = protocolOf(scheduler)
  checkMetrics(scheduler, metrics, steps)
  const n = gs.length
  const size = Math.max(1, Math.min(blockRows, steps)) * n
  const lr = new Float64Array(size)
  const momentum = p.setsMomentum ? new Float64Array(size) : undefined
  const { kernel, copies, b } = kernelFor(p.kernel(n), gs, lr, momentum)
  return { kernel, b, copies, lr, momentum }
}
