/**
 * timm's `PlateauLRScheduler` (timm/scheduler/plateau_lr.py; config `timm.plateau`): PyTorch's ReduceLROnPlateau behind a linear
 * warmup, with seeded noise.
 *
 * Row 0 is what timm's constructor leaves (`warmupLrInit` with a warmup, the base lrs without);
 * row k (k >= 1) is the lr after timm's `step(k, metric)` — the k-th metric of a trace. For
 * `k <= warmupT` the lr is `warmupLrInit + k · s` (`s = (base − warmupLrInit) / warmupT`) and the
 * metric is ignored; after that every metric steps the ReduceLROnPlateau (`decayRate` =
 * `factor`, `patienceT` = `patience`, `cooldownT` = `cooldown`, `lrMin` = `minLr`, relative
 * threshold, eps 1e-8) on the lr the warmup left. A step without a metric (`step(state, groups)`)
 * does not step the plateau, as in timm. Noise multiplies the lr of a step after the warmup by
 * `1 + noise` and is taken off again before the next plateau step (timm's `restore_lr`).
 *
 * timm's default mode is `max` (a metric such as accuracy), PyTorch's is `min`.
 *
 * @since 0.1.0
 */
import { InRange, NonNegative, NonNegativeInteger, OneOf, PerGroup } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Groups, Scheduler } from '../../core/model.js'
import { finite, groupCount, nonNegativeInteger, record } from '../../core/validate.js'
import { fromReducer } from '../../internal/builders.js'
import { type ArgsOf, type OptionsOf, define, withDefault } from '../../internal/define.js'
import { initialLrOf, recordInitialLrs } from '../../internal/groups.js'
import { type Kernel, kernelFromReducer } from '../../internal/kernel.js'
import { type Parts, protocolOf } from '../../internal/protocol.js'
import { type PlateauState as TorchPlateauState, reduceLROnPlateau } from '../../schedulers/ReduceLROnPlateau.js'
import { inNoiseRange, noiseArgs, noiseOf, warmupArgs } from './common.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

const args = {
  decayRate: withDefault(InRange(0, 1, { hi: true }), "The lr's factor at each reduction, in [0, 1).", 0.1),
  patienceT: withDefault(NonNegativeInteger, 'Bad steps tolerated before a reduction (it reduces after `patienceT + 1`).', 10),
  threshold: withDefault(NonNegative, 'The relative improvement needed to count as better, ≥ 0.', 1e-4),
  cooldownT: withDefault(NonNegativeInteger, 'Steps to wait after a reduction before counting bad steps again.', 0),
  ...warmupArgs,
  lrMin: withDefault(PerGroup(NonNegative), 'The floor of the lr, ≥ 0 (one per group, or one for all).', 0),
  mode: withDefault(OneOf(['min', 'max'] as const), 'Whether higher metrics are better (`"max"`, timm\'s default) or lower ones (`"min"`).', 'max'),
  noiseType: withDefault(OneOf(['normal', 'uniform'] as const), 'The distribution of the noise: `"normal"` or `"uniform"`.', 'normal'),
  ...noiseArgs
}

/**
 * The arguments of `timm.plateau` (timm's `PlateauLRScheduler` arguments in camelCase, timm's defaults).
 *
 * @category model
 * @since 0.1.0
 */
export type PlateauOptions = OptionsOf<typeof args>

/**
 * The state of a `timm.plateau`: timm's epoch (steps taken), the base lrs (the warmup's targets),
 * the ReduceLROnPlateau's state (which steps only after the warmup), and the lrs before the last
 * step's noise (`null` when it added none).
 *
 * @example
 * import { timm } from 'lr-schedule'
 * const s: timm.PlateauState = { lastEpoch: 0, baseLrs: [0.1], plateau: { lastEpoch: 0, best: null, numBadEpochs: 0, cooldownCounter: 0 }, restoreLrs: null }
 *
 * @category model
 * @since 0.1.0
 */
export interface PlateauState {
  readonly lastEpoch: number
  readonly baseLrs: ReadonlyArray<number>
  readonly plateau: TorchPlateauState
  readonly restoreLrs: ReadonlyArray<number> | null
}

/** The definition of `timm.plateau`. @internal */
export const Plateau = define({
  type: 'timm.plateau',
  summary: "timm's plateau schedule: a linear warmup, then ReduceLROnPlateau on the metric of every step.",
  args,
  make: (a) => fromReducer(timmPlateau(a))
})

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * timm's plateau schedule: a linear warmup, then ReduceLROnPlateau on the metric of every step.
 *
 * @example
 * import { timm, trace } from 'lr-schedule'
 * const s = timm.plateau({ warmupT: 2, mode: 'min', patienceT: 0, decayRate: 0.5 })
 * trace(s, [1], 5, [9, 9, 3, 3, 3]).lr // [[0], [0.5], [1], [1], [0.5], [0.25]]
 *
 * @category constructors
 * @since 0.1.0
 */
