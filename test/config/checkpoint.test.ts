// Checkpoints: saving is JSON.stringify; loading checks the JSON against the schedule it is loaded
// into (another config, a corrupted or truncated file, a state that does not fit: an error naming
// the path, never a silently wrong lr); resuming continues the exact trace.
import { describe, expect, test } from 'vitest'
import {
  type AnyScheduler,
  type Checkpoint,
  type ConfigError,
  type Groups,
  CHECKPOINT_FORMAT,
  ScheduleError,
  formatConfigErrors,
  lambdaLR,
  loadCheckpoint,
  resume,
  saveCheckpoint,
  stepLR,
  trace
} from '../../src/index.js'
import { expectIdentical } from '../helpers/close.js'
import { decodeOk } from '../helpers/decode.js'
import { functions } from '../helpers/functions.js'
import { range } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

// -------------------------------------------------------------------------------------
// helpers
// -------------------------------------------------------------------------------------

const sgd = (lrs: ReadonlyArray<number>): Groups => lrs.map((lr) => ({ lr, momentum: 0.9 }))
const adam = (lrs: ReadonlyArray<number>): Groups => lrs.map((lr) => ({ lr, betas: [0.9, 0.999] as const }))

/** Loads, failing the test with the rendered errors when the checkpoint is rejected. */
const loadOk = (s: AnyScheduler, json: string): Checkpoint<any> => {
  const r = loadCheckpoint(s, json, functions)
  if (r._tag === 'Left') throw new Error(`expected the checkpoint to load, got:\n${formatConfigErrors(r.left).join('\n')}`)
  return r.right
}

/** The rendered errors of a checkpoint that must be rejected. */
const loadErrors = (s: AnyScheduler, json: string): ReadonlyArray<string> => {
  const r = loadCheckpoint(s, json, functions)
  if (r._tag === 'Right') throw new Error('expected the checkpoint to be rejected, but it loaded')
  return formatConfigErrors(r.left)
}

/** The raw errors, for their paths and values. */
const loadProblems = (s: AnyScheduler, json: string): ReadonlyArray<ConfigError> => {
  const r = loadCheckpoint(s, json, functions)
  if (r._tag === 'Right') throw new Error('expected the checkpoint to be rejected, but it loaded')
  return r.left
}

/**
 * Runs `steps` steps, saves at `k`, then — as a new process would — decodes the config afresh,
 * loads the saved string and resumes: the rows must be the uninterrupted run's, bit for bit.
 */
const expectResumesExactly = (config: unknown, groups: Groups, steps: number, k: number, metrics?: ReadonlyArray<number>): void => {
  const s = decodeOk(config)
  const whole = trace(s, groups, steps, metrics)
  const first = trace(s, groups, k, metrics)
  const json = saveCheckpoint(s, first.groups, first.state, functions)

  const fresh = decodeOk(JSON.parse(JSON.stringify(config)))
  const c = loadOk(fresh, json)
  expect(c.steps).toBe(k)
  const rest = resume(fresh, c.groups, c.state, steps - k, metrics?.slice(k))
  expectIdentical(rest.lr, whole.lr.slice(k))
  if (whole.momentum !== undefined) expectIdentical(rest.momentum ?? [], whole.momentum.slice(k))
  expect(rest.state).toEqual(whole.state)
  expect(rest.groups).toEqual(whole.groups)
}

/** A checkpoint string changed through its parsed form. */
const edit = (json: string, f: (c: any) => void): string => {
  const c = JSON.parse(json)
  f(c)
  return JSON.stringify(c)
}

// -------------------------------------------------------------------------------------
// configs
// -------------------------------------------------------------------------------------

