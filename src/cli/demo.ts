/**
 * `npm start`: a short demo that folds the README's schedule (LinearLR warmup, then cosine) over
 * 1000 steps and prints it as a table and a terminal chart. A thin shell over the pure library.
 *
 * @internal
 */
import { cosineAnnealingLR, linearLR, sequential, traceArray } from '../index.js'

const warmup = 100
const total = 1000
const schedule = sequential(
  [linearLR({ startFactor: 0.01, totalIters: warmup }), cosineAnnealingLR({ tMax: total - warmup, etaMin: 1e-5 })],
  [warmup]
)
const { lr } = traceArray(schedule, [3e-4], total)

const lines: string[] = []
lines.push('lr-schedule demo: sequential([linearLR(startFactor 0.01, 100 steps), cosineAnnealingLR(tMax 900, etaMin 1e-5)], [100])')
lines.push('initial lr 3e-4, 1000 steps\n')
lines.push(' step  lr')
for (const k of [0, 1, 50, 99, 100, 101, 250, 500, 750, 999, 1000]) lines.push(`${String(k).padStart(5)}  ${(lr[k] as number).toExponential(6)}`)

// a terminal chart: one column per 20 steps, 12 rows
const width = 51
const height = 12
const max = Math.max(...lr)
const cols = Array.from({ length: width }, (_, c) => lr[Math.round((c * total) / (width - 1))] as number)
lines.push('')
for (let r = height - 1; r >= 0; r--) {
  const y = (max * (r + 0.5)) / height
  const label = r === height - 1 ? max.toExponential(1) : r === 0 ? '0' : ''
  lines.push(`${label.padStart(8)} |${cols.map((v) => (v >= y ? '█' : ' ')).join('')}`)
}
lines.push(`${''.padStart(8)} +${'-'.repeat(width)}`)
lines.push(`${''.padStart(9)}0${'step'.padStart(Math.floor(width / 2) + 2)}${String(total).padStart(width - Math.floor(width / 2) - 5)}`)
console.log(lines.join('\n'))