export const plateau = (options: PlateauOptions = {}): Scheduler<PlateauState> => Plateau.make(options)

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

/** timm's plateau as a reducer and its protocol. */
const timmPlateau = (a: ArgsOf<typeof args>): Omit<Parts<PlateauState>, 'config'> => {
  const { decayRate, patienceT, threshold, cooldownT, warmupT, warmupLrInit, lrMin, mode } = a
  // timm builds torch's ReduceLROnPlateau with these (threshold_mode and eps left at their defaults)
  const inner = reduceLROnPlateau({
    mode,
    factor: decayRate,
    patience: patienceT,
    threshold,
    thresholdMode: 'rel',
    cooldown: cooldownT,
    minLr: lrMin,
    eps: 1e-8
  })

  // what timm's constructor does: every group at its base lr, then at warmupLrInit when warming up
  const start = (groups: Groups, baseLrs: ReadonlyArray<number>): readonly [Groups, PlateauState] => {
    groupCount('lrMin', lrMin, groups.length)
    const [g, p] = inner.init(recordInitialLrs(groups))
    return [
      g.map((x, i) => ({ ...x, lr: warmupT > 0 ? warmupLrInit : (baseLrs[i] as number) })),
      { lastEpoch: 0, baseLrs, plateau: p, restoreLrs: null }
    ]
  }
  const again = (state: PlateauState, groups: Groups): readonly [Groups, PlateauState] => {
    checkState(state, 'timm.plateau state', groups.length)
    return start(groups, state.baseLrs)
  }

  const step: Scheduler<PlateauState>['step'] = (state, groups, input) => {
    checkState(state, 'timm.plateau state', groups.length)
    const e = state.lastEpoch + 1
    const { baseLrs } = state
    if (e <= warmupT)
      return [
        groups.map((g, i) => ({ ...g, lr: warmupLrInit + e * (((baseLrs[i] as number) - warmupLrInit) / warmupT) })),
        { ...state, lastEpoch: e }
      ]
    // take off the last step's noise, step the plateau on the metric (if any), add this step's noise
    let g = state.restoreLrs === null ? groups : groups.map((x, i) => ({ ...x, lr: (state.restoreLrs as ReadonlyArray<number>)[i] as number }))
    let p = state.plateau
    const metric = input?.metric
    if (metric !== undefined) [g, p] = inner.step(p, g, { metric: finite('metric', metric) })
    if (!inNoiseRange(a, e)) return [g, { lastEpoch: e, baseLrs, plateau: p, restoreLrs: null }]
    const n = noiseOf(a, e)
    return [g.map((x) => ({ ...x, lr: x.lr + x.lr * n })), { lastEpoch: e, baseLrs, plateau: p, restoreLrs: g.map((x) => x.lr) }]
  }

  const perGroupLrs = (path: string, v: unknown, n: number): void => {
    if (!Array.isArray(v) || v.length !== n) throw new ScheduleError(path, `${n} lr${n === 1 ? '' : 's'} (one per param group)`, v)
    v.forEach((x, i) => finite(`${path}[${i}]`, x))
  }
  const checkState = (state: unknown, path: string, groups: number): number => {
    const o = record(path, state, ['lastEpoch', 'baseLrs', 'plateau', 'restoreLrs'])
    const e = nonNegativeInteger(`${path}.lastEpoch`, o['lastEpoch'])
    perGroupLrs(`${path}.baseLrs`, o['baseLrs'], groups)
    const stepped = protocolOf(inner).checkState(o['plateau'], `${path}.plateau`, groups)
    const most = Math.max(0, e - warmupT)
    if (stepped > most)
      throw new ScheduleError(`${path}.plateau.lastEpoch`, `at most ${most} (the plateau steps only after the ${warmupT} warmup steps)`, stepped)
    if (o['restoreLrs'] !== null) perGroupLrs(`${path}.restoreLrs`, o['restoreLrs'], groups)
    return e
  }

  const reducer = {
    init: (groups: Groups) => {
      const recorded = recordInitialLrs(groups)
      return start(recorded, recorded.map((g, i) => initialLrOf(g, i)))
    },
    reinit: again,
    restart: again,
    step
  }

  return {
    ...reducer,
    closedForm: undefined,
    multiplier: undefined,
    checkState,
    setsMomentum: false,
    takesMetric: true,
    kernel: (n: number): Kernel => {
      groupCount('lrMin', lrMin, n)
      return kernelFromReducer(reducer)
    }
  }
}
