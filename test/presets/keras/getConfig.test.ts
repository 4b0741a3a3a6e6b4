import { describe, expect, test } from 'vitest'
import { trace } from '../../../src/index.js'
import { fromKerasConfig } from '../../../src/presets/keras/index.js'
import { definitions, schedules } from '../../../src/presets/keras/definitions.js'

/** The definition of a keras.<Class> type. */
const definition = (type: string) => {
  const d = definitions.find((x) => x.type === type)
  if (d === undefined) throw new Error(`no keras definition ${type}`)
  return d
}

/** The errors of a Keras dict that must be rejected, one line each (`path: message`). */
const errorLines = (json: unknown): ReadonlyArray<string> => {
  const r = fromKerasConfig(json)
  if (r._tag === 'Right') throw new Error(`expected ${JSON.stringify(json)} to be rejected, got ${JSON.stringify(r.right)}`)
  return r.left.map((e) => `${e.path}: ${e.message}`)
}

const ok = (json: unknown): unknown => {
  const r = fromKerasConfig(json)
  if (r._tag === 'Left') throw new Error(r.left.map((e) => `${e.path}: ${e.message}`).join('\n'))
  return r.right
}

describe('fromKerasConfig: what Keras writes', () => {
  test("Keras 3's serialize() form (module, class_name, config, registered_name): name dropped, arguments in camelCase", () => {
    // keras.optimizers.schedules.serialize(CosineDecay(0.1, 100, warmup_target=0.2, warmup_steps=10)) in Keras 3.15
    const json = {
      module: 'keras.optimizers.schedules',
      class_name: 'CosineDecay',
      config: { initial_learning_rate: 0.1, decay_steps: 100, alpha: 0.0, name: 'CosineDecay', warmup_target: 0.2, warmup_steps: 10 },
      registered_name: null
    }
    expect(ok(json)).toEqual({ type: 'keras.CosineDecay', initialLearningRate: 0.1, decaySteps: 100, alpha: 0, warmupTarget: 0.2, warmupSteps: 10 })
  })

  test("the { class_name, config } form (Keras 2 / tf.keras, and Keras's deserialize docstring, with name None)", () => {
    const json = {
      class_name: 'PolynomialDecay',
      config: { cycle: false, decay_steps: 10000, end_learning_rate: 0.01, initial_learning_rate: 0.1, name: null, power: 0.5 }
    }
    expect(ok(json)).toEqual({ type: 'keras.PolynomialDecay', initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01, power: 0.5, cycle: false })
  })

  test('warmup_target null (no warmup) is left out; a config without the optional keys gets our (= Keras\'s) defaults when built', () => {
    const c = ok({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, warmup_target: null } }) as { type: string }
    expect(c).toEqual({ type: 'keras.CosineDecay', initialLearningRate: 0.1, decaySteps: 10 })
    expect(definition('keras.CosineDecay').build(c, () => Math.abs).config).toEqual({
      type: 'keras.CosineDecay',
      initialLearningRate: 0.1,
      decaySteps: 10,
      alpha: 0,
      warmupSteps: 0
    })
  })

  test('every class: its get_config() keys map to its keras.<Class> arguments', () => {
    const cases: ReadonlyArray<readonly [unknown, unknown]> = [
      [
        { class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 100000, decay_rate: 0.96, staircase: true, name: 'ExponentialDecay' } },
        { type: 'keras.ExponentialDecay', initialLearningRate: 0.1, decaySteps: 100000, decayRate: 0.96, staircase: true }
      ],
      [
        { class_name: 'PiecewiseConstantDecay', config: { boundaries: [100000, 110000], values: [1.0, 0.5, 0.1], name: 'PiecewiseConstant' } },
        { type: 'keras.PiecewiseConstantDecay', boundaries: [100000, 110000], values: [1, 0.5, 0.1] }
      ],
      [
        { class_name: 'InverseTimeDecay', config: { initial_learning_rate: 0.1, decay_steps: 1.0, decay_rate: 0.5, staircase: false, name: 'InverseTimeDecay' } },
        { type: 'keras.InverseTimeDecay', initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5, staircase: false }
      ],
      [
        { class_name: 'CosineDecayRestarts', config: { initial_learning_rate: 0.1, first_decay_steps: 10, t_mul: 3.0, m_mul: 1.0, alpha: 0.0, name: 'SGDRDecay' } },
        { type: 'keras.CosineDecayRestarts', initialLearningRate: 0.1, firstDecaySteps: 10, tMul: 3, mMul: 1, alpha: 0 }
      ]
    ]
    for (const [json, expected] of cases) expect(ok(json)).toEqual(expected)
  })

  test('registered_name equal to the class name is accepted, as are other Keras module paths', () => {
    const config = { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 }
    expect(ok({ module: 'keras.src.optimizers.schedules.learning_rate_schedule', class_name: 'ExponentialDecay', config, registered_name: 'ExponentialDecay' })).toEqual({
      type: 'keras.ExponentialDecay',
      initialLearningRate: 0.1,
      decaySteps: 10,
      decayRate: 0.5
    })
  })

  test('the result builds the same schedule as Keras: ExponentialDecay(1, 2, 0.5, staircase) traces 1, 1, 0.5, 0.5', () => {
    const c = ok({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 1.0, decay_steps: 2, decay_rate: 0.5, staircase: true, name: 'x' } }) as { type: string }
    const s = definition(c.type).build(c, () => Math.abs)
    expect(trace(s, [0.1], 3).lr).toEqual([[1], [1], [0.5], [0.5]])
  })
})