const nested = {
  type: 'SequentialLR',
  schedulers: [
    { type: 'ChainedScheduler', schedulers: [{ type: 'LinearLR', startFactor: 0.1, totalIters: 6 }, { type: 'LambdaLR', lrLambda: 'invsqrt' }] },
    {
      type: 'ChainedScheduler',
      schedulers: [
        { type: 'SequentialLR', schedulers: [{ type: 'CosineAnnealingLR', tMax: 10 }, { type: 'MultiplicativeLR', lrLambda: 'alternate' }], milestones: [10] },
        { type: 'ExponentialLR', gamma: 0.99 }
      ]
    },
    { type: 'StepLR', stepSize: 3, gamma: 0.5 }
  ],
  milestones: [8, 25]
}

const plateau = { type: 'ReduceLROnPlateau', mode: 'max', factor: 0.5, patience: 2, threshold: 0.01, cooldown: 3, minLr: [1e-4, 1e-5] }
const warmupThenPlateau = {
  type: 'SequentialLR',
  schedulers: [{ type: 'LinearLR', startFactor: 0.25, totalIters: 4 }, plateau],
  milestones: [5]
}
/** Rises, then plateaus in steps: the plateau scheduler reduces and cools down several times. */
const accuracy = range(80, (k) => Math.min(0.9, 0.5 + 0.1 * Math.floor(k / 7)) + (k % 3) * 1e-4)

const cyclic = {
  type: 'CyclicLR',
  baseLr: [0.001, 0.002],
  maxLr: [0.1, 0.05],
  stepSizeUp: 5,
  stepSizeDown: 3,
  mode: 'triangular2',
  baseMomentum: [0.8, 0.85],
  maxMomentum: 0.95
}
const everyPlateau = {
  type: 'SequentialLR',
  schedulers: [{ type: 'LinearLR', startFactor: 0.1, totalIters: 4 }, { type: 'Every', period: 4, at: [1, 3], scheduler: { type: 'ReduceLROnPlateau', mode: 'max', patience: 1 } }],
  milestones: [4]
}
const oneCycle = { type: 'OneCycleLR', maxLr: [0.1, 0.2], totalSteps: 40, pctStart: 0.25, threePhase: true }

// -------------------------------------------------------------------------------------
// save → load → resume
// -------------------------------------------------------------------------------------

