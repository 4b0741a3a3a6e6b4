/**
 * CosineAnnealingWarmRestarts (SGDR): a cosine from the initial lr to `etaMin` over `t0` steps,
 * then a restart, with each period `tMult` times the previous one.
 *
 * PyTorch keeps `T_cur` and `T_i` in its state; for whole steps they are functions of the step
 * count, so here they are computed (exactly, in integers) from it, and the reducer, the closed form
 * and the fast path share one expression. The closed form also takes a fractional epoch, as
 * PyTorch's `step(epoch)`. Where PyTorch finds the cycle of an epoch with a floating-point
 * logarithm, it can misplace an exact restart epoch (`tMult` 3, `t0` 10, epoch 1210: PyTorch
 * gives `etaMin`, the end of the previous cycle); this library restarts there, as the fold does.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { Finite, PositiveInteger, schedulerConfig } from '../core/codec.js'
import type { Buffers } from '../internal/kernel.js'
import type { Scheduler } from '../core/model.js'
import { type Clock, type EpochState, heldMomentumRows, keepMomentum, leaf } from '../internal/leaf.js'
import { finite, nonNegative, positiveInteger, withDefault } from '../core/validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The JSON config of CosineAnnealingWarmRestarts (PyTorch's arguments in camelCase, PyTorch's defaults): the codec
 * is the single source of the config's type and of `CosineAnnealingWarmRestartsOptions`. Arguments:
 * - `t0`: Steps in the first period: a positive integer.
 * - `tMult`: Growth of the period after each restart: an integer >= 1. Default 1.
 * - `etaMin`: Minimum lr. Default 0.
 *
 * @example
 * import { CosineAnnealingWarmRestartsConfig } from 'lr-schedule'
 * CosineAnnealingWarmRestartsConfig.is({ type: 'CosineAnnealingWarmRestarts', t0: 10, tMult: 2 }) // true
 *
 * @category model
 * @since 0.1.0
 */
export const CosineAnnealingWarmRestartsConfig = schedulerConfig('CosineAnnealingWarmRestarts', { t0: PositiveInteger }, { tMult: PositiveInteger, etaMin: Finite })

/**
 * The JSON config of CosineAnnealingWarmRestarts.
 *
 * @example
 * import type { CosineAnnealingWarmRestartsConfig } from 'lr-schedule'
 * const c: CosineAnnealingWarmRestartsConfig = { type: 'CosineAnnealingWarmRestarts', t0: 10, tMult: 2 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineAnnealingWarmRestartsConfig = t.TypeOf<typeof CosineAnnealingWarmRestartsConfig>

/**
 * CosineAnnealingWarmRestarts's arguments: its config without `type` (see `CosineAnnealingWarmRestartsConfig`).
 *
 * @example
 * import type { CosineAnnealingWarmRestartsOptions } from 'lr-schedule'
 * const o: CosineAnnealingWarmRestartsOptions = { t0: 10, tMult: 2, etaMin: 1e-5 }
 *
 * @category model
 * @since 0.1.0
 */
export type CosineAnnealingWarmRestartsOptions = Omit<CosineAnnealingWarmRestartsConfig, 'type'>

/**
 * Where epoch `t` (whole or fractional, >= 0) falls: steps since the last restart, and the period.
 *
 * @example
 * import { warmRestartPosition } from 'lr-schedule'
 * warmRestartPosition(25, 10, 2) // { tCur: 15, tI: 20 }
 *
 * @category utils
 * @since 0.1.0
 */
export const warmRestartPosition = (t: number, t0: number, tMult: number): { readonly tCur: number; readonly tI: number } => {
  if (tMult === 1) return { tCur: t % t0, tI: t0 }
  let start = 0
  let tI = t0
  while (t >= start + tI) {
    start += tI
    tI *= tMult
  }
  return { tCur: t - start, tI }
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Cosine annealing with warm restarts.
 *
 * @example
 * import { cosineAnnealingWarmRestarts, trace } from 'lr-schedule'
 * trace(cosineAnnealingWarmRestarts({ t0: 2 }), [1], 4).lr // [[1], [0.5], [1], [0.5], [1]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const cosineAnnealingWarmRestarts = (options: CosineAnnealingWarmRestartsOptions): Scheduler<EpochState> => {
  const t0 = positiveInteger('t0', options.t0)
  const tMult = positiveInteger('tMult', withDefault(options.tMult, 1))
  const etaMin = finite('etaMin', withDefault(options.etaMin, 0))
  const p: Plan = { t0, tMult, etaMin }
  const lrAt = (t: number, base: number): number => lrWith(p, weightAt(p, t), base)
  return leaf({
    name: 'CosineAnnealingWarmRestarts',
    config: p,
    lr: (e, _lr, base) => lrAt(e, base),
    fast: (_n, clock, bases) => {
      const k: Fold = { p, clock, bases }
      return (b, count) => fastSteps(k, b, count)
    },
    closedForm: (e, base) => lrAt(e, base)
  })
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

// A CosineAnnealingWarmRestarts' numbers as data, and module-level functions of them: V8 compiles
// (and inlines) each once for every CosineAnnealingWarmRestarts (see Fast in internal/leaf.ts)
type Plan = Required<CosineAnnealingWarmRestartsOptions>

// PyTorch's get_lr: eta_min + (base_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2, where
// 1 + cos(pi * T_cur / T_i) belongs to the step, the same for every group: the fast path computes
// it once per step
const weightAt = (p: Plan, t: number): number => {
  const { tCur, tI } = warmRestartPosition(nonNegative('epoch', t), p.t0, p.tMult)
  return 1 + Math.cos((Math.PI * tCur) / tI)
}
const lrWith = (p: Plan, w: number, base: number): number => p.etaMin + ((base - p.etaMin) * w) / 2

/** A fold's state (see Fast in internal/leaf.ts). */
interface Fold {
  readonly p: Plan
  readonly clock: Clock
  readonly bases: Float64Array
}

const fastSteps = (k: Fold, b: Buffers, count: number): void => {
  const { p, clock, bases } = k
  const { lr, momentum } = b
  const out = b.rows.lr
  const held = heldMomentumRows(b)
  let e = clock.e
  let row = b.row
  for (let j = 0; j < count; j++, row += lr.length) {
    const w = weightAt(p, ++e)
    for (let i = 0; i < lr.length; i++) {
      const x = lrWith(p, w, bases[i] as number)
      lr[i] = x
      out[row + i] = x
    }
    if (held !== undefined) keepMomentum(momentum, held, row)
  }
  clock.e = e
  b.row = row
}