describe('fromKerasConfig: errors, at their paths in the Keras dict', () => {
  test('an unknown argument is named config.<key>, with the arguments the class takes; a missing one is reported too', () => {
    expect(errorLines({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1, decay_stepz: 1000 } })).toEqual([
      'config.decay_stepz: unknown argument of CosineDecay (it takes initial_learning_rate, decay_steps, alpha, warmup_target, warmup_steps, name)',
      'config.decay_steps: missing, expected a finite number > 0'
    ])
  })

  test("a bad value is named by its Keras key, with keras.<Class>'s message", () => {
    expect(errorLines({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 0, decay_rate: -1, staircase: 'no' } })).toEqual([
      'config.decay_steps: expected a finite number > 0, got 0',
      'config.decay_rate: expected a finite number >= 0, got -1',
      'config.staircase: expected a boolean, got "no"'
    ])
    expect(errorLines({ class_name: 'CosineDecayRestarts', config: { initial_learning_rate: 0.1, first_decay_steps: 10, t_mul: 0.5 } })).toEqual([
      'config.t_mul: expected a finite number >= 1, got 0.5'
    ])
  })

  test('list entries and the checks of the constructor (values against boundaries, increasing boundaries)', () => {
    expect(errorLines({ class_name: 'PiecewiseConstantDecay', config: { boundaries: [10, 'a'], values: [1, 2, 3] } })).toEqual([
      'config.boundaries[1]: expected a finite number, got "a"'
    ])
    expect(errorLines({ class_name: 'PiecewiseConstantDecay', config: { boundaries: [10, 20], values: [1, 2] } })).toEqual([
      'config.values: expected 3 values (one more than the 2 boundaries), got [1,2]'
    ])
    expect(errorLines({ class_name: 'PiecewiseConstantDecay', config: { boundaries: [20, 10], values: [1, 2, 3] } })).toEqual([
      'config.boundaries[1]: expected a boundary > 20 (boundaries must increase strictly), got 10'
    ])
  })

  test('None where Keras needs a number is an error (only warmup_target may be None)', () => {
    expect(errorLines({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, alpha: null } })).toEqual([
      'config.alpha: expected a finite number, got null'
    ])
  })

  test('name must be a string or None', () => {
    expect(errorLines({ class_name: 'InverseTimeDecay', config: { initial_learning_rate: 0.1, decay_steps: 1, decay_rate: 0.5, name: 3 } })).toEqual([
      'config.name: expected a string or null, got 3'
    ])
  })

  test('class_name: missing, or not one of the six built-in schedules', () => {
    const known = 'ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay, InverseTimeDecay, CosineDecay, CosineDecayRestarts'
    expect(errorLines({ config: {} })).toEqual([`class_name: missing, expected one of ${known}`])
    expect(errorLines({ class_name: 'LinearCosineDecay', config: {} })).toEqual([`class_name: expected one of ${known}, got "LinearCosineDecay"`])
  })

  test('config: missing or not an object', () => {
    expect(errorLines({ class_name: 'CosineDecay' })).toEqual(["config: missing, expected an object with the schedule's arguments"])
    expect(errorLines({ class_name: 'CosineDecay', config: [1] })).toEqual(["config: expected an object with the schedule's arguments, got [1]"])
  })

  test('a custom (registered) schedule, a foreign module, an unknown top-level key, all at once', () => {
    expect(
      errorLines({
        module: 'my_package.schedules',
        class_name: 'CosineDecay',
        config: { initial_learning_rate: 0.1, decay_steps: 10 },
        registered_name: 'my_package>MyCosine',
        build_config: {}
      })
    ).toEqual([
      'build_config: unknown key of a serialized Keras schedule (it has class_name, config, module, registered_name)',
      'module: expected a Keras module (keras.optimizers.schedules), got "my_package.schedules"',
      'registered_name: expected null (a built-in Keras schedule), got "my_package>MyCosine"'
    ])
  })

  test('not an object at all', () => {
    expect(fromKerasConfig('CosineDecay')).toEqual({
      _tag: 'Left',
      left: [{ path: '', message: 'expected a Keras schedule ({"class_name": ..., "config": {...}}), got "CosineDecay"', value: 'CosineDecay' }]
    })
    expect(fromKerasConfig(null)).toMatchObject({ _tag: 'Left', left: [{ path: '', value: null }] })
  })
})

describe('keras.<Class> configs', () => {
  test("our config takes Keras's arguments in camelCase but not `name` (it does not change the numbers; fromKerasConfig drops it)", () => {
    const r = definition('keras.ExponentialDecay').codec.decode({ type: 'keras.ExponentialDecay', initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, name: 'x' })
    expect(r._tag).toBe('Left')
    if (r._tag === 'Left')
      expect(r.left.map((e) => e.message)).toEqual(['unknown argument of keras.ExponentialDecay (it takes initialLearningRate, decaySteps, decayRate, staircase)'])
  })

  test('the schedules are the six types, in the order of keras.optimizers.schedules (then the callback)', () => {
    expect(definitions.map((d) => d.type)).toEqual([...schedules.map((d) => d.type), 'keras.ReduceLROnPlateau'])
    expect(schedules.map((d) => d.type)).toEqual([
      'keras.ExponentialDecay',
      'keras.PiecewiseConstantDecay',
      'keras.PolynomialDecay',
      'keras.InverseTimeDecay',
      'keras.CosineDecay',
      'keras.CosineDecayRestarts'
    ])
  })
})
