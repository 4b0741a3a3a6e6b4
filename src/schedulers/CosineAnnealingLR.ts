/**
 * CosineAnnealingLR: anneals the lr from its initial value to `etaMin` along half a cosine over
 * `tMax` steps. Past `tMax` it follows PyTorch and rises again (a cosine of period `2 · tMax`).
 *
 * Follows `torch.optim.lr_scheduler.CosineAnnealingLR` (torch/optim/lr_scheduler.py): its chainable
 * (recursive) form in the reducer, its closed form
 * `etaMin + (base − etaMin) · (1 + cos(π t / tMax)) / 2` beside it.
 *
 * @since 0.1.0
 */
import { Finite, PositiveInteger } from '../core/codec.js'
import { fromRecurrence } from '../internal/builders.js'
import { type OptionsOf, define, required, withDefault } from '../internal/define.js'
import type { Buffers } from '../internal/kernel.js'
import { type Clock, heldMomentumRows, keepMomentum } from '../internal/leaf.js'

const args = {
  tMax: required(PositiveInteger, 'Half period of the cosine, in steps: an integer ≥ 1 (past it the lr rises again, as PyTorch).'),
  etaMin: withDefault(Finite, 'Minimum lr, reached at `tMax`: a finite number.', 0)
}

/**
 * The definition of CosineAnnealingLR: its arguments (PyTorch's, in camelCase, with PyTorch's defaults).
 *
 * @category definitions
 * @since 0.2.0
 */
export const CosineAnnealingLR = define({
  type: 'CosineAnnealingLR',
  summary: 'Anneals the lr along a cosine from its initial value to `etaMin` in `tMax` steps.',
  args,
  make: ({ tMax, etaMin }) => {
    const p: Plan = { tMax, etaMin, dip: 1 - Math.cos(Math.PI / tMax) }
    return fromRecurrence({
      lr: (e, lr, base, _i, initial) => (initial ? lr : rises(p, e) ? rise(p, lr, base) : anneal(p, ratio(cosAt(p, e), cosAt(p, e - 1)), lr)),
      fast: (_n, clock, bases) => {
        const k: Fold = { p, clock, bases, last: new Float64Array([NaN, NaN]) }
        return (b, count) => fastSteps(k, b, count)
      },
      closedForm: (e, base) => closed(p, e, base)
    })
  }
})

/**
 * CosineAnnealingLR's arguments.
 *
 * @category model
 * @since 0.1.0
 */
export type CosineAnnealingLROptions = OptionsOf<typeof args>

/**
 * Anneals the lr along a cosine from its initial value to `etaMin` in `tMax` steps.
 *
 * @example
 * import { cosineAnnealingLR, trace } from 'lr-schedule'
 * trace(cosineAnnealingLR({ tMax: 2 }), [1], 2).lr // [[1], [0.5], [0]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineAnnealingLR = CosineAnnealingLR.make

// PyTorch's recursive form (its `_step_count == 1 and last_epoch > 0` branch only serves
// construction with last_epoch > 0, which this library replaces by resuming from a state)
//   e = 0:                          lr
//   (e - 1 - T) % (2T) == 0:        lr + (base - etaMin) * (1 - cos(pi / T)) / 2
//   else:                           (1 + cos(pi e / T)) / (1 + cos(pi (e - 1) / T)) * (lr - etaMin) + etaMin
// where the ratio of the cosines is the same for every group: the fast path computes it once per
// step, from the cosine it computed at the step before. A CosineAnnealingLR's numbers as data, and
// module-level functions of them: V8 compiles (and inlines) each once for every CosineAnnealingLR
// (see Fast in internal/leaf.ts)
interface Plan {
  readonly tMax: number
  readonly etaMin: number
  /** 1 - cos(pi / T) */
  readonly dip: number
}

const cosAt = (p: Plan, e: number): number => Math.cos((Math.PI * e) / p.tMax)
const rises = (p: Plan, e: number): boolean => (e - 1 - p.tMax) % (2 * p.tMax) === 0
const rise = (p: Plan, lr: number, base: number): number => lr + ((base - p.etaMin) * p.dip) / 2
// the step's ratio, from cos(pi e / T) and cos(pi (e - 1) / T)
const ratio = (now: number, before: number): number => (1 + now) / (1 + before)
const anneal = (p: Plan, r: number, lr: number): number => r * (lr - p.etaMin) + p.etaMin
// PyTorch's _get_closed_form_lr: eta_min + (base_lr - eta_min) * (1 + cos(pi * last_epoch / T_max)) / 2
const closed = (p: Plan, e: number, base: number): number => p.etaMin + ((base - p.etaMin) * (1 + cosAt(p, e))) / 2

/** A fold's state (see Fast in internal/leaf.ts). */
interface Fold {
  readonly p: Plan
  readonly clock: Clock
  readonly bases: Float64Array
  /**
   * The step of the last cosine computed and that cosine: cos(pi (e - 1) / T) is the cos(pi e / T)
   * of the step before, bit for bit (e - 1 is an exact integer), recomputed after a jump (a restart)
   */
  readonly last: Float64Array
}

const fastSteps = (k: Fold, b: Buffers, count: number): void => {
  const { p, clock, last, bases } = k
  const { lr, momentum } = b
  const out = b.rows.lr
  const held = heldMomentumRows(b)
  let e = clock.e
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    e += 1
    // read back from the array on both paths: a conditional expression joining the array's double
    // with the cold path's call would box the double at every step
    if (last[0] !== e - 1) last[1] = cosAt(p, e - 1)
    const before = last[1] as number
    const now = cosAt(p, e)
    last[0] = e
    last[1] = now
    if (rises(p, e))
      for (let i = 0; i < lr.length; i++) {
        const x = rise(p, lr[i] as number, bases[i] as number)
        lr[i] = x
        out[row + i] = x
      }
    else {
      const r = ratio(now, before)
      for (let i = 0; i < lr.length; i++) {
        const x = anneal(p, r, lr[i] as number)
        lr[i] = x
        out[row + i] = x
      }
    }
    if (held !== undefined) keepMomentum(momentum, held, row)
  }
  clock.e = e
  b.row = row
}
