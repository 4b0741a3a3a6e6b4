/**
 * What the Hugging Face presets share: every one of them is a LambdaLR in transformers (a
 * multiplier λ(step) of each group's initial lr), built here as a `leaf` whose lr and closed form
 * are the same expression, `initialLr · λ(e)`.
 *
 * Some of transformers' multipliers read the optimizer's default lr (`optimizer.defaults["lr"]`):
 * `polynomial` divides by it, `cosine_with_min_lr` and `cosine_warmup_with_min_lr` turn `min_lr` into a
 * rate with it. This library has no optimizer object; it takes the initial lr of the first param group
 * (PyTorch's idiom: the groups that do not set their own lr take the optimizer's, and the first group
 * usually is one of them; with one group, or with transformers' Trainer, whose groups all take
 * `learning_rate`, it is exact). `defaultLrLeaf` builds those: the multiplier is fixed when the
 * scheduler is initialised, from the groups it is given (or, resuming, from the state's `baseLrs[0]`).
 *
 * @internal
 */
import { argument } from '../../core/codec.js'
import { ScheduleError } from '../../core/errors.js'
import type { Buffers, Kernel } from '../../internal/kernel.js'
import type { Groups, Scheduler } from '../../core/model.js'
import { type EpochState, leaf } from '../../internal/leaf.js'
import { type Protocol, protocolOf, scheduler } from '../../internal/protocol.js'
import { finite } from '../../core/validate.js'

/** A multiplier of the initial lr, as a function of the step (transformers' `lr_lambda`). */
export type Multiplier = (step: number) => number

/** An integer (of any sign): transformers' `int` arguments that are not step counts. */
export const integer = (path: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ScheduleError(path, 'an integer', v)
  return v
}

/** The codec of `integer`. */
export const Integer = argument('Integer', integer)

/** transformers' linear warmup, `float(step) / float(max(1, num_warmup_steps))`. */
export const linearWarmup = (step: number, numWarmupSteps: number): number => step / Math.max(1, numWarmupSteps)

/** Python's float `x % 1.0` (the result takes the divisor's sign: in [0, 1), where JavaScript's `%` keeps the dividend's). */
export const pyMod1 = (x: number): number => {
  const m = x % 1.0
  return m !== 0 ? (m < 0 ? m + 1.0 : m) : 0
}

/** A LambdaLR-like leaf: every group's lr is its initial lr times `lambda(e)`, reducer and closed form alike. */
export const multiplierLeaf = (name: string, config: Readonly<Record<string, unknown>>, lambda: Multiplier): Scheduler<EpochState> => {
  const lr = (e: number, base: number): number => base * lambda(e)
  return leaf({ name, config, lr: (e, _lr, base) => lr(e, base), closedForm: lr })
}

/**
 * A multiplier leaf whose multiplier depends on the optimizer's default lr, taken as the first
 * group's initial lr. `lambdaFor` checks that lr (throwing a `ScheduleError` naming the argument it
 * conflicts with) and returns the multiplier.
 */
export const defaultLrLeaf = (
  name: string,
  config: Readonly<Record<string, unknown>>,
  lambdaFor: (defaultLr: number) => Multiplier
): Scheduler<EpochState> => {
  // one leaf per default lr, the last one kept (a fold uses one)
  let cached: { readonly lr: number; readonly leaf: Scheduler<EpochState> } | undefined
  const leafFor = (defaultLr: number): Scheduler<EpochState> => {
    if (cached === undefined || !Object.is(cached.lr, defaultLr)) cached = { lr: defaultLr, leaf: multiplierLeaf(name, config, lambdaFor(defaultLr)) }
    return cached.leaf
  }
  // the shape checks of the state (baseLrs, lastEpoch) do not depend on the multiplier
  const probe = multiplierLeaf(name, config, () => 0)

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
      if (inner === undefined) throw new Error(`${name}: the fast path was stepped before its init`)
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

  return scheduler<EpochState>({
    config: { type: name, ...config },
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
  })
}

/**
 * transformers' `_get_cosine_schedule_with_warmup_lr_lambda` (the second of its two definitions,
 * the one both `get_cosine_schedule_with_warmup` and `get_cosine_with_min_lr_schedule_with_warmup`
 * call): a linear warmup from 0, then a cosine from 1 to `minLrRate`, clipped at 0.
 */
export const cosineMultiplier =
  (numWarmupSteps: number, numTrainingSteps: number, numCycles: number, minLrRate: number): Multiplier =>
  (step) => {
    if (step < numWarmupSteps) return linearWarmup(step, numWarmupSteps)
    const progress = (step - numWarmupSteps) / Math.max(1, numTrainingSteps - numWarmupSteps)
    let factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress))
    factor = factor * (1 - minLrRate) + minLrRate
    return Math.max(0, factor)
  }

/**
 * transformers' `min_lr` / `min_lr_rate` pair (exactly one is given): the rate, or `undefined` when it
 * is `minLr` divided by the optimizer's default lr (known at init).
 */
export const minLrArguments = (
  minLr: number | undefined,
  minLrRate: number | undefined
): { readonly minLr: number } | { readonly minLrRate: number } => {
  if (minLr !== undefined && minLrRate !== undefined)
    throw new ScheduleError('minLrRate', 'no value when minLr is given (transformers takes only one of min_lr and min_lr_rate)', minLrRate)
  if (minLr !== undefined) return { minLr: finite('minLr', minLr) }
  if (minLrRate === undefined)
    throw new ScheduleError('minLr', 'a finite number, or minLrRate (transformers requires one of min_lr and min_lr_rate)', minLr)
  return { minLrRate: finite('minLrRate', minLrRate) }
}

/**
 * transformers' `min_lr / optimizer.defaults["lr"]`, the optimizer's lr being the first group's
 * initial lr here (rejected unless > 0: torch's optimizers refuse a negative lr, 0 divides by zero).
 */
export const minLrRateOf = (name: string, minLr: number, defaultLr: number): number => {
  if (!(defaultLr > 0))
    throw new ScheduleError(
      'groups[0].lr',
      `an initial lr > 0 (${name} divides minLr by the first group's initial lr, as transformers divides min_lr by the optimizer's lr; or give minLrRate)`,
      defaultLr
    )
  return minLr / defaultLr
}
