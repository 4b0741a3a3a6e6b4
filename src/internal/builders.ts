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
 * - `fromReducer`: anything else, given as the reducer and its protocol (plateau schedules);
 *   `fromMetricReducer`, the common case of it: a reducer that reads a metric at every step, with
 *   no closed form, starting afresh in composites.
 *
 * The first three run on `leaf`, which derives the reducer and the fast path from the same
 * per-group functions.
 *
 * @internal
 */
import type { Groups, Reducer } from '../core/model.js'
import type { Body } from './define.js'
import { resetToInitialLrs } from './groups.js'
import { kernelFromReducer } from './kernel.js'
import { type Clock, type EpochState, type FastFactors, type LeafSpec, leaf } from './leaf.js'
import { type Parts, scheduler } from './protocol.js'

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
