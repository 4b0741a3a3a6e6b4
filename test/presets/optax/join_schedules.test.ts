import { describe, expect, test } from 'vitest'
import * as optax from '../../../src/presets/optax/index.js'
import { stepLR } from '../../../src/index.js'
import { expectClose } from '../../helpers/close.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { fromOptaxConfig, optaxConfigErrors } from './config.js'
import { expectLaws, valuesOf } from './laws.js'

const warm = () => optax.linearSchedule({ initValue: 0, endValue: 1, transitionSteps: 2 })
const cos = () => optax.cosineDecaySchedule({ initValue: 1, decaySteps: 2 })
const c = (value: number) => optax.constantSchedule({ value })

describe('optax.join_schedules: values', () => {
  test('each child counts the steps since its boundary: a warmup then a cosine from its own step 0', () => {
    expect(valuesOf(optax.joinSchedules({ schedules: [warm(), cos()], boundaries: [2] }), 5)).toEqual([0, 0.5, 1, 0.5, 0, 0])
  })

  test('a boundary b hands over at step b', () => {
    expect(valuesOf(optax.joinSchedules({ schedules: [c(1), c(2), c(3)], boundaries: [1, 3] }), 4)).toEqual([1, 2, 2, 3, 3])
  })

  test('a single schedule with no boundaries is that schedule; a boundary 0 skips the first', () => {
    expect(valuesOf(optax.joinSchedules({ schedules: [cos()], boundaries: [] }), 3)).toEqual([1, 0.5, 0, 0])
    expect(valuesOf(optax.joinSchedules({ schedules: [c(9), cos()], boundaries: [0] }), 3)).toEqual([1, 0.5, 0, 0])
  })

  test('as optax, boundaries need not increase: the last one reached in list order wins', () => {
    // [3, 1]: from step 1 the third schedule (the second is never seen), counting from 1
    expect(valuesOf(optax.joinSchedules({ schedules: [c(1), c(2), warm()], boundaries: [3, 1] }), 4)).toEqual([1, 0, 0.5, 1, 1])
  })

  test('as optax, a negative boundary starts its child that many steps in', () => {
    expect(valuesOf(optax.joinSchedules({ schedules: [c(9), cos()], boundaries: [-1] }), 2)).toEqual([0.5, 0, 0])
  })

  test('joins nest, and an sgdr or a warmup-cosine may be children', () => {
    const inner = optax.joinSchedules({ schedules: [warm(), cos()], boundaries: [2] })
    const sgdr = optax.sgdrSchedule({ cosineKwargs: [{ initValue: 1, peakValue: 1, warmupSteps: 0, decaySteps: 4 }] })
    const v = valuesOf(optax.joinSchedules({ schedules: [inner, sgdr], boundaries: [3] }), 8)
    expectClose(v, [0, 0.5, 1, 1, (1 + Math.SQRT1_2) / 2, 0.5, (1 - Math.SQRT1_2) / 2, 0, 0], 1e-15)
  })

  test('the JSON config holds the children as configs, and builds the same schedule', () => {
    const s = optax.joinSchedules({ schedules: [warm(), cos()], boundaries: [2] })
    expect(s.config).toEqual({
      type: 'optax.join_schedules',
      schedules: [
        { type: 'optax.linear_schedule', initValue: 0, endValue: 1, transitionSteps: 2, transitionBegin: 0 },
        { type: 'optax.cosine_decay_schedule', initValue: 1, decaySteps: 2, alpha: 0, exponent: 1 }
      ],
      boundaries: [2]
    })
    expect(valuesOf(fromOptaxConfig(JSON.parse(JSON.stringify(s.config))), 6)).toEqual(valuesOf(s, 6))
  })

  test('laws', () => {
    expectLaws(optax.joinSchedules({ schedules: [warm(), cos(), optax.exponentialDecay({ initValue: 0.1, transitionSteps: 3, decayRate: 0.5 })], boundaries: [5, 20] }))
  })
})

describe('optax.join_schedules: validation', () => {
  for (const [options, message] of [
    [{ schedules: [], boundaries: [] }, 'schedules: expected a non-empty array of optax schedules, got []'],
    [{ boundaries: [] }, 'schedules: expected a non-empty array of optax schedules, got undefined'],
    [{ schedules: [c(1), stepLR({ stepSize: 2 })], boundaries: [3] }, 'schedules[1]: expected an optax schedule (built by the optax presets: the join evaluates its closed form), got StepLR'],
    [{ schedules: [c(1), { type: 'optax.constant_schedule', value: 1 }], boundaries: [3] }, 'schedules[1]: expected an optax schedule (built by the optax presets: the join evaluates its closed form), got {"type":"optax.constant_schedule","value":1}'],
    [{ schedules: [c(1), c(2)] }, 'boundaries: missing, expected an array'],
    [{ schedules: [c(1), c(2)], boundaries: [1.5] }, 'boundaries[0]: expected an integer, got 1.5'],
    [{ schedules: [c(1), c(2)], boundaries: [] }, 'boundaries: expected 1 integer (one fewer than the 2 schedules), got []'],
    [{ schedules: [c(1), c(2), c(3)], boundaries: [1, 2, 3] }, 'boundaries: expected 2 integers (one fewer than the 3 schedules), got [1,2,3]']
  ] as const)
    test(`rejects ${message}`, () => {
      expectScheduleError(() => optax.joinSchedules(options as unknown as optax.JoinSchedulesOptions), message)
    })

  test('the codec checks the children (with their paths) and the boundaries', () => {
    expect(
      optaxConfigErrors({
        type: 'optax.join_schedules',
        schedules: [{ type: 'optax.constant_schedule', value: 'x' }, { type: 'StepLR', stepSize: 2 }, { type: 'optax.join_schedules', schedules: [{ type: 'optax.cosine_decay_schedule', initValue: 1 }], boundaries: [] }],
        boundaries: [1, 0.5]
      })
    ).toEqual([
      'schedules[0].value: expected a finite number, got "x"',
      expect.stringMatching(/^schedules\[1\]\.type: expected one of optax\.constant_schedule, .*optax\.join_schedules, got "StepLR"$/),
      'schedules[2].schedules[0].decaySteps: missing, expected a positive integer',
      'boundaries[1]: expected an integer, got 0.5'
    ])
  })

  test("a child's constructor error carries the child's path; so does a wrong number of boundaries", () => {
    expect(() =>
      fromOptaxConfig({
        type: 'optax.join_schedules',
        schedules: [
          { type: 'optax.constant_schedule', value: 1 },
          { type: 'optax.join_schedules', schedules: [{ type: 'optax.warmup_cosine_decay_schedule', initValue: 0, peakValue: 1, warmupSteps: 5, decaySteps: 5 }], boundaries: [] }
        ],
        boundaries: [3]
      })
    ).toThrow("schedules[1].schedules[0].decaySteps: expected an integer > warmupSteps (5): optax's cosine decay needs decaySteps - warmupSteps > 0, got 5")
    expect(() => fromOptaxConfig({ type: 'optax.join_schedules', schedules: [{ type: 'optax.constant_schedule', value: 1 }], boundaries: [3] })).toThrow(
      'boundaries: expected 0 integers (one fewer than the 1 schedule), got [3]'
    )
  })
})
