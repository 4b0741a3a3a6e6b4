import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, test } from 'vitest'
import { hf } from './hf.js'
import { expectClose } from '../../helpers/close.js'
import { rep, rows } from '../../helpers/lists.js'
import { expectScheduleError } from '../../helpers/throws.js'
import { expectLaws, fromHfConfig, lrs } from './common.js'

describe('hf.constant', () => {
  test('every group keeps its initial lr: 0.1 and 0.02 for 5 steps', () => {
    expectClose(lrs(hf.constant(), [0.1, 0.02], 5), rows(rep(0.1, 6), rep(0.02, 6)), 0)
  })

  test('config is { type: "hf.constant" }', () => {
    expect(hf.constant().config).toEqual({ type: 'hf.constant' })
    expect(hf.constant().config.type).toBe('hf.constant')
  })

  test('the config takes no arguments: a warmup is an error (transformers would silently ignore it)', () => {
    const r = fromHfConfig({ type: 'hf.constant', numWarmupSteps: 10 })
    expect(E.isLeft(r) && r.left).toEqual(['numWarmupSteps: unknown argument of hf.constant (it takes none)'])
    // the constructor checks its options as decoding does
    expectScheduleError(() => hf.constant({ numWarmupSteps: 10 } as hf.ConstantOptions), 'numWarmupSteps: unknown argument of hf.constant (it takes none)')
  })

  test('laws: closed form = fold bit for bit, fast path = reducer, purity', () => {
    expectLaws(hf.constant(), [0.1, 0.02], 20)
  })
})
