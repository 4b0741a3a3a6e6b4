import { fairseq, scheduleFromConfig } from './dist/index.js'
const cases = [
  ['inverseSqrt', { warmupUpdates: 0 }],
  ['inverseSqrt', { lr: [0.1, 0.2] }],
  ['inverseSqrt', { lr: [] }],
  ['inverseSqrt', { lr: [-1] }],
  ['cosine', {}],
  ['cosine', { lr: [0.1], minLr: 0.1, maxUpdate: 10 }],
  ['cosine', { maxUpdate: 10, tMult: 0.5 }],
  ['cosine', { maxUpdate: 10, warmupUpdates: 10 }],
  ['triangular', {}],
  ['triangular', { maxLr: 0.25 }],
  ['triangular', { maxLr: 1, lrPeriodUpdates: 1.5 }],
  ['triStage', {}],
  ['triStage', { phaseRatio: [0.5, 0.5] , maxUpdate: 10}],
  ['triStage', { phaseRatio: [0.1, 0.2, 0.7], maxUpdate: 10 }],
  ['triStage', { phaseRatio: [0.5, 0.5, 0] }],
  ['triStage', { phaseRatio: [0.5, 0.45, 0.05], maxUpdate: 10 }],
  ['triStage', { decaySteps: 3, finalLrScale: 0 }],
  ['step', { minLr: 0.25 }],
  ['step', { lrDecay: 1.5 }],
  ['step', { lrDeacyPeriod: 0 }],
  ['fixed', { lr: [0.1, 0.2] }],
  ['fixed', { forceAnneal: 2 }],
  ['polynomialDecay', {}],
  ['polynomialDecay', { totalNumUpdate: 0 }],
  ['polynomialDecay', { totalNumUpdate: 10, lr: [1, 2] }],
  ['reduceLrOnPlateau', {}],
  ['reduceLrOnPlateau', { updatesPerEpoch: 2, lrShrink: 1 }],
  ['reduceLrOnPlateau', { updatesPerEpoch: 2, lr: [1, 2] }],
]
for (const [f, o] of cases) { try { fairseq[f](o); console.log(f, JSON.stringify(o), 'OK') } catch (e) { console.log(f, JSON.stringify(o), '=>', JSON.stringify(e.message)) } }
try { scheduleFromConfig({ type: 'fairseq.inverse_sqrt', warmupUpdates: 0 }) } catch (e) { console.log('decode', JSON.stringify(e.message)) }
try { scheduleFromConfig({ type: 'fairseq.cosine', maxUpdate: 5, warmupUpdates: 5 }) } catch (e) { console.log('decode', JSON.stringify(e.message)) }