describe('save, load and resume continue the exact trace', () => {
  test.each([0, 1, 7, 8, 9, 17, 18, 25, 26, 40])('nested composites (SequentialLR of ChainedSchedulers of a SequentialLR), saved at step %i', (k) =>
    expectResumesExactly(nested, sgd([0.1, 0.01]), 60, k)
  )
  test.each([0, 3, 10, 11, 20, 45])('ReduceLROnPlateau with metrics (best, bad steps and cooldown carried), saved at step %i', (k) =>
    expectResumesExactly(plateau, sgd([0.1, 0.01]), 80, k, accuracy)
  )
  test.each([0, 4, 5, 6, 30])('warm-up, then ReduceLROnPlateau, saved at step %i', (k) =>
    expectResumesExactly(warmupThenPlateau, sgd([0.1, 0.01]), 80, k, accuracy)
  )
  test.each([0, 3, 4, 5, 11, 12, 29])('warm-up, then a plateau schedule stepped after updates 1 and 3 of every 4 (Every), saved at step %i', (k) =>
    expectResumesExactly(everyPlateau, sgd([0.1, 0.01]), 60, k, accuracy)
  )
  test.each([0, 2, 5, 8, 13, 21])('CyclicLR cycling momentum on SGD groups, saved at step %i', (k) =>
    expectResumesExactly(cyclic, sgd([0.1, 0.01]), 40, k)
  )
  test.each([0, 9, 33])('CyclicLR cycling betas[0] on Adam groups, saved at step %i', (k) => expectResumesExactly(cyclic, adam([0.1, 0.01]), 40, k))
  test.each([0, 1, 9, 10, 19, 20, 39, 40])('OneCycleLR (three phases), saved at step %i, resumed to its last step', (k) =>
    expectResumesExactly(oneCycle, sgd([0.1, 0.01]), 40, k)
  )

  test('a resumed OneCycleLR still refuses to step past its total steps', () => {
    const s = decodeOk(oneCycle)
    const run = trace(s, sgd([1, 1]), 40)
    const c = loadOk(s, saveCheckpoint(s, run.groups, run.state))
    expectScheduleError(() => resume(s, c.groups, c.state, 1), "step: tried to step 41 times, but OneCycleLR's totalSteps is 40")
  })

  test('the checkpoint is plain JSON: format, the schedule with its defaults, steps, groups, state', () => {
    const s = decodeOk({ type: 'StepLR', stepSize: 3 })
    const run = trace(s, [0.1], 4)
    const c = JSON.parse(saveCheckpoint(s, run.groups, run.state))
    expect(Object.keys(c)).toEqual(['format', 'schedule', 'steps', 'groups', 'state'])
    expect(c.format).toBe(CHECKPOINT_FORMAT)
    expect(c.format).toBe('lr-schedule/checkpoint@1')
    expect(c.schedule).toEqual({ type: 'StepLR', stepSize: 3, gamma: 0.1 })
    expect(c.steps).toBe(4)
    expect(c.groups).toEqual(JSON.parse(JSON.stringify(run.groups)))
    expect(c.state).toEqual(JSON.parse(JSON.stringify(run.state)))
  })

  test('a config that spells out a default loads the checkpoint of one that leaves it out', () => {
    const s = decodeOk({ type: 'StepLR', stepSize: 3 })
    const run = trace(s, [0.1], 4)
    const json = saveCheckpoint(s, run.groups, run.state)
    expect(loadOk(decodeOk({ type: 'StepLR', stepSize: 3, gamma: 0.1 }), json).steps).toBe(4)
  })

  test('LambdaLR: the functions are saved by name, and loading needs them registered under the same names', () => {
    const warmup = (t: number) => Math.min(1, (t + 1) / 5)
    const s = lambdaLR({ lrLambda: warmup })
    const run = trace(s, [1], 3)
    expectScheduleError(
      () => saveCheckpoint(s, run.groups, run.state),
      'lrLambda: expected a function registered under a name (pass it in functions), got an unnamed function'
    )
    const json = saveCheckpoint(s, run.groups, run.state, { warmup })
    expect(JSON.parse(json).schedule).toEqual({ type: 'LambdaLR', lrLambda: 'warmup' })
    const back = loadCheckpoint(s, json, { warmup })
    expect(back._tag === 'Right' && resume(s, back.right.groups, back.right.state, 2).lr).toEqual([[0.8], [1], [1]])
    // registered under another name: the checkpoint is of another schedule
    const other = loadCheckpoint(s, json, { rampUp: warmup })
    expect(other._tag === 'Left' && formatConfigErrors(other.left)).toEqual([
      'checkpoint.schedule.lrLambda: the checkpoint is of another schedule: expected "rampUp", got "warmup"'
    ])
  })

  test('saving checks the state against the schedule', () => {
    const s = decodeOk(nested)
    const run = trace(s, [0.1], 3)
    expect(() => saveCheckpoint(s, run.groups, { lastEpoch: 3 })).toThrow(ScheduleError)
    expect(() => saveCheckpoint(decodeOk({ type: 'StepLR', stepSize: 3 }), run.groups, run.state)).toThrow(ScheduleError)
  })
})

// -------------------------------------------------------------------------------------
// a checkpoint of another schedule
// -------------------------------------------------------------------------------------

