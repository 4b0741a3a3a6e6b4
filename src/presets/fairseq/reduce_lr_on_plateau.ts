/**
 * `fairseq.reduce_lr_on_plateau`: fairseq's `ReduceLROnPlateauLRSchedule` (facebookresearch/fairseq v0.12.3,
 * fairseq/optim/lr_scheduler/reduce_lr_on_plateau.py) — an optional linear warmup from
 * `warmupInitLr` to `lr[0]` over `warmupUpdates` (by update), then PyTorch's ReduceLROnPlateau
 * (`factor: lrShrink`, `patience: lrPatience`, `threshold: lrThreshold`, `mode` from
 * `maximizeBestCheckpointMetric`, PyTorch's other defaults) stepped with the validation loss at
 * each epoch's end.
 *
 * Rows are updates; an epoch is `updatesPerEpoch` updates, and the metric of step k (the one that
 * moves to update k) is read only when k ends an epoch (k a multiple of `updatesPerEpoch`): it is
 * that epoch's validation loss, and may reduce the lr of update k. Other steps' metrics are
 * ignored. An epoch's metric is also ignored until the warmup has ended (fairseq's `warmup_end`:
 * an epoch ending at update k counts once k > `warmupUpdates`).
 *
 * @since 0.2.0
 */
import { Bool, Finite, InRange, NonNegative, NonNegativeInteger, PositiveInteger } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Groups, StepInput } from '../../core/model.js'
import { nonNegativeInteger, record } from '../../core/validate.js'
import { fromReducer } from '../../internal/builders.js'
import { type OptionsOf, define, required, withDefault } from '../../internal/define.js'
import type { Buffers, Kernel } from '../../internal/kernel.js'
import { type PlateauState, plateau } from '../../schedulers/ReduceLROnPlateau.js'
import { lrArg, singleLr } from './internal.js'

const args = {
  lrShrink: withDefault(InRange(0, 1, { hi: true }), 'The factor a reduction multiplies the lr by, in [0, 1) (PyTorch rejects a factor ≥ 1).', 0.1),
  lrThreshold: withDefault(NonNegative, 'How much better (relatively) a loss must be to count as an improvement, ≥ 0.', 1e-4),
  lrPatience: withDefault(NonNegativeInteger, 'Epochs without improvement tolerated before a reduction: an integer ≥ 0.', 0),
  warmupUpdates: withDefault(NonNegativeInteger, 'Updates of the linear warmup: an integer ≥ 0.', 0),
  warmupInitLr: withDefault(Finite, 'The lr of update 0 with a warmup: any finite number (negative: 0).', -1),
  lr: lrArg('The lr after the warmup: a one-entry list of numbers ≥ 0.'),
  maximizeBestCheckpointMetric: withDefault(Bool, "fairseq's `checkpoint.maximize_best_checkpoint_metric`: whether the metric should increase (mode max).", false),
  updatesPerEpoch: required(PositiveInteger, 'Updates per epoch: an integer ≥ 1 (not a fairseq argument: its trainer counts them from the data).')
}

/**
 * The state of a `fairseq.reduce_lr_on_plateau`: the updates done, and PyTorch's plateau counters.
 *
 * @category model
 * @since 0.2.0
 */
export interface FairseqPlateauState {
  readonly updates: number
  readonly plateau: PlateauState
}

/**
 * The definition of `fairseq.reduce_lr_on_plateau`.
 *
 * @category definitions
 * @since 0.2.0
 */
