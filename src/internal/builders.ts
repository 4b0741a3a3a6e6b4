/**
 * The builders, one per form a schedule takes; each returns the `Body` a definition's `make`
 * gives back (the scheduler waiting for its type name and config):
 *
 * - `fromStep`: the lr is a function of the step (and the group's initial lr): the reducer, the
 *   closed form and the fast path are that one function (optax, Keras, Hugging Face, timm presets;
 *   PyTorch's LambdaLR);
 * - `fromFactor`: a step multiplies every lr by one factor of the step, and the product of the
 *   factors so far is the closed form (PyTorch's chainable multiplicative schedulers; a chain of
 *   them has a closed form and fuses their factors on the fast path);
 * - `fromRecurrence`: a step's lr is a function of the previous lr (PyTorch's chainable cosine),
 *   with a closed form beside it;
 * - `fromFirstGroupLr`: a leaf whose numbers depend on the first group's initial lr (transformers'
 *   optimizer default lr, NeMo's `base_lrs[0]`), rebuilt from it when the groups are seen;
 * - `fromReducer`: anything else, given as the reducer and its protocol (plateau schedules);
 *   `fromMetricReducer`, the common case of it: a reducer that reads a metric at every step, with
 *   no closed form, starting afresh in composites.
 *
 * The first three run on `leaf`, which derives the reducer and the fast path from the same
 * per-group functions.
 *
 * @internal
 */
import { ScheduleError } from '../core/errors.js'
import type { Groups, Reducer, Scheduler } from '../core/model.js'
import type { Body } from './define.js'
import { resetToInitialLrs } from './groups.js'
import { type Buffers, type Kernel, kernelFromReducer } from './kernel.js'
import { type Clock, type EpochState, type FastFactors, type LeafSpec, leaf } from './leaf.js'
import { type Parts, type Protocol, protocolOf, scheduler } from './protocol.js'

/** What a leaf's spec holds besides its name and config. */
type Spec = Omit<LeafSpec, 'name' | 'config'>

/** The leaf of a spec, named and configured by its definition. */
const leafBody =
  (spec: Spec): Body<EpochState> =>
  ({ type, config }) => {
    const { type: _type, ...args } = config
    return leaf({ ...spec, name: type, config: args })
  }

/**
 * A schedule whose lr is a function of the step: `lr(e, base, i)` for group `i` after `e` steps,
 * from its initial lr `base`. The reducer, the closed form and the fast path all call it.
 */
export const fromStep = (
  spec: Omit<Spec, 'lr' | 'closedForm' | 'multiplier' | 'factors' | 'ctorLr'> & { readonly lr: (e: number, base: number, i: number) => number }
): Body<EpochState> => {
  const f = spec.lr
  return leafBody({ ...spec, lr: (e, _lr, base, i) => f(e, base, i), closedForm: f })
}

/**
 * A schedule whose step multiplies every lr by `factor(e)` (1 where PyTorch keeps the lr: `lr · 1`
 * is `lr` exactly), and whose closed form is the initial lr times `multiplier(e)`, the product of
 * the factors so far in PyTorch's closed-form expression. `factors`, the fast path's loop over a
 * block of steps, is written in the schedule's module where the benchmark needs it (see `Fast` in
 * leaf.ts); without it, the factors come from `factor`.
 */
export const fromFactor = (spec: {
  readonly factor: (e: number) => number
  readonly multiplier: (e: number) => number
  readonly factors?: FastFactors
}): Body<EpochState> => {
  const { factor, multiplier } = spec
  return leafBody({
    lr: (e, lr) => lr * factor(e),
    factors: spec.factors ?? ((clock: Clock) => (out, at, count) => {
      for (let j = 0; j < count; j++) out[at + j] = factor(++clock.e)
    }),
    closedForm: (e, base) => base * multiplier(e),
    multiplier
  })
}

/**
 * A schedule whose step computes the new lr from the current one (`lr(e, lr, base, i, init)`,
 * PyTorch's chainable form), with its closed form beside it where PyTorch has one (MultiplicativeLR
 * and SWALR have none) and, optionally, its fast path.
 */
export const fromRecurrence = (spec: Spec): Body<EpochState> => leafBody(spec)

/**
 * A general reducer with its protocol (a plateau: its state is more than a step count).
 */
export const fromReducer =
  <S>(parts: Omit<Parts<S>, 'config'>): Body<S> =>
  ({ config }) =>
    scheduler({ ...parts, config })

/** A reducer's `reinit` and `restart` when both start afresh from the groups, as `init` does (the restart from the initial lrs). */
export const startsAfresh = <S>(
  init: (groups: Groups) => readonly [Groups, S],
  reset: (groups: Groups) => Groups
): Pick<Parts<S>, 'reinit' | 'restart'> => ({
  reinit: (_state, groups) => init(groups),
  restart: (_state, groups) => init(reset(groups))
})