describe('a checkpoint of another schedule is an error naming the first difference', () => {
  const s = decodeOk(nested)
  const run = trace(s, sgd([0.1, 0.01]), 12)
  const json = saveCheckpoint(s, run.groups, run.state, functions)
  const variant = (f: (c: any) => void): AnyScheduler => {
    const c = JSON.parse(JSON.stringify(nested))
    f(c)
    return decodeOk(c)
  }

  test('one argument differs, three levels down', () => {
    expect(loadErrors(variant((c) => (c.schedulers[1].schedulers[0].schedulers[0].tMax = 12)), json)).toEqual([
      'checkpoint.schedule.schedulers[1].schedulers[0].schedulers[0].tMax: the checkpoint is of another schedule: expected 12, got 10'
    ])
  })
  test('a default differs (written in the checkpoint)', () => {
    expect(loadErrors(variant((c) => (c.schedulers[2].gamma = 0.1)), json)).toEqual([
      'checkpoint.schedule.schedulers[2].gamma: the checkpoint is of another schedule: expected 0.1, got 0.5'
    ])
  })
  test('a milestone differs', () => {
    expect(loadErrors(variant((c) => (c.milestones = [8, 30])), json)).toEqual([
      'checkpoint.schedule.milestones[1]: the checkpoint is of another schedule: expected 30, got 25'
    ])
  })
  test('a function name differs', () => {
    expect(loadErrors(variant((c) => (c.schedulers[0].schedulers[1].lrLambda = 'exp95')), json)).toEqual([
      'checkpoint.schedule.schedulers[0].schedulers[1].lrLambda: the checkpoint is of another schedule: expected "exp95", got "invsqrt"'
    ])
  })
  test('a child more', () => {
    const [line] = loadErrors(variant((c) => c.schedulers[1].schedulers.push({ type: 'ConstantLR' })), json)
    expect(line).toMatch(/^checkpoint\.schedule\.schedulers\[1\]\.schedulers: the checkpoint is of another schedule: expected \[\{"type":"SequentialLR",.*, got \[\{"type":"SequentialLR",/)
  })
  test('another type', () => {
    expect(loadErrors(decodeOk({ type: 'StepLR', stepSize: 3 }), json)).toEqual([
      'checkpoint.schedule.type: the checkpoint is of another schedule: expected "StepLR", got "SequentialLR"'
    ])
  })
  test('a leaf of another type', () => {
    const a = decodeOk({ type: 'ExponentialLR', gamma: 0.9 })
    const b = decodeOk({ type: 'StepLR', stepSize: 1, gamma: 0.9 })
    const r = trace(a, [1], 2)
    expect(loadErrors(b, saveCheckpoint(a, r.groups, r.state))).toEqual([
      'checkpoint.schedule.type: the checkpoint is of another schedule: expected "StepLR", got "ExponentialLR"'
    ])
  })
  test('the error carries the value found', () => {
    const [p] = loadProblems(variant((c) => (c.schedulers[2].stepSize = 4)), json)
    expect(p).toEqual({ path: 'checkpoint.schedule.schedulers[2].stepSize', message: 'the checkpoint is of another schedule: expected 4, got 3', value: 3 })
  })
})

// -------------------------------------------------------------------------------------
// a damaged file
// -------------------------------------------------------------------------------------

describe('a corrupted, truncated or foreign file is a clear error', () => {
  const s = decodeOk(nested)
  const run = trace(s, sgd([0.1, 0.01]), 12)
  const json = saveCheckpoint(s, run.groups, run.state, functions)
  const PARSE = /^checkpoint: expected JSON \(the file is corrupted or truncated\): \S/

  test('truncated: the string cut in half', () => {
    const lines = loadErrors(s, json.slice(0, Math.floor(json.length / 2)))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(PARSE)
  })
  test.each([
    ['a character replaced', json.replace('{', '[')],
    ['a brace dropped at the end', json.slice(0, -1)],
    ['an empty file', ''],
    ['binary garbage', '\u0000\u0001PK\u0003\u0004'],
    ['trailing garbage', `${json}x`]
  ])('corrupted: %s', (_name, text) => {
    const lines = loadErrors(s, text)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(PARSE)
  })
  test.each([
    ['an array', '[1,2]', 'checkpoint: expected a checkpoint object, got [1,2]'],
    ['a number', '3', 'checkpoint: expected a checkpoint object, got 3'],
    ['null', 'null', 'checkpoint: expected a checkpoint object, got null'],
    ['a bare state', JSON.stringify(run.state), 'checkpoint.lastEpoch: unknown key (a checkpoint has format, schedule, steps, groups, state)']
  ])('not a checkpoint: %s', (_name, text, line) => {
    expect(loadErrors(s, text)).toEqual([line])
  })
  test('the format tag of another version', () => {
    expect(loadErrors(s, edit(json, (c) => (c.format = 'lr-schedule/checkpoint@2')))).toEqual([
      'checkpoint.format: expected "lr-schedule/checkpoint@1", got "lr-schedule/checkpoint@2"'
    ])
  })
  test('no format tag (e.g. a file of another tool)', () => {
    expect(loadErrors(s, edit(json, (c) => delete c.format))).toEqual(['checkpoint.format: expected "lr-schedule/checkpoint@1", got undefined'])
  })
  test('an unknown key', () => {
    expect(loadErrors(s, edit(json, (c) => (c.optimizer = {})))).toEqual(['checkpoint.optimizer: unknown key (a checkpoint has format, schedule, steps, groups, state)'])
  })
  test('no schedule', () => {
    const [line] = loadErrors(s, edit(json, (c) => delete c.schedule))
    expect(line).toMatch(/^checkpoint\.schedule: the checkpoint is of another schedule: expected \{"type":"SequentialLR",.*, got undefined$/)
  })
})

// -------------------------------------------------------------------------------------
// groups
// -------------------------------------------------------------------------------------

describe('groups that do not fit are an error with their path', () => {
  const s = decodeOk(cyclic)
  const run = trace(s, sgd([0.1, 0.01]), 6)
  const json = saveCheckpoint(s, run.groups, run.state)

  test('a group more than the per-group lists', () => {
    expect(loadErrors(s, edit(json, (c) => c.groups.push(c.groups[0])))).toEqual([
      "checkpoint.groups: expected 2 param groups (the schedule's baseLr has 2 values), got 3"
    ])
  })
  test('a group fewer', () => {
    expect(loadErrors(s, edit(json, (c) => c.groups.pop()))).toEqual(["checkpoint.groups: expected 2 param groups (the schedule's baseLr has 2 values), got 1"])
  })
  test('no groups', () => {
    expect(loadErrors(s, edit(json, (c) => (c.groups = [])))).toEqual(['checkpoint.groups: expected a non-empty array of param groups, got []'])
  })
  test('groups that are not an array', () => {
    expect(loadErrors(s, edit(json, (c) => (c.groups = c.groups[0])))).toEqual([
      `checkpoint.groups: expected a non-empty array of param groups, got ${JSON.stringify(run.groups[0])}`
    ])
  })
  test('bad values, every one listed', () => {
    const bad = edit(json, (c) => {
      c.groups[0].lr = '0.1'
      delete c.groups[0].initialLr
      c.groups[0].weightDecay = 0
      c.groups[1].momentum = null
    })
    expect(loadErrors(s, bad)).toEqual([
      'checkpoint.groups[0].weightDecay: unknown key (a group has lr, initialLr, momentum, betas)',
      'checkpoint.groups[0].lr: expected a finite number, got "0.1"',
      'checkpoint.groups[0].initialLr: expected a finite number, got undefined',
      'checkpoint.groups[1].momentum: expected a finite number, got null'
    ])
  })
  test('a group that is not an object', () => {
    expect(loadErrors(s, edit(json, (c) => (c.groups[1] = 0.01)))).toEqual(['checkpoint.groups[1]: expected a param group, got 0.01'])
  })
  test('betas of the wrong length', () => {
    expect(loadErrors(s, edit(json, (c) => (c.groups[0] = { lr: 0.1, initialLr: 0.1, betas: [0.9] })))).toEqual([
      'checkpoint.groups[0].betas: expected two numbers, got [0.9]'
    ])
  })
  test('a group without momentum for a momentum-cycling schedule', () => {
    expect(loadErrors(s, edit(json, (c) => delete c.groups[1].momentum))).toEqual([
      `checkpoint.groups[1]: expected a param group with momentum or betas (CyclicLR cycles momentum), got ${JSON.stringify({ lr: run.groups[1]!.lr, initialLr: 0.002 })}`
    ])
  })
})

// -------------------------------------------------------------------------------------
// states
// -------------------------------------------------------------------------------------

describe('a state that does not fit the schedule is an error with its path', () => {
  const s = decodeOk(nested)
  const run = trace(s, sgd([0.1, 0.01]), 12)
  const json = saveCheckpoint(s, run.groups, run.state, functions)
  const state = (f: (st: any) => void) => loadErrors(s, edit(json, (c) => f(c.state)))

  test('the saved state is as expected here: step 12 is in the second child, whose sequential is at its step 4', () => {
    expect(run.state.lastEpoch).toBe(12)
    expect(run.state.schedulers[1][0].lastEpoch).toBe(4)
  })
  test('a negative lastEpoch', () => {
    expect(state((st) => (st.lastEpoch = -1))).toEqual(['checkpoint.state.lastEpoch: expected a non-negative integer, got -1'])
  })
  test('a fractional or textual lastEpoch', () => {
    expect(state((st) => (st.lastEpoch = 12.5))).toEqual(['checkpoint.state.lastEpoch: expected a non-negative integer, got 12.5'])
    expect(state((st) => (st.lastEpoch = '12'))).toEqual(['checkpoint.state.lastEpoch: expected a non-negative integer, got "12"'])
  })
  test("a negative lastEpoch of a child's child", () => {
    expect(state((st) => (st.schedulers[1][0].schedulers[0].lastEpoch = -4))).toEqual([
      'checkpoint.state.schedulers[1][0].schedulers[0].lastEpoch: expected a non-negative integer, got -4'
    ])
  })
  test('a state of the wrong shape: not an object', () => {
    expect(loadErrors(s, edit(json, (c) => (c.state = 12)))).toEqual(['checkpoint.state: expected an object with lastEpoch, schedulers, got 12'])
  })
  test("a state of the wrong shape: the composite's children not an array", () => {
    expect(state((st) => (st.schedulers = { length: 3 }))).toEqual(['checkpoint.state.schedulers: expected an array of 3 child states, got {"length":3}'])
  })
  test('a state of the wrong shape: a child state missing', () => {
    const [line] = state((st) => st.schedulers.pop())
    expect(line).toMatch(/^checkpoint\.state\.schedulers: expected an array of 3 child states, got \[/)
  })
  test('a state of the wrong shape: a chain state that is not a tuple', () => {
    const [line] = state((st) => (st.schedulers[1] = st.schedulers[1][0]))
    expect(line).toMatch(/^checkpoint\.state\.schedulers\[1\]: expected an array of 2 child states, got \{"lastEpoch":4,/)
  })
  test('an unknown key in a state', () => {
    expect(state((st) => (st.epoch = 12))).toEqual(['checkpoint.state.epoch: expected no such key (the state has lastEpoch, schedulers), got 12'])
  })
  test('a sequential whose lastEpoch does not match its children: the active child has the steps of another step', () => {
    expect(state((st) => (st.lastEpoch = 14))).toEqual([
      'checkpoint.state.schedulers[1]: expected a state of 6 steps (the sequential is at step 14), got "a state of 4 steps"'
    ])
  })
  test('a sequential whose lastEpoch is past a milestone its children have not reached', () => {
    expect(state((st) => (st.lastEpoch = 30))).toEqual([
      'checkpoint.state.schedulers[1]: expected a state of 16 steps (the sequential is at step 30), got "a state of 4 steps"'
    ])
  })
  test('a chain whose children disagree', () => {
    expect(state((st) => (st.schedulers[1][1].lastEpoch = 5))).toEqual([
      "checkpoint.state.schedulers[1][1]: expected a state of 4 steps, like the chain's first scheduler, got \"a state of 5 steps\""
    ])
  })
  test('steps that do not match the state', () => {
    expect(loadErrors(s, edit(json, (c) => (c.steps = 11)))).toEqual(['checkpoint.steps: expected 12 (the steps of the state), got 11'])
    expect(loadErrors(s, edit(json, (c) => delete c.steps))).toEqual(['checkpoint.steps: expected 12 (the steps of the state), got undefined'])
  })
  test('OneCycleLR: a state past the last step', () => {
    const o = decodeOk(oneCycle)
    const r = trace(o, sgd([1, 1]), 40)
    expect(loadErrors(o, edit(saveCheckpoint(o, r.groups, r.state), (c) => (c.state.lastEpoch = 41)))).toEqual([
      "checkpoint.state.lastEpoch: expected at most 40 (OneCycleLR's last step), got 41"
    ])
  })

  describe('ReduceLROnPlateau', () => {
    const p = decodeOk(plateau)
    const r = trace(p, sgd([0.1, 0.01]), 20, accuracy)
    const pj = saveCheckpoint(p, r.groups, r.state)
    const pstate = (f: (st: any) => void) => loadErrors(p, edit(pj, (c) => f(c.state)))
    test('bad steps beyond patience', () => {
      expect(pstate((st) => (st.numBadEpochs = 3))).toEqual(['checkpoint.state.numBadEpochs: expected at most patience = 2, got 3'])
    })
    test('a cooldown beyond cooldown', () => {
      expect(pstate((st) => (st.cooldownCounter = 4))).toEqual(['checkpoint.state.cooldownCounter: expected at most cooldown = 3, got 4'])
    })
    test('a best metric that is not a number', () => {
      expect(pstate((st) => (st.best = 'Infinity'))).toEqual(['checkpoint.state.best: expected a finite number, or null before the first metric, got "Infinity"'])
    })
    test("a plain scheduler's state where a plateau's is expected", () => {
      expect(pstate((st) => delete st.best)).toEqual(['checkpoint.state.best: expected a finite number, or null before the first metric, got undefined'])
    })
  })
})

// -------------------------------------------------------------------------------------
// states and groups against each other
// -------------------------------------------------------------------------------------

describe('the state, the steps and the groups are checked against each other', () => {
  test('a state edited to claim more steps than the checkpoint says', () => {
    const s = stepLR({ stepSize: 2 })
    const r = trace(s, [1], 4)
    const json = saveCheckpoint(s, r.groups, r.state)
    expect(loadErrors(s, edit(json, (c) => (c.state.lastEpoch = 5)))).toEqual(['checkpoint.steps: expected 5 (the steps of the state), got 4'])
  })

  // BUG (src/config/checkpoint.ts with the per-group `baseLrs` now in leaf states): a checkpoint
  // whose groups were cut loads, and fails only at the first resumed step
  // ("StepLR state.baseLrs: expected 1 finite number (one per param group), got [1,2]").
  // `checkState` does not know the number of groups, so loading cannot compare them. See the report.
  test('a group fewer than the state records is rejected when loading', () => {
    const s = stepLR({ stepSize: 2 })
    const r = trace(s, [1, 2], 3)
    const cut = edit(saveCheckpoint(s, r.groups, r.state), (c) => c.groups.pop())
    const loaded = loadCheckpoint(s, cut)
    expect(loaded._tag).toBe('Left')
    if (loaded._tag === 'Left') expect(loaded.left[0]!.path).toMatch(/^checkpoint\.(groups|state)/)
  })
})
