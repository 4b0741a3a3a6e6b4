import { describe, expect, test } from 'vitest'
import { chain, closedFormTrace, exponentialLR, lambdaLR, paramGroups, trace, traceArray } from '../../src/index.js'
import { expectClose } from '../helpers/close.js'
import { expectPure, expectTraceArrayMatches } from '../helpers/laws.js'
import { range, rows } from '../helpers/lists.js'
import { expectScheduleError } from '../helpers/throws.js'

describe('LambdaLR: PyTorch test suite', () => {
  test('lambda_lr: LambdaLR([x => .9 ** x, x => .8 ** x]) on lrs 0.05/0.4 gives .05 * .9 ** x and .4 * .8 ** x for x in 0..9', () => {
    const s = lambdaLR({ lrLambda: [(x) => 0.9 ** x, (x) => 0.8 ** x] })
    // the lr is base * lambda(x): the same single multiplication as the expected values, so equal
    // up to rounding of that one product (relative 1e-15)
    expectClose(trace(s, [0.05, 0.4], 9).lr, rows(range(10, (x) => 0.05 * 0.9 ** x), range(10, (x) => 0.4 * 0.8 ** x)), 1e-15)
  })
})

describe('LambdaLR: behaviour', () => {
  test('one function for every group: x => 1 / (x + 1) on lrs 1/2 gives 1/(x+1) and 2/(x+1)', () => {
    const s = lambdaLR({ lrLambda: (x) => 1 / (x + 1) })
    expectClose(trace(s, [1, 2], 5).lr, rows(range(6, (x) => 1 / (x + 1)), range(6, (x) => 2 / (x + 1))), 1e-15)
  })

  test('the function receives the step index 0, 1, 2, ... (row 0 calls it with 0)', () => {
    const seen: number[] = []
    trace(lambdaLR({ lrLambda: (x) => (seen.push(x), 1) }), [1], 3)
    expect(seen).toEqual([0, 1, 2, 3])
  })

  test('the base is the recorded initialLr (PyTorch setdefault): lambda 0.5 on { lr: 0.01, initialLr: 0.1 } gives 0.05, 0.05', () => {
    expect(trace(lambdaLR({ lrLambda: () => 0.5 }), [{ lr: 0.01, initialLr: 0.1 }], 1).lr).toEqual([[0.05], [0.05]])
  })

  test('in a chain it sets the lr from the initial lr, overriding earlier children (pytorch #78917): Chain[Exp(0.5), Lambda(1)] on lr 1 stays 1', () => {
    expect(trace(chain([exponentialLR({ gamma: 0.5 }), lambdaLR({ lrLambda: () => 1 })]), [1], 3).lr).toEqual([[1], [1], [1], [1]])
  })

  test('closedForm(t) = base * lambda(t): x => .9 ** x on 0.05/0.5 over 10 steps', () => {
    const s = lambdaLR({ lrLambda: (x) => 0.9 ** x })
    expectClose(closedFormTrace(s, [0.05, 0.5], 10), range(11, (x) => [0.05 * 0.9 ** x, 0.5 * 0.9 ** x]), 1e-15)
  })
})

describe('LambdaLR: validation', () => {
  for (const { lrLambda, message } of [
    { lrLambda: 0.95, message: 'lrLambda: expected a function or a non-empty array of functions (one per param group), got 0.95' },
    { lrLambda: undefined, message: 'lrLambda: missing, expected a function or an array of functions (one per param group)' },
    { lrLambda: [], message: 'lrLambda: expected a function or a non-empty array of functions (one per param group), got []' },
    { lrLambda: [() => 1, 0.95], message: 'lrLambda: expected a function or a non-empty array of functions (one per param group), got ["<function>",0.95]' }
  ]) test(`rejects ${message}`, () => {
    expectScheduleError(() => lambdaLR({ lrLambda: lrLambda as never }), message)
  })

  test('a list of 2 functions fails on 3 groups, in trace, traceArray and closedFormTrace: lrLambda: expected 3 values (one per param group)', () => {
    // (functions inside the array are shown as "<function>")
    const s = lambdaLR({ lrLambda: [() => 1, () => 1] })
    const message = 'lrLambda: expected 3 values (one per param group), got ["<function>","<function>"]'
    expectScheduleError(() => trace(s, [1, 2, 3], 1), message)
    expectScheduleError(() => traceArray(s, [1, 2, 3], 1), message)
    expectScheduleError(() => closedFormTrace(s, [1, 2, 3], 1), message)
  })
})

describe('LambdaLR: laws', () => {
  test('init, 10 steps and restart leave frozen groups and states unchanged', () => {
    expectPure(lambdaLR({ lrLambda: [(x) => 0.9 ** x, (x) => 0.8 ** x] }), paramGroups([0.05, 0.4]), 10)
  })

  test('traceArray equals trace bit for bit (two lambdas, lrs 0.05/0.4, 20 steps)', () => {
    expectTraceArrayMatches(lambdaLR({ lrLambda: [(x) => 0.9 ** x, (x) => 1 / Math.sqrt(x + 1)] }), [0.05, 0.4], 20)
  })
})