export const ReduceLrOnPlateau = define({
  type: 'fairseq.reduce_lr_on_plateau',
  summary: "fairseq's warmup, then PyTorch's ReduceLROnPlateau on the validation loss at epoch ends.",
  args,
  make: ({ lrShrink, lrThreshold, lrPatience, warmupUpdates, warmupInitLr, lr, maximizeBestCheckpointMetric, updatesPerEpoch }) => {
    // ReduceLROnPlateauLRSchedule.__init__ (reduce_lr_on_plateau.py:75-107)
    const warmupEndLr = singleLr(lr, 'reduce_lr_on_plateau')
    const inner = plateau({
      mode: maximizeBestCheckpointMetric ? 'max' : 'min',
      factor: lrShrink,
      patience: lrPatience,
      threshold: lrThreshold,
      thresholdMode: 'rel',
      cooldown: 0,
      minLr: 0,
      eps: 1e-8
    })
    const w = warmupUpdates
    const init = warmupInitLr < 0 ? (w > 0 ? 0 : warmupEndLr) : warmupInitLr
    const lrStep = w > 0 ? (warmupEndLr - init) / w : 0
    // the lr of update n during the warmup (step_update, reduce_lr_on_plateau.py:130-143), or undefined after it
    const warmupLr = (n: number): number | undefined => (w > 0 && n <= w ? init + n * lrStep : undefined)
    // row 0: the constructor's lr, then step_update(0) (trainer.py:368)
    const first = warmupLr(0) ?? warmupEndLr
    // whether the step to update n ends an epoch whose loss the plateau reads (`warmup_end` was set by step_update(n))
    const readsMetric = (n: number): boolean => n % updatesPerEpoch === 0 && (w <= 0 || n > w)
    const metricAt = (n: number, input: StepInput | undefined): number => {
      const m = input?.metric
      if (typeof m !== 'number' || !Number.isFinite(m))
        throw new ScheduleError(
          'metric',
          `a finite number at update ${n} (fairseq.reduce_lr_on_plateau reads the validation loss at every epoch's end, every updatesPerEpoch = ${updatesPerEpoch} updates)`,
          m
        )
      return m
    }
    const setAll = (groups: Groups, v: number): Groups => groups.map((g) => ({ ...g, lr: v }))

    const start = (groups: Groups): readonly [Groups, FairseqPlateauState] => {
      const [g, p] = inner.init(groups)
      return [setAll(g, first), { updates: 0, plateau: p }]
    }
    const validState = (state: unknown, path: string): FairseqPlateauState => {
      const o = record(path, state, ['updates', 'plateau'])
      const updates = nonNegativeInteger(`${path}.updates`, o['updates'])
      inner.checkState(o['plateau'], `${path}.plateau`)
      return { updates, plateau: o['plateau'] as PlateauState }
    }

    const kernel = (n: number): Kernel => {
      const k = inner.kernel(n)
      let updates = 0
      const begin = (b: Buffers): void => {
        k.init(b)
        b.lr.fill(first)
        updates = 0
      }
      return {
        init: begin,
        reinit: begin,
        restart: begin,
        step: (b, metric) => {
          const u = ++updates
          const v = warmupLr(u)
          if (v !== undefined) b.lr.fill(v)
          if (readsMetric(u)) k.step(b, metricAt(u, { metric }))
        }
      }
    }

    return fromReducer<FairseqPlateauState>({
      init: start,
      reinit: (_state, groups) => start(groups),
      restart: (_state, groups) => start(groups),
      step: (state, groups, input) => {
        const s = validState(state, 'fairseq.reduce_lr_on_plateau state')
        const u = s.updates + 1
        const v = warmupLr(u)
        const g = v === undefined ? groups : setAll(groups, v)
        if (!readsMetric(u)) return [g, { updates: u, plateau: s.plateau }]
        const [reduced, p] = inner.step(s.plateau, g, { metric: metricAt(u, input) })
        return [reduced, { updates: u, plateau: p }]
      },
      closedForm: undefined,
      multiplier: undefined,
      checkState: (state, path) => validState(state, path).updates,
      checkGroups: inner.checkGroups,
      setsMomentum: false,
      takesMetric: true,
      kernel
    })
  }
})

/**
 * The arguments of `fairseq.reduce_lr_on_plateau` (fairseq's in camelCase, with its defaults).
 *
 * @category model
 * @since 0.2.0
 */
export type ReduceLrOnPlateauOptions = OptionsOf<typeof args>

/**
 * fairseq's warmup, then PyTorch's ReduceLROnPlateau on the validation loss at epoch ends.
 *
 * @example
 * import { fairseq, trace } from 'lr-schedule'
 * trace(fairseq.reduceLrOnPlateau({ lr: [1], lrShrink: 0.5, updatesPerEpoch: 2 }), [1], 6, [9, 3, 9, 3, 9, 3]).lr // [[1], [1], [1], [1], [0.5], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.2.0
 */
export const reduceLrOnPlateau = ReduceLrOnPlateau.make