/**
 * A reducer that reads the metric of every step (a plateau schedule of another library): no closed
 * form, no multiplier, no momentum; `init` run again on a built scheduler and at a `sequential`
 * milestone (from the initial lrs) starts afresh; the fast path runs the reducer.
 */
export const fromMetricReducer = <S>(spec: {
  readonly init: (groups: Groups) => readonly [Groups, S]
  readonly step: Reducer<S>
  readonly checkState: (state: unknown, path: string, groups: number) => number
  readonly checkGroups?: (groups: number) => void
}): Body<S> => {
  const { init, step, checkState } = spec
  const checkGroups = spec.checkGroups ?? (() => undefined)
  const reducer = { init, step, ...startsAfresh(init, resetToInitialLrs) }
  return fromReducer({
    ...reducer,
    closedForm: undefined,
    multiplier: undefined,
    checkState,
    checkGroups,
    setsMomentum: false,
    takesMetric: true,
    kernel: (n) => {
      checkGroups(n)
      return kernelFromReducer(reducer)
    }
  })
}

/**
 * A schedule whose numbers depend on the first param group's initial lr (a trainer's
 * `base_lrs[0]` or optimizer default lr): `bodyFor(firstLr, type)` builds the leaf for that lr
 * (throwing a `ScheduleError` where the lr conflicts with an argument). A body of its own (on
 * `fromReducer`) rather than `fromStep`, where a step's lr sees only its own group's initial lr.
 * The first lr is read when the groups are first seen; resuming, from the state's `baseLrs[0]`; in
 * the closed form, from the first initial lr; on the fast path, from the first group's buffers.
 */
export const fromFirstGroupLr =
  (bodyFor: (firstLr: number, type: string) => Body<EpochState>): Body<EpochState> =>
  (meta) => {
    // one leaf per first lr, the last one kept (a fold uses one)
    let cached: { readonly lr: number; readonly leaf: Scheduler<EpochState> } | undefined
    const leafFor = (defaultLr: number): Scheduler<EpochState> => {
      if (cached === undefined || !Object.is(cached.lr, defaultLr)) cached = { lr: defaultLr, leaf: bodyFor(defaultLr, meta.type)(meta) }
      return cached.leaf
    }
    // the shape checks of the state (baseLrs, lastEpoch) do not depend on the first lr
    const probe = fromStep({ lr: () => 0 })(meta)

    const firstGroupLr = (groups: Groups): number => {
      const g = Array.isArray(groups) ? groups[0] : undefined
      if (g === undefined) throw new ScheduleError('groups', 'a non-empty array of param groups', groups)
      return g.initialLr ?? g.lr
    }
    const firstBase = (state: EpochState, groups: Groups): Scheduler<EpochState> => {
      const b = (state as EpochState | null)?.baseLrs
      const lr = Array.isArray(b) ? b[0] : undefined
      // a malformed state: the leaf's own checks say what is wrong with it
      return typeof lr === 'number' && Number.isFinite(lr) ? leafFor(lr) : (probe.step(state, groups), probe)
    }

    const kernel = (n: number): Kernel => {
      protocolOf(probe).kernel(n)
      let inner: Kernel | undefined
      const started = (): Kernel => {
        if (inner === undefined) throw new Error(`${meta.type}: the fast path was stepped before its init`)
        return inner
      }
      return {
        init: (b: Buffers) => {
          const first = b.initialLr[0] as number
          inner = protocolOf(leafFor(Number.isNaN(first) ? (b.lr[0] as number) : first)).kernel(n)
          inner.init(b)
        },
        reinit: (b) => started().reinit(b),
        step: (b, metric) => started().step(b, metric),
        restart: (b) => started().restart(b)
      }
    }

    return fromReducer<EpochState>({
      init: (groups) => leafFor(firstGroupLr(groups)).init(groups),
      reinit: (state, groups) => protocolOf(firstBase(state, groups)).reinit(state, groups),
      step: (state, groups) => firstBase(state, groups).step(state, groups),
      restart: (state, groups) => protocolOf(firstBase(state, groups)).restart(state, groups),
      closedForm: (t, initialLrs) => {
        const first = initialLrs[0]
        if (first === undefined) throw new ScheduleError('initialLrs', 'a non-empty array of initial lrs', initialLrs)
        return (protocolOf(leafFor(first)).closedForm as NonNullable<Protocol<EpochState>['closedForm']>)(t, initialLrs)
      },
      multiplier: undefined,
      checkState: protocolOf(probe).checkState,
      checkGroups: protocolOf(probe).checkGroups,
      setsMomentum: false,
      takesMetric: false,
      kernel
    })(meta)
  }
