import { describe, expect, test } from 'vitest'
import { ScheduleError, chain, exponentialLR, sequential, stepLR, trace } from '../src/index.js'
import { formatValue } from '../src/core/errors.js'
import { expectScheduleError } from './helpers/throws.js'

describe('ScheduleError', () => {
  test('is an Error named ScheduleError with path, expected and value, and the message "path: expected E, got V"', () => {
    const e = new ScheduleError('schedulers[1].tMax', 'a positive integer', 0)
    expect(e).toBeInstanceOf(Error)
    expect(e).toBeInstanceOf(ScheduleError)
    expect(e.name).toBe('ScheduleError')
    expect(e.path).toBe('schedulers[1].tMax')
    expect(e.expected).toBe('a positive integer')
    expect(e.value).toBe(0)
    expect(e.message).toBe('schedulers[1].tMax: expected a positive integer, got 0')
  })

  test('a constructor throws it with the offending argument: stepLR({ stepSize: 0 }) has path stepSize and value 0', () => {
    const e = expectScheduleError(() => stepLR({ stepSize: 0 }), 'stepSize: expected a positive integer, got 0')
    expect(e.path).toBe('stepSize')
    expect(e.value).toBe(0)
  })
})

describe('formatValue', () => {
  for (const { value, shown } of [
    { value: NaN, shown: 'NaN' },
    { value: -Infinity, shown: '-Infinity' },
    { value: 2.5, shown: '2.5' },
    { value: 'x', shown: '"x"' },
    { value: undefined, shown: 'undefined' },
    { value: null, shown: 'null' },
    { value: true, shown: 'true' },
    { value: [1, 'a'], shown: '[1,"a"]' },
    { value: { a: 1 }, shown: '{"a":1}' },
    { value: () => 1, shown: 'a function' }
  ]) test(`shows ${shown}`, () => {
    expect(formatValue(value)).toBe(shown)
  })

  test('cuts JSON longer than 80 characters to 77 characters and "..."', () => {
    const long = Array.from({ length: 50 }, (_, i) => i)
    const json = JSON.stringify(long)
    expect(formatValue(long)).toBe(`${json.slice(0, 77)}...`)
    expect(formatValue(long)).toHaveLength(80)
  })

  test('falls back to String() where JSON cannot render: a bigint shows 10, a circular object [object Object], a symbol Symbol(s)', () => {
    const circular: Record<string, unknown> = {}
    circular['self'] = circular
    expect(formatValue(10n)).toBe('10')
    expect(formatValue(circular)).toBe('[object Object]')
    expect(formatValue(Symbol('s'))).toBe('Symbol(s)')
  })
})

describe('errors at trace time: groups', () => {
  for (const { groups, message } of [
    { groups: [], message: 'groups: expected a non-empty array of param groups, got []' },
    { groups: [{ lr: NaN }], message: 'groups[0].lr: expected a finite number, got NaN' },
    { groups: [{ lr: 0.1 }, { momentum: 0.9 }], message: 'groups[1].lr: expected a finite number, got undefined' },
    { groups: [{ lr: 0.1 }, null], message: 'groups[1]: expected a param group, got null' },
    { groups: [0.1, Infinity], message: 'lrs[1]: expected a finite number >= 0, got Infinity' }
  ]) test(`trace rejects ${message}`, () => {
    expectScheduleError(() => trace(stepLR({ stepSize: 1 }), groups as never, 1), message)
  })
})

describe('errors at step time: a state that is not the scheduler\'s own', () => {
  test('a plain scheduler names itself: StepLR state.lastEpoch: expected a non-negative integer, got undefined / -1', () => {
    const s = stepLR({ stepSize: 1 })
    const [g] = s.init([{ lr: 1 }])
    expectScheduleError(() => s.step({} as never, g), 'StepLR state.lastEpoch: expected a non-negative integer, got undefined')
    expectScheduleError(() => s.step({ lastEpoch: -1, baseLrs: [1] }, g), 'StepLR state.lastEpoch: expected a non-negative integer, got -1')
    expectScheduleError(() => s.step(null as never, g), 'StepLR state.lastEpoch: expected a non-negative integer, got undefined')
  })

  test('a state without its base lrs, or with one per another number of groups: ExponentialLR state.baseLrs: expected 2 finite numbers', () => {
    const s = exponentialLR({ gamma: 0.5 })
    expectScheduleError(() => s.step({ lastEpoch: 0 } as never, [{ lr: 1 }]), 'ExponentialLR state.baseLrs: expected 1 finite number (one per param group), got undefined')
    expectScheduleError(() => s.step({ lastEpoch: 0, baseLrs: [1] }, [{ lr: 1 }, { lr: 2 }]), 'ExponentialLR state.baseLrs: expected 2 finite numbers (one per param group), got [1]')
  })

  test('chain: ChainedScheduler state: expected an array of 2 child states', () => {
    const s = chain([stepLR({ stepSize: 1 }), exponentialLR({ gamma: 0.5 })])
    const [g] = s.init([{ lr: 1 }])
    expectScheduleError(() => s.step([{ lastEpoch: 0 }], g), 'ChainedScheduler state: expected an array of 2 child states, got [{"lastEpoch":0}]')
    expectScheduleError(() => s.step({ lastEpoch: 0 } as never, g), 'ChainedScheduler state: expected an array of 2 child states, got {"lastEpoch":0}')
  })

  test('sequential: SequentialLR state.lastEpoch / state.schedulers', () => {
    const s = sequential([stepLR({ stepSize: 1 }), exponentialLR({ gamma: 0.5 })], [2])
    const [g] = s.init([{ lr: 1 }])
    expectScheduleError(() => s.step([] as never, g), 'SequentialLR state.lastEpoch: expected a non-negative integer, got undefined')
    expectScheduleError(
      () => s.step({ lastEpoch: 0, schedulers: [] }, g),
      'SequentialLR state.schedulers: expected an array of 2 child states, got []'
    )
  })

  test('a child\'s bad state is reported by the child: Seq[StepLR, Exp] with schedulers [{}, {}] fails as StepLR state.lastEpoch', () => {
    const s = sequential([stepLR({ stepSize: 1 }), exponentialLR({ gamma: 0.5 })], [2])
    const [g] = s.init([{ lr: 1 }])
    expectScheduleError(() => s.step({ lastEpoch: 0, schedulers: [{}, {}] }, g), 'StepLR state.lastEpoch: expected a non-negative integer, got undefined')
  })
})
