import { describe, expect, test } from 'vitest'
import { closedFormTrace, multiplicativeLR, paramGroups, trace, traceArray } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rows } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'
import { protocolOf } from '../../src/internal/protocol.js'

// Tolerance: relative 1e-12. k successive multiplications by 0.9 versus one 0.9 ** k: about one ulp
// per step apart.
const REL = 1e-12

describe('MultiplicativeLR: PyTorch test suite', () => {
  test('multiplicative_lr: MultiplicativeLR([() => .9, () => .8]) on lrs 0.05/0.4 gives .05 * .9 ** x and .4 * .8 ** x for x in 0..9', () => {
    const s = multiplicativeLR({ lrLambda: [() => 0.9, () => 0.8] })
    expectClose(trace(s, [0.05, 0.4], 9).lr, rows(range(10, (x) => 0.05 * 0.9 ** x), range(10, (x) => 0.4 * 0.8 ** x)), REL)
  })

  test('multiplicative_lr_with_lr_lambda: a number, or a list of numbers, instead of functions fails at construction', () => {
    expectScheduleError(() => multiplicativeLR({ lrLambda: 0.95 as never }), 'lrLambda: expected a function or a non-empty array of functions (one per param group), got 0.95')
    expectScheduleError(() => multiplicativeLR({ lrLambda: [0.95, 0.95] as never }), 'lrLambda: expected a function or a non-empty array of functions (one per param group), got [0.95,0.95]')
  })
})

describe('MultiplicativeLR: behaviour', () => {
  test('the initial step does not call lambda and step k multiplies by lambda(k): lambda t => t on lr 1 gives k! = 1, 1, 2, 6, 24, 120', () => {
    expect(trace(multiplicativeLR({ lrLambda: (t) => t }), [1], 5).lr).toEqual([[1], [1], [2], [6], [24], [120]])
  })

  test('one function for every group: () => 0.5 on lrs 1/4 gives 2^-k and 4 * 2^-k', () => {
    expect(trace(multiplicativeLR({ lrLambda: () => 0.5 }), [1, 4], 3).lr).toEqual([[1, 4], [0.5, 2], [0.25, 1], [0.125, 0.5]])
  })

  test('it has no closed form (a product over all past steps): closedFormTrace fails', () => {
    const s = multiplicativeLR({ lrLambda: () => 0.9 })
    expect(protocolOf(s).closedForm).toBeUndefined()
    expect(protocolOf(s).multiplier).toBeUndefined()
    expectScheduleError(() => closedFormTrace(s, [1], 3), 'scheduler: expected a scheduler with a closed form, got "MultiplicativeLR"')
  })
})

describe('MultiplicativeLR: validation', () => {
  for (const { lrLambda, message } of [
    { lrLambda: undefined, message: 'lrLambda: missing, expected a function or an array of functions (one per param group)' },
    { lrLambda: [], message: 'lrLambda: expected a function or a non-empty array of functions (one per param group), got []' },
    { lrLambda: 'x', message: 'lrLambda: expected a function or a non-empty array of functions (one per param group), got "x"' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => multiplicativeLR({ lrLambda: lrLambda as never }), message)
  })

  test('a list of 3 functions fails on 2 groups in trace and traceArray: lrLambda: expected 2 values (one per param group)', () => {
    const s = multiplicativeLR({ lrLambda: [() => 1, () => 1, () => 1] })
    const message = 'lrLambda: expected 2 values (one per param group), got ["<function>","<function>","<function>"]'
    expectScheduleError(() => trace(s, [1, 2], 1), message)
    expectScheduleError(() => traceArray(s, [1, 2], 1), message)
  })
})

describe('MultiplicativeLR: laws', () => {
  test('init, 10 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(multiplicativeLR({ lrLambda: [() => 0.9, () => 0.8] }), paramGroups([0.05, 0.4]), 10)
  })

  test('traceArray equals trace bit for bit (lambdas 0.9 and 1 / (1 + 0.001 t), lrs 0.05/0.4, 50 steps)', () => {
    expectTraceArrayMatches(multiplicativeLR({ lrLambda: [() => 0.9, (t) => 1 / (1 + 0.001 * t)] }), [0.05, 0.4], 50)
  })
})
