// Trains a small tfjs model on generated data with a warmup + cosine schedule, on the pure-JS CPU
// backend, and prints the loss and the lr of every epoch.
//   node examples/tfjs-train.mjs [epochs]        (after npm run build; default 30 epochs)
import * as tf from '@tensorflow/tfjs'
import { cosineAnnealingLR, linearLR, sequential } from 'lr-schedule'
import { scheduleCallback } from 'lr-schedule/tfjs'

const epochs = Number(process.argv[2] ?? 30)
const warmup = Math.max(1, Math.round(epochs / 10))
await tf.setBackend('cpu')

// y = sin(3x) + noise on [-1, 1]: a small MLP has something to learn
const n = 512
const xs = tf.randomUniform([n, 1], -1, 1, 'float32', 7)
const ys = tf.tidy(() => tf.sin(xs.mul(3)).add(tf.randomNormal([n, 1], 0, 0.05, 'float32', 11)))

const model = tf.sequential({
  layers: [
    tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [1], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
    tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) })
  ]
})
const optimizer = tf.train.adam(0.05)
model.compile({ optimizer, loss: 'meanSquaredError' })

// warmup from 1% of the lr, then cosine down to 1e-4 over the remaining epochs
const schedule = sequential(
  [linearLR({ startFactor: 0.01, totalIters: warmup }), cosineAnnealingLR({ tMax: epochs - warmup, etaMin: 1e-4 })],
  [warmup]
)

// the lr printed is the optimizer's own (Adam reads its learningRate field at every update), read
// when each epoch begins, after the schedule's callback has set it
let lr
const print = {
  onEpochBegin: () => {
    lr = optimizer.learningRate
  },
  onEpochEnd: (epoch, logs) => console.log(`${String(epoch + 1).padStart(5)}  ${lr.toExponential(3)}  ${logs.loss.toFixed(5)}`)
}

console.log('epoch  lr          loss')
await model.fit(xs, ys, { epochs, batchSize: 64, shuffle: false, verbose: 0, callbacks: [scheduleCallback(optimizer, schedule), print] })
tf.dispose([xs, ys])
