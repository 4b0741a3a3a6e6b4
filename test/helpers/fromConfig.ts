// Builds a scheduler from the declarative JSON form of ../shared/contract.md, for replaying
// fixtures. (The library's own decoder, with io-ts and error reporting, comes with the config issue.)
import * as L from '../../src/index.js'
import { lrLambdas, multiplicativeLambdas, scaleFns } from './registry.js'

type Config = { readonly type: string } & Record<string, unknown>

const named = (registry: Readonly<Record<string, (x: number) => number>>, v: unknown): any => {
  const one = (name: unknown) => {
    const f = registry[name as string]
    if (f === undefined) throw new Error(`unknown function name ${String(name)}`)
    return f
  }
  return Array.isArray(v) ? v.map(one) : one(v)
}

const args = (c: Config): any => {
  const { type: _type, ...rest } = c
  return rest
}

export const fromConfig = (c: Config): L.AnyScheduler => {
  switch (c.type) {
    case 'StepLR':
      return L.stepLR(args(c))
    case 'MultiStepLR':
      return L.multiStepLR(args(c))
    case 'ConstantLR':
      return L.constantLR(args(c))
    case 'LinearLR':
      return L.linearLR(args(c))
    case 'ExponentialLR':
      return L.exponentialLR(args(c))
    case 'PolynomialLR':
      return L.polynomialLR(args(c))
    case 'CosineAnnealingLR':
      return L.cosineAnnealingLR(args(c))
    case 'LambdaLR':
      return L.lambdaLR({ lrLambda: named(lrLambdas, c['lrLambda']) })
    case 'MultiplicativeLR':
      return L.multiplicativeLR({ lrLambda: named(multiplicativeLambdas, c['lrLambda']) })
    case 'CyclicLR': {
      const a = args(c)
      return L.cyclicLR(a.scaleFn === undefined ? a : { ...a, scaleFn: named(scaleFns, a.scaleFn) })
    }
    case 'OneCycleLR':
      return L.oneCycleLR(args(c))
    case 'CosineAnnealingWarmRestarts':
      return L.cosineAnnealingWarmRestarts(args(c))
    case 'ReduceLROnPlateau':
      return L.reduceLROnPlateau(args(c))
    case 'SequentialLR':
      return L.sequential((c['schedulers'] as Config[]).map(fromConfig), c['milestones'] as number[])
    case 'ChainedScheduler':
      return L.chain((c['schedulers'] as Config[]).map(fromConfig))
    default:
      throw new Error(`unknown scheduler type ${c.type}`)
  }
}
