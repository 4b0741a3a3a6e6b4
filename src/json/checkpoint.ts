/**
 * Checkpoints: a schedule's progress as JSON — its config, the param groups and the state — and
 * loading it back into a schedule, checked against it: a checkpoint of another schedule, a
 * corrupted or truncated file is a clear error, never a silently wrong lr.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { ScheduleError, formatValue } from '../core/errors.js'
import type { AnyScheduler, Groups, ParamGroup } from '../core/model.js'
import type { ConfigError } from '../core/errors.js'
import { encodeSchedule } from './decode.js'
import { nameOf, protocolOf } from '../internal/protocol.js'
import { checkContinues, firstDifference } from '../folds.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The format tag of checkpoints written by this version.
 *
 * @example
 * import { CHECKPOINT_FORMAT } from 'lr-schedule'
 * CHECKPOINT_FORMAT // 'lr-schedule/checkpoint@1'
 *
 * @category model
 * @since 0.1.0
 */
export const CHECKPOINT_FORMAT = 'lr-schedule/checkpoint@1'

/**
 * A checkpoint: the schedule's config (to check it is resumed into the same schedule), the groups
 * and the state after `steps` steps.
 *
 * @example
 * import type { Checkpoint } from 'lr-schedule'
 * const c: Checkpoint = { format: 'lr-schedule/checkpoint@1', schedule: { type: 'StepLR', stepSize: 3, gamma: 0.1 }, steps: 0, groups: [{ lr: 0.1, initialLr: 0.1 }], state: { lastEpoch: 0 } }
 *
 * @category model
 * @since 0.1.0
 */
