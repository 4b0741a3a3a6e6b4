// Issue 12, item 2: a raw checkpoint (`JSON.stringify({ groups, state })`, what the README and
// docs/tfjs.md teach) of one schedule must not resume into another whose state has the same shape.
// Every entry point that takes a state (resume, loadCheckpoint, tfjs's scheduleOptimizer and
// scheduleCallback `resume`) runs the schedule again from the groups' initial lrs and names the
// first value that differs. Before the fix, the StepLR state below resumed into CosineAnnealingLR
// and gave CosineAnnealingLR's recurrence applied to StepLR's lr (0.01 · …), a number neither
// schedule gives.
import * as tf from '@tensorflow/tfjs'
import { describe, expect, test } from 'vitest'
import {
  cosineAnnealingLR,
  formatConfigErrors,
  loadCheckpoint,
  oneCycleLR,
  polynomialLR,
  resume,
  saveCheckpoint,
  sequential,
  stepLR,
  trace
} from '../../src/index.js'
import { scheduleOptimizer } from '../../src/adapters/tfjs.js'

// StepLR(stepSize 10, gamma 0.1) from 0.1 after 15 steps: 0.1 · 0.1^1 = 0.01 (state { lastEpoch 15, baseLrs [0.1] })
const step = stepLR({ stepSize: 10, gamma: 0.1 })
const cosine = cosineAnnealingLR({ tMax: 20 })
const { groups, state } = trace(step, [0.1], 15)
const raw = JSON.parse(JSON.stringify({ groups, state })) as { groups: never; state: never }

describe('a raw StepLR checkpoint given to a CosineAnnealingLR', () => {
  // CosineAnnealingLR(20) after 15 steps from 0.1: 0.1 · (1 + cos(15π/20)) / 2 = 0.1 · (1 − 0.70711) / 2 = 0.0146447
  const message = /^groups\[0\]\.lr: expected 0\.01464466094067\d* \(what CosineAnnealingLR gives after 15 steps from the groups' initial lrs: a state or groups of another schedule\?\), got 0\.01/

  test('resume throws, naming the lr and what CosineAnnealingLR gives there', () => {
    expect(() => resume(cosine, raw.groups, raw.state, 1)).toThrow(message)
  })

  test('resume into the StepLR itself continues its trace (0.01 to step 19, 0.001 from step 20)', () => {
    const t = resume(step, raw.groups, raw.state, 6)
    expect(t.lr).toEqual(trace(step, [0.1], 21).lr.slice(15))
    expect(t.lr[4]?.[0]).toBeCloseTo(0.01, 15)
    expect(t.lr[5]?.[0]).toBeCloseTo(0.001, 15)
  })

  test('loadCheckpoint of a checkpoint whose lr was edited names the lr', () => {
    const c = JSON.parse(saveCheckpoint(step, raw.groups, raw.state))
    c.groups[0].lr = 0.02
    const r = loadCheckpoint(step, JSON.stringify(c))
    expect(r._tag === 'Left' && formatConfigErrors(r.left)).toEqual([
      "checkpoint.groups[0].lr: expected 0.010000000000000002 (what StepLR gives after 15 steps from the groups' initial lrs: a state or groups of another schedule?), got 0.02"
    ])
  })

  test('an initial lr that is not the one the state recorded is named', () => {
    expect(() => resume(step, [{ lr: 0.01, initialLr: 0.2 }], raw.state, 1)).toThrow(/^groups\[0\]\.lr: expected 0\.02/)
    // with the lr matching the new initial lr, the state's baseLrs are what differs
    expect(() => resume(step, [{ lr: 0.020000000000000004, initialLr: 0.2 }], raw.state, 1)).toThrow(/^state\.baseLrs\[0\]: expected 0\.2 \(.*\), got 0\.1$/)
  })

  test('a state whose step count does not give the lr is an error; one that does is the same schedule, and continues', () => {
    // StepLR(10) after 9 steps: 0.1, not the 0.01 of the groups
    expect(() => resume(step, raw.groups, { lastEpoch: 9, baseLrs: [0.1] }, 1)).toThrow(/^groups\[0\]\.lr: expected 0\.1 \(what StepLR gives after 9 steps/)
    // after 12 steps it is 0.01 too: the trace from there is StepLR's own
    expect(resume(step, raw.groups, { lastEpoch: 12, baseLrs: [0.1] }, 8).lr).toEqual(trace(step, [0.1], 20).lr.slice(12))
  })

  test("tfjs's scheduleOptimizer resume checks the same", () => {
    const opt = tf.train.sgd(0.1)
    expect(() => scheduleOptimizer(opt, cosine, raw)).toThrow(/^resume\.groups\[0\]\.lr: expected 0\.0146446609406/)
    // and the optimizer was not touched
    expect((opt as unknown as { learningRate: number }).learningRate).toBe(0.1)
    expect(() => scheduleOptimizer(opt, step, raw)).not.toThrow()
  })
})

test('a composite whose OneCycleLR rewrote the initial lr still resumes (the initial lr comes from an earlier part of the state)', () => {
  // PolynomialLR records baseLrs [1e-4]; OneCycleLR (maxLr 1e-3, divFactor 2) then sets initialLr 5e-4, as PyTorch does
  const s = sequential([polynomialLR({}), oneCycleLR({ maxLr: 1e-3, totalSteps: 100, divFactor: 2 })], [1])
  const first = JSON.parse(JSON.stringify(trace(s, [1e-4], 7)))
  expect(first.groups[0].initialLr).toBe(5e-4)
  const whole = trace(s, [1e-4], 10)
  expect(resume(s, first.groups, first.state, 3).lr).toEqual(whole.lr.slice(7))
})