export interface Checkpoint<S = unknown> {
  readonly format: typeof CHECKPOINT_FORMAT
  readonly schedule: unknown
  readonly steps: number
  readonly groups: Groups
  readonly state: S
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The checkpoint of a run as a JSON string (`functions` names LambdaLR/CyclicLR functions).
 *
 * @example
 * import { saveCheckpoint, trace, stepLR } from 'lr-schedule'
 * const s = stepLR({ stepSize: 3 })
 * const run = trace(s, [0.1], 5)
 * const json = saveCheckpoint(s, run.groups, run.state)
 *
 * @category constructors
 * @since 0.1.0
 */
export const saveCheckpoint = <S>(
  scheduler: AnyScheduler,
  groups: Groups,
  state: S,
  functions: Readonly<Record<string, (x: number) => number>> = {}
): string => {
  const schedule = encodeSchedule(scheduler, functions)
  if (E.isLeft(schedule)) {
    const first = schedule.left[0] as ConfigError
    throw new ScheduleError(first.path, 'a schedule that can be written as JSON', first.value, `${first.path}: ${first.message}`)
  }
  const steps = protocolOf(scheduler).checkState(state, 'state', groups.length)
  const checkpoint: Checkpoint<S> = { format: CHECKPOINT_FORMAT, schedule: schedule.right, steps, groups, state }
  return JSON.stringify(checkpoint)
}

// -------------------------------------------------------------------------------------
// loading
// -------------------------------------------------------------------------------------

/**
 * Reads a checkpoint back into `scheduler`: the JSON text (a string) must parse, be a checkpoint of
 * this very schedule (same config), with one valid group per param group (finite lrs, initial lrs
 * not negative, as `resume` requires) and a state this schedule can continue from. Resume with
 * `resume(scheduler, groups, state, n)`.
 *
 * @example
 * import { loadCheckpoint, saveCheckpoint, resume, trace, stepLR } from 'lr-schedule'
 * const s = stepLR({ stepSize: 3 })
 * const run = trace(s, [0.1], 5)
 * const r = loadCheckpoint(s, saveCheckpoint(s, run.groups, run.state))
 * r._tag === 'Right' && resume(s, r.right.groups, r.right.state, 1).lr // [[0.010000000000000002], [0.0010000000000000002]]
 *
 * @category loading
 * @since 0.1.0
 */
export const loadCheckpoint = <S>(
  scheduler: AnyScheduler & { readonly init: (g: Groups) => readonly [Groups, S] },
  json: string,
  functions: Readonly<Record<string, (x: number) => number>> = {}
): E.Either<ReadonlyArray<ConfigError>, Checkpoint<S>> => {
  const problem = (path: string, message: string, value: unknown): E.Either<ReadonlyArray<ConfigError>, never> =>
    E.left([{ path, message, value }])
  // a JavaScript caller may pass the parsed checkpoint, or nothing: an error, not a TypeError
  if (typeof json !== 'string')
    return problem('checkpoint', `expected the checkpoint's JSON text (the string saveCheckpoint returns), got ${formatValue(json)}`, json)
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (e) {
    return problem('checkpoint', `expected JSON (the file is corrupted or truncated): ${(e as Error).message}`, json.slice(-40))
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return problem('checkpoint', `expected a checkpoint object, got ${formatValue(parsed)}`, parsed)
  const c = parsed as Record<string, unknown>
  const keys = ['format', 'schedule', 'steps', 'groups', 'state']
  for (const k of Object.keys(c)) if (!keys.includes(k)) return problem(`checkpoint.${k}`, `unknown key (a checkpoint has ${keys.join(', ')})`, c[k])
  if (c['format'] !== CHECKPOINT_FORMAT)
    return problem('checkpoint.format', `expected ${JSON.stringify(CHECKPOINT_FORMAT)}, got ${formatValue(c['format'])}`, c['format'])
  const expected = encodeSchedule(scheduler, functions)
  if (E.isLeft(expected)) return expected
  const diff = firstDifference(c['schedule'], expected.right, 'checkpoint.schedule')
  if (diff !== undefined)
    return problem(diff.path, `the checkpoint is of another schedule: expected ${formatValue(diff.expected)}, got ${formatValue(diff.actual)}`, diff.actual)
  const groups = checkGroups(c['groups'])
  if (E.isLeft(groups)) return groups
  // a momentum-cycling schedule set momentum (or betas[0]) on every group at its initial step
  if (protocolOf(scheduler).setsMomentum) {
    const bare = groups.right.findIndex((g) => g.momentum === undefined && g.betas === undefined)
    if (bare >= 0)
      return problem(`checkpoint.groups[${bare}]`, `expected a param group with momentum or betas (${nameOf(scheduler)} cycles momentum), got ${formatValue(groups.right[bare])}`, groups.right[bare])
  }
  // the groups must fit the schedule's per-group lists
  try {
    protocolOf(scheduler).checkGroups(groups.right.length)
  } catch (e) {
    if (e instanceof ScheduleError && Array.isArray(e.value))
      return problem('checkpoint.groups', `expected ${e.value.length} param groups (the schedule's ${e.path} has ${e.value.length} values), got ${groups.right.length}`, groups.right)
    throw e
  }
  try {
    const steps = protocolOf(scheduler).checkState(c['state'], 'checkpoint.state', groups.right.length)
    if (c['steps'] !== steps) return problem('checkpoint.steps', `expected ${steps} (the steps of the state), got ${formatValue(c['steps'])}`, c['steps'])
    checkContinues(scheduler, groups.right, c['state'], steps, { groups: 'checkpoint.groups', state: 'checkpoint.state' })
    return E.right({ format: CHECKPOINT_FORMAT, schedule: c['schedule'], steps, groups: groups.right, state: c['state'] as S })
  } catch (e) {
    if (e instanceof ScheduleError) return problem(e.path, e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message, e.value)
    throw e
  }
}

// -------------------------------------------------------------------------------------
// utils
// -------------------------------------------------------------------------------------

const checkGroups = (u: unknown): E.Either<ReadonlyArray<ConfigError>, Groups> => {
  const errors: ConfigError[] = []
  if (!Array.isArray(u) || u.length === 0) return E.left([{ path: 'checkpoint.groups', message: `expected a non-empty array of param groups, got ${formatValue(u)}`, value: u }])
  const finite = (path: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ path, message: `expected a finite number, got ${formatValue(v)}`, value: v })
  }
  // the initial lr is the user's and not negative, as `resume` checks it: a checkpoint that loads can be resumed
  const nonNegative = (path: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) finite(path, v)
    else if (v < 0) errors.push({ path, message: `expected a finite number >= 0, got ${formatValue(v)}`, value: v })
  }
  u.forEach((g: unknown, i) => {
    const path = `checkpoint.groups[${i}]`
    if (typeof g !== 'object' || g === null || Array.isArray(g)) {
      errors.push({ path, message: `expected a param group, got ${formatValue(g)}`, value: g })
      return
    }
    const o = g as Record<string, unknown>
    for (const k of Object.keys(o))
      if (!['lr', 'initialLr', 'momentum', 'betas'].includes(k)) errors.push({ path: `${path}.${k}`, message: 'unknown key (a group has lr, initialLr, momentum, betas)', value: o[k] })
    finite(`${path}.lr`, o['lr'])
    nonNegative(`${path}.initialLr`, o['initialLr'])
    if (o['momentum'] !== undefined) finite(`${path}.momentum`, o['momentum'])
    if (o['betas'] !== undefined) {
      const b = o['betas']
      if (!Array.isArray(b) || b.length !== 2) errors.push({ path: `${path}.betas`, message: `expected two numbers, got ${formatValue(b)}`, value: b })
      else b.forEach((x, j) => finite(`${path}.betas[${j}]`, x))
    }
  })
  return errors.length > 0 ? E.left(errors) : E.right(u as ReadonlyArray<ParamGroup>)
}
