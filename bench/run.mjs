// `npm run bench`: times lr-schedule against a hand-written loop and against PyTorch, checks the
// issue's targets, prints the tables and writes them to docs/benchmarks.md.
//
//   node --expose-gc bench/run.mjs                       every case, torch, the report
//   node --expose-gc bench/run.mjs --case 0 --groups 8    one case, as JSON (what the report runs)
//   BENCH_QUICK=1 ...                                     fewer steps and runs (a smoke test; no report)
//
// Every (schedule, groups) case runs in fresh Node processes: V8 shares type feedback between all
// the closures of one function literal, so timing six schedules in one process would time each
// against the previous ones' feedback (a program uses one schedule, maybe two). Three processes
// per case: V8 compiles the same code to faster or slower machine code from one process to the
// next (it depends on when its background compiler runs); the report takes the medians.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, release, platform } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Session } from 'node:inspector/promises'
import { PerformanceObserver, performance, constants as perfConstants } from 'node:perf_hooks'
import * as L from '../dist/index.js'
import { build, configs, initialLrs } from './configs.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const quick = process.env.BENCH_QUICK === '1'

// -------------------------------------------------------------------------------------
// parameters
// -------------------------------------------------------------------------------------

const P = quick
  ? { processes: 1, steps: 100_000, runs: 3, reducerRuns: 2, closedCalls: 20_000, o1Calls: 50_000, heapSteps: 1_000_000, torchSteps: 2000, torchRuns: 2 }
  : { processes: 3, steps: 1_000_000, runs: 7, reducerRuns: 3, closedCalls: 100_000, o1Calls: 200_000, heapSteps: 10_000_000, torchSteps: 20_000, torchRuns: 5 }
const GROUPS = [1, 8]
const FAR = 1e9 // the far step of the O(1) check
const O1_HORIZON = 2e9 // OneCycleLR's totalSteps (and the warm-up + cosine's tMax) for the O(1) check

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
}
const now = () => process.hrtime.bigint()
const nsPer = (t0, count) => Number(now() - t0) / count
const sameBits = (a, b) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]))

// -------------------------------------------------------------------------------------
// one case (in its own process)
// -------------------------------------------------------------------------------------

/** The pure reducer folded over `steps` steps, its lrs (and momenta) stored like traceArray's. */
const reducerFold = (s, lrs, steps) => {
  const n = lrs.length
  const lr = new Float64Array((steps + 1) * n)
  const momentum = L.setsMomentum(s) ? new Float64Array((steps + 1) * n) : undefined
  let [g, st] = s.init(L.paramGroups(lrs))
  for (let k = 0; k <= steps; k++) {
    if (k > 0) [g, st] = s.step(st, g)
    for (let i = 0; i < n; i++) {
      lr[k * n + i] = g[i].lr
      if (momentum !== undefined) momentum[k * n + i] = g[i].momentum
    }
  }
  return momentum === undefined ? { lr } : { lr, momentum }
}

/**
 * Bytes allocated on the JS heap per step by `fold(steps)`, garbage included: V8's sampling heap
 * profiler (one sample per 1 KiB allocated on average, objects collected by GCs kept), summed.
 */
const sampledAllocation = async (fold, steps) => {
  const session = new Session()
  session.connect()
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true
  })
  fold(steps)
  const { profile } = await session.post('HeapProfiler.stopSampling')
  session.disconnect()
  let bytes = 0
  const walk = (node) => {
    bytes += node.selfSize
    node.children.forEach(walk)
  }
  walk(profile.head)
  return bytes / steps
}

/**
 * Heap while traceArray folds `steps` steps: heapUsed before, right after (no GC in between),
 * and after a full GC; the GCs V8 ran during the fold; the growth of ArrayBuffer memory beyond the
 * output arrays.
 */
const heapDuringFold = async (s, lrs, steps) => {
  const gcs = []
  const obs = new PerformanceObserver((list) => gcs.push(...list.getEntries()))
  obs.observe({ entryTypes: ['gc'] })
  globalThis.gc()
  globalThis.gc()
  const m0 = process.memoryUsage()
  const t0 = performance.now()
  const out = L.traceArray(s, lrs, steps)
  const t1 = performance.now()
  const m1 = process.memoryUsage()
  globalThis.gc()
  const m2 = process.memoryUsage()
  const outputBytes = out.lr.byteLength + (out.momentum?.byteLength ?? 0)
  await new Promise((r) => setTimeout(r, 50)) // let the observer deliver
  obs.disconnect()
  const during = gcs.filter((e) => e.startTime >= t0 && e.startTime <= t1)
  // scavenges are what per-step garbage runs; allocating the output (external memory) may run a
  // full GC, which is no sign of it
  const minor = during.filter((e) => (e.detail?.kind ?? e.kind) === perfConstants.NODE_PERFORMANCE_GC_MINOR).length
  return {
    steps,
    gcsDuringFold: during.length,
    scavengesDuringFold: minor,
    allocatedDuringFold: m1.heapUsed - m0.heapUsed,
    retainedAfterGc: m2.heapUsed - m0.heapUsed,
    arrayBuffersBeyondOutput: m2.arrayBuffers - m0.arrayBuffers - outputBytes,
    outputBytes,
    keep: out.lr[out.lr.length - 1]
  }
}

const runCase = async (index, n) => {
  const config = configs[index]
  const lrs = initialLrs(n)
  const steps = P.steps
  const s = build(config.spec(steps))

  // the numbers first: the hand-written loop and the reducer give the fast path's, bit for bit
  const fast0 = L.traceArray(s, lrs, steps)
  const spec = config.spec(steps)
  const hand0 = config.hand(spec, lrs, steps)
  const red0 = reducerFold(s, lrs, Math.min(steps, 100_000))
  const rows = (red0.lr.length / n) | 0
  const same = {
    hand: sameBits(fast0.lr, hand0.lr) && (fast0.momentum === undefined || sameBits(fast0.momentum, hand0.momentum)),
    reducer: sameBits(fast0.lr.subarray(0, rows * n), red0.lr) && (fast0.momentum === undefined || sameBits(fast0.momentum.subarray(0, rows * n), red0.momentum))
  }
  const lastRow = (steps) => Array.from(L.traceArray(s, lrs, steps).lr.subarray(steps * n))

  // the rows: each fold writes into arrays of its own, reused from run to run (traceArray's `into`),
  // or into new arrays (the default), whose first touch costs page faults, the same for any fold
  const outputs = () => ({ lr: new Float64Array((steps + 1) * n), momentum: new Float64Array((steps + 1) * n) })
  const intoFast = outputs()
  const intoHand = outputs()
  const fastInto = L.traceArray(s, lrs, steps, undefined, intoFast)
  same.into = sameBits(fastInto.lr, fast0.lr) && (fast0.momentum === undefined || sameBits(fastInto.momentum, fast0.momentum))

  // fast path and hand-written loop, interleaved; a warm-up round first
  const hand = []
  const fast = []
  let sink = 0
  for (let r = -1; r < P.runs; r++) {
    let t0 = now()
    sink += config.hand(spec, lrs, steps, intoHand).lr[steps * n]
    const h = nsPer(t0, steps)
    t0 = now()
    sink += L.traceArray(s, lrs, steps, undefined, intoFast).lr[steps * n]
    const f = nsPer(t0, steps)
    if (r >= 0) {
      hand.push(h)
      fast.push(f)
    }
  }
  // the same, each fold allocating its rows
  const handNew = []
  const fastNew = []
  for (let r = 0; r < P.reducerRuns; r++) {
    let t0 = now()
    sink += config.hand(spec, lrs, steps).lr[steps * n]
    handNew.push(nsPer(t0, steps))
    t0 = now()
    sink += L.traceArray(s, lrs, steps).lr[steps * n]
    fastNew.push(nsPer(t0, steps))
  }

  // the pure reducer
  reducerFold(s, lrs, steps / 10) // warm-up
  const reducer = []
  for (let r = 0; r < P.reducerRuns; r++) {
    const t0 = now()
    sink += reducerFold(s, lrs, steps).lr[steps * n]
    reducer.push(nsPer(t0, steps))
  }

  // the closed form at random steps of the run
  const closed = []
  const closedForm = L.closedFormOf(s)
  if (closedForm !== undefined) {
    const ts = Array.from({ length: P.closedCalls }, () => Math.floor(Math.random() * (steps + 1)))
    for (let r = -1; r < P.runs; r++) {
      const t0 = now()
      for (const t of ts) sink += closedForm(t, lrs)[0]
      if (r >= 0) closed.push(nsPer(t0, ts.length))
    }
  }

  // O(1): the closed form at steps 10, 1e3, 1e6, 1e9 and the step 1e9 is compared with (10 steps
  // into the same piece of the schedule), on a config whose horizon holds 1e9
  let o1
  const far = build(config.spec(O1_HORIZON))
  const farForm = L.closedFormOf(far)
  if (farForm !== undefined) {
    const at = (t) => {
      const t0 = now()
      for (let k = 0; k < P.o1Calls; k++) sink += farForm(t + (k & 1), lrs)[0]
      return nsPer(t0, P.o1Calls)
    }
    const near = config.near?.(O1_HORIZON) ?? 10
    const points = [...new Set([10, near, 1e3, 1e6, FAR])]
    for (const t of points) at(t)
    const times = points.map(() => [])
    for (let r = 0; r < P.runs; r++) points.forEach((t, j) => times[j].push(at(t)))
    o1 = { near, times: Object.fromEntries(points.map((t, j) => [t, median(times[j])])) }
  }

  // bytes allocated per step (garbage included), by the fast path and by the reducer
  // (the least of three folds: a one-off, such as V8 recompiling the fold, lands in one of them)
  const fastBytes = Math.min(
    await sampledAllocation((k) => L.traceArray(s, lrs, k, undefined, intoFast), steps),
    await sampledAllocation((k) => L.traceArray(s, lrs, k, undefined, intoFast), steps),
    await sampledAllocation((k) => L.traceArray(s, lrs, k, undefined, intoFast), steps)
  )
  const reducerBytes = await sampledAllocation((k) => reducerFold(s, lrs, k), steps / 10)

  // heap while the fast path folds P.heapSteps steps
  const heapSchedule = build(config.spec(P.heapSteps))
  L.traceArray(heapSchedule, lrs, P.steps) // warm: the same fold, shorter
  const heap = await heapDuringFold(heapSchedule, lrs, P.heapSteps)

  return {
    name: config.name,
    composite: config.composite,
    groups: n,
    same,
    hand: median(hand),
    fast: median(fast),
    // each run's fast path ÷ the loop run just before it: what load drifts between runs cancels
    fastOverHand: median(fast.map((f, r) => f / hand[r])),
    handNew: median(handNew),
    fastNew: median(fastNew),
    reducer: median(reducer),
    fastBytes,
    reducerBytes,
    closed: closed.length > 0 ? median(closed) : undefined,
    o1,
    heap,
    lrsAt: { steps: P.torchSteps, lrs: lastRow(P.torchSteps) },
    sink
  }
}

/**
 * One case's runs in several processes, as one: the median of every time and of the bytes per
 * step, the spread of the fast path's ratio to the loop, the numbers' checks of all, the memory of
 * the median process (by bytes per step).
 */
const combine = (runs) => {
  const med = (f) => median(runs.map(f))
  const byBytes = [...runs].sort((a, b) => a.fastBytes - b.fastBytes)[runs.length >> 1]
  const o1 = runs[0].o1 === undefined ? undefined : { near: runs[0].o1.near, times: Object.fromEntries(Object.keys(runs[0].o1.times).map((t) => [t, med((x) => x.o1.times[t])])) }
  return {
    ...runs[0],
    same: Object.fromEntries(Object.keys(runs[0].same).map((k) => [k, runs.every((x) => x.same[k])])),
    hand: med((x) => x.hand),
    fast: med((x) => x.fast),
    fastOverHand: med((x) => x.fastOverHand),
    fastOverHandByProcess: runs.map((x) => x.fastOverHand),
    handNew: med((x) => x.handNew),
    fastNew: med((x) => x.fastNew),
    reducer: med((x) => x.reducer),
    closed: runs[0].closed === undefined ? undefined : med((x) => x.closed),
    fastBytes: med((x) => x.fastBytes),
    reducerBytes: med((x) => x.reducerBytes),
    o1,
    heap: byBytes.heap
  }
}

// -------------------------------------------------------------------------------------
// torch
// -------------------------------------------------------------------------------------

const findPython = () => {
  const candidates = [join(root, '.venv-ref', 'bin', 'python'), 'python3', 'python']
  for (const py of candidates) {
    if (py.includes('/') && !existsSync(py)) continue
    const r = spawnSync(py, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' })
    if (r.status === 0) return py
  }
  return undefined
}

const runTorch = () => {
  const python = findPython()
  if (python === undefined) return { note: 'no Python with torch found (tried .venv-ref/bin/python, python3, python): PyTorch columns skipped' }
  const cases = configs.flatMap((c) =>
    GROUPS.map((groups) => ({ name: c.name, spec: c.spec(P.steps), groups, steps: P.torchSteps, runs: P.torchRuns, warmup: 1000 }))
  )
  const r = spawnSync(python, [join(here, 'torch_bench.py')], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 })
  if (r.status !== 0) return { note: `torch_bench.py failed (${python}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}` }
  const out = JSON.parse(r.stdout)
  return { python, ...out }
}

// -------------------------------------------------------------------------------------
// the report
// -------------------------------------------------------------------------------------

const fmt = (x, digits = 1) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(digits))
const ratio = (x) => (x === undefined ? '–' : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`)
const bytes = (x) => (x < 0.01 ? '0' : x < 10 ? x.toFixed(2) : x.toFixed(0))
const mark = (ok) => (ok === undefined ? '–' : ok ? 'pass' : '**FAIL**')

const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i < 2 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')

const machine = () => {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown'
  return {
    cpu: model.trim(),
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os: `${platform()} ${release()}`,
    node: process.version,
    v8: process.versions.v8,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  }
}

const relErr = (a, b) => Math.max(...a.map((x, i) => Math.abs(x - b[i]) / Math.max(Math.abs(b[i]), 1e-300)))

const O1_TOLERANCE = 1.25 // timing noise allowed between two O(1) timings
const ALLOC_TOLERANCE = 64 * 1024 // bytes retained after the whole 10^7-step fold
const ALLOC_PER_STEP = 0.1 // bytes per step: what compiling the fold allocates, spread over its steps
const BEGIN = '<!-- bench:begin (generated by npm run bench: edits between these markers are overwritten) -->'
const END = '<!-- bench:end -->'

const report = (results, torch, seconds, loadAtStart) => {
  const m = machine()
  const n = (x) => x.toLocaleString('en')
  const torchCase = (r) => torch.cases?.find((c) => c.name === r.name && c.groups === r.groups)
  const rows = results.map((r) => {
    const t = torchCase(r)
    const torchNs = t === undefined ? undefined : median(t.ns)
    // O(1): step 10^9 costs what a step 10 steps into the same piece of the schedule costs; the
    // literal 10^9 ÷ 10 is shown too
    const o1 = r.o1 === undefined ? undefined : { ...r.o1, literal: r.o1.times[FAR] / r.o1.times[10], ratio: r.o1.times[FAR] / r.o1.times[r.o1.near] }
    const heap = r.heap
    return {
      r,
      o1,
      limit: r.composite ? 5 : 3,
      torchNs,
      torchErr: t === undefined ? undefined : relErr(r.lrsAt.lrs, t.lrs),
      fastRatio: r.fastOverHand,
      reducerRatio: r.reducer / r.hand,
      closedRatio: r.closed === undefined ? undefined : r.closed / r.hand,
      torchOverFast: torchNs === undefined ? undefined : torchNs / r.fast,
      torchOverReducer: torchNs === undefined ? undefined : torchNs / r.reducer,
      verdict: {
        fold: r.fastOverHand <= (r.composite ? 5 : 3),
        torch: torchNs === undefined ? undefined : torchNs / r.fast >= 100,
        o1: o1 === undefined ? undefined : o1.ratio <= O1_TOLERANCE,
        alloc:
          r.fastBytes < ALLOC_PER_STEP &&
          heap.retainedAfterGc < ALLOC_TOLERANCE &&
          heap.arrayBuffersBeyondOutput < ALLOC_TOLERANCE
      }
    }
  })
  const all = (k) => rows.every((x) => x.verdict[k] === undefined || x.verdict[k])
  const count = (k) => `${rows.filter((x) => x.verdict[k] === true).length} of ${rows.filter((x) => x.verdict[k] !== undefined).length} cases`
  const overall = (k) => (rows.every((x) => x.verdict[k] === undefined) ? 'skipped' : `${all(k) ? 'pass' : '**FAIL**'} (${count(k)})`)

  const speed = table(
    ['schedule', 'groups', 'hand-written loop', 'fast path', '÷ loop', 'loop, new rows', 'fast path, new rows', '÷ loop', 'pure reducer', '÷ loop', 'closed form', '÷ loop', 'PyTorch', 'PyTorch ÷ fast path', 'PyTorch ÷ reducer', 'PyTorch ÷ loop'],
    rows.map((x) => [
      x.r.name,
      x.r.groups,
      fmt(x.r.hand),
      fmt(x.r.fast),
      ratio(x.fastRatio),
      fmt(x.r.handNew),
      fmt(x.r.fastNew),
      ratio(x.r.fastNew / x.r.handNew),
      fmt(x.r.reducer),
      ratio(x.reducerRatio),
      fmt(x.r.closed),
      ratio(x.closedRatio),
      fmt(x.torchNs),
      ratio(x.torchOverFast),
      ratio(x.torchOverReducer),
      ratio(x.torchNs === undefined ? undefined : x.torchNs / x.r.hand)
    ])
  )
  const o1 = table(
    ['schedule', 'groups', 'step 10', 'compared step', 'step 10^3', 'step 10^6', 'step 10^9', '10^9 ÷ 10', '10^9 ÷ compared'],
    rows.map((x) => {
      const t = x.o1?.times
      return [
        x.r.name,
        x.r.groups,
        fmt(t?.[10]),
        x.o1 === undefined ? '–' : x.o1.near === 10 ? '(10)' : `${n(x.o1.near)}: ${fmt(t[x.o1.near])}`,
        fmt(t?.[1e3]),
        fmt(t?.[1e6]),
        fmt(t?.[FAR]),
        x.o1 === undefined ? 'no closed form' : x.o1.literal.toFixed(2),
        x.o1 === undefined ? '–' : x.o1.ratio.toFixed(2)
      ]
    })
  )
  const mem = table(
    ['schedule', 'groups', 'GCs during the fold (scavenges)', 'heapUsed growth during the fold (B)', 'after a full GC (B)', 'ArrayBuffers beyond the output (B)', 'allocated per step: fast path (B)', 'pure reducer (B)'],
    rows.map((x) => [
      x.r.name,
      x.r.groups,
      `${x.r.heap.gcsDuringFold} (${x.r.heap.scavengesDuringFold})`,
      x.r.heap.allocatedDuringFold,
      x.r.heap.retainedAfterGc,
      x.r.heap.arrayBuffersBeyondOutput,
      bytes(x.r.fastBytes),
      bytes(x.r.reducerBytes)
    ])
  )
  const targets = table(
    ['schedule', 'groups', 'fast path ≤ 3× loop (≤ 5× composites)', 'fast path ≥ 100× PyTorch', `closed form O(1) (10^9 ÷ compared ≤ ${O1_TOLERANCE})`, 'fast path: no allocation per step'],
    rows.map((x) => [
      x.r.name,
      x.r.groups,
      `${mark(x.verdict.fold)} (${ratio(x.fastRatio)}; by process ${x.r.fastOverHandByProcess.map((v) => v.toFixed(1)).join(', ')})`,
      x.verdict.torch === undefined ? 'skipped' : `${mark(x.verdict.torch)} (${ratio(x.torchOverFast)})`,
      x.verdict.o1 === undefined ? 'no closed form' : `${mark(x.verdict.o1)} (${x.o1.ratio.toFixed(2)})`,
      `${mark(x.verdict.alloc)} (${bytes(x.r.fastBytes)} B/step, ${x.r.heap.retainedAfterGc} B retained)`
    ])
  )
  const differ = rows
    .filter((x) => !x.r.same.hand || !x.r.same.reducer || !x.r.same.into)
    .map(
      (x) =>
        `${x.r.name} (${x.r.groups}): the fast path differs from ${[!x.r.same.hand && 'the hand-written loop', !x.r.same.reducer && 'the pure reducer', !x.r.same.into && 'itself writing into reused arrays'].filter(Boolean).join(' and ')}`
    )
  const torchErrs = rows.filter((x) => x.torchErr !== undefined).map((x) => x.torchErr)
  const sameNumbers = `${
    differ.length === 0 ? 'In every case the fast path equals the hand-written loop and the pure reducer bit for bit (lr and momentum), writing into new arrays or into reused ones.' : `**${differ.join('; ')}.**`
  }${
    torchErrs.length === 0
      ? ''
      : ` PyTorch's lrs after ${P.torchSteps.toLocaleString('en')} steps equal lr-schedule's to a relative error of ${Math.max(...torchErrs).toExponential(1)} at most: the configs are the same.`
  }`
  const torchRow = torch.torch === undefined ? `skipped: ${torch.note}` : `${torch.torch} (CPU), Python ${torch.python}, one thread`

  const generated = `${BEGIN}

## Machine

| | |
|---|---|
| CPU | ${m.cpu}, ${m.cores} cores |
| memory | ${m.memory} |
| OS | ${m.os} |
| Node | ${m.node} (V8 ${m.v8}) |
| PyTorch | ${torchRow} |
| date | ${m.date} |
| bench run time | ${Math.round(seconds)} s |
| load average (1 min) | ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end |

## Targets (issue 6), measured in this run

| target | judged on | result |
|---|---|---|
| fold ≤ 3× the hand-written loop (single schedulers), ≤ 5× (composites) | the fast path, \`traceArray\`; the pure reducer allocates new groups and a new state every step by design: its ratio is reported, not judged | ${overall('fold')} |
| ≥ 100× faster per step than PyTorch's \`scheduler.step()\` | the fast path (the reducer's ratio is reported too) | ${overall('torch')} |
| closed form O(1) in the step | the time at step 10^9 ≤ ${O1_TOLERANCE} × the time 10 steps into the same piece of the schedule (step 10 where that is the same piece; the literal 10^9 ÷ 10 is in the table below, with why it differs) | ${overall('o1')} |
| no allocation per step on the fast path; heap flat over ${n(P.heapSteps)} steps | the fast path: < ${ALLOC_PER_STEP} B allocated per step (what a fold allocates once, spread over its steps), < ${ALLOC_TOLERANCE / 1024} KiB retained after the ${n(P.heapSteps)}-step fold | ${overall('alloc')} |

${targets}

${sameNumbers}

## Time: ns per step (the closed form: ns per call)

Medians of ${P.runs} runs (the reducer and the folds into new rows: ${P.reducerRuns}) after a warm-up, ${n(P.steps)} steps each${
    torch.torch === undefined ? '' : `; PyTorch: median of ${P.torchRuns} runs of ${n(P.torchSteps)} steps`
  }. A step is a step of all the groups together. "Hand-written loop" and "fast path" write their rows into
arrays reused from run to run (\`traceArray\`'s \`into\`); "new rows": each run allocates them, as a
plain \`traceArray(s, lrs, steps)\` does: the first touch of ${n(P.steps)} fresh rows costs page faults,
about as much for any fold, which a step of PyTorch's (it records nothing) does not pay.

${speed}

## Closed form: ns per call at a step

${o1}

## Memory: the fast path over ${n(P.heapSteps)} steps

${mem}

## Method

- **Cases.** Six schedules (\`bench/configs.mjs\`), with 1 and 8 param groups (initial lrs
  \`0.1 / (i + 1)\`): StepLR(stepSize 1000, gamma 0.95); CosineAnnealingLR(tMax 10^5, etaMin 1e-5);
  CyclicLR(baseLr 1e-4, maxLr 1e-2, stepSizeUp 2000: triangular, cycling momentum); OneCycleLR(maxLr
  0.1, totalSteps = the run's length); sequential(LinearLR(startFactor 0.01, totalIters 1000),
  CosineAnnealingLR(tMax = length − 1000)) with milestone 1000; and three levels of composites,
  chain(sequential(LinearLR, ExponentialLR), chain(StepLR, chain(ConstantLR, PolynomialLR))). Each is
  one JSON spec, built by lr-schedule here and by torch's classes in \`bench/torch_bench.py\`. Each
  case runs in ${P.processes} fresh Node processes (V8 shares type feedback between the closures of
  one function literal, so timing every schedule in one process would time each on the others'
  feedback; and it compiles the same code to faster or slower machine code from one process to the
  next): every figure is the median over the processes (the memory table: the process with the
  median bytes per step), and the targets table shows the fast path's ratio in each.
- **Hand-written loop.** The same formulas (PyTorch's chainable forms, in the same operation order),
  written as one writes such a loop by hand for speed, in a plain loop over a \`Float64Array\`
  (\`bench/configs.mjs\`): what a step shares between groups (a decay factor, a cosine ratio, a cycle
  position) once per step, each step's cosine kept for the next step's cos(π(e − 1)/T), one value for
  every group when their arguments are the same, no composite; the config's numbers read from its
  spec at run time, as code that takes a config must (literals would let V8 fold them). The bench
  checks that its output is the fast path's bit for bit, so both do the same arithmetic.
- **Fast path.** \`traceArray(s, lrs, ${n(P.steps)}, undefined, into)\`, interleaved with the hand-written
  loop, after a warm-up round; its ratio to the loop is the median of each run's ratio to the loop
  run just before it (so that load drifting between runs cancels). Both write into arrays of their
  own reused from run to run; the targets are judged on these times, because the steps are what is
  compared (PyTorch's step records nothing), and the page faults of fresh rows, shown beside them,
  are the operating system's, about the same for the loop and the fast path.
- **Pure reducer.** \`s.init\`, then \`s.step(state, groups)\` ${n(P.steps)} times, each step's lrs (and
  momenta) stored into a \`Float64Array\` as \`traceArray\` does.
- **Closed form.** \`closedFormOf(s)(t, lrs)\` (it returns a new array) at ${n(P.closedCalls)} uniformly random
  steps of the run. O(1): ${n(P.o1Calls)} calls at each of the steps shown (t and t + 1 alternately),
  ${P.runs} rounds, medians, on configs whose horizon is 2·10^9 (OneCycleLR's totalSteps, the cosine's
  tMax after the warm-up). Step 10 is not always comparable with 10^9, for reasons that have nothing
  to do with the size of the step: in the composites it falls in the warm-up (LinearLR's closed form,
  not the cosine's or ExponentialLR's), in OneCycleLR in the first phase, and StepLR's
  \`gamma ** floor(t / stepSize)\` has exponent 0 there, a shortcut of \`Math.pow\` (as are 1 and 2;
  any other exponent costs the same, and an underflowing result is cheaper). So 10^9 is compared with
  the step 10 steps into the same piece of the schedule: 1010 in the composites, 6·10^8 + 10 in
  OneCycleLR, 3010 in StepLR. CosineAnnealingWarmRestarts (not in the table) is O(log t) with
  tMult > 1: it walks the restarts.
- **PyTorch.** \`bench/torch_bench.py\`, run by the same \`npm run bench\` (\`.venv-ref/bin/python\`, else a
  \`python3\` that imports torch; skipped with a note otherwise): an SGD optimizer with the same groups,
  the same spec, warnings off, one thread; ${P.torchRuns} runs of ${n(P.torchSteps)} \`scheduler.step()\` calls on a
  freshly built scheduler, median per step (no \`optimizer.step()\`: only the scheduler is timed; its
  time per step does not depend on the step index). Its lrs after the run are compared with
  lr-schedule's.
- **Memory.** Node 20 has no allocation counter (\`v8.getHeapStatistics()\` has no
  \`total_allocated_bytes\`), so the bytes allocated per step, garbage included, come from V8's
  sampling heap profiler (\`HeapProfiler.startSampling\` over the inspector, a sample per KiB on
  average, keeping the objects GCs later collected), summed over a ${n(P.steps)}-step fold for the fast
  path (the least of three such folds, so that a one-off such as V8 recompiling the fold is not
  spread over the steps of one) and ${n(P.steps / 10)} steps for the reducer; it does not see the output's backing store, which
  lives outside the JS heap. Retention: with \`--expose-gc\`, two full GCs, \`process.memoryUsage()\`,
  \`traceArray\` over ${n(P.heapSteps)} steps, \`process.memoryUsage()\` right after and after a full GC
  (heapUsed after the GC minus before is what the fold left behind; the ArrayBuffer growth is
  reported minus the output's size). A \`PerformanceObserver\` counts the GCs during the fold:
  per-step garbage shows as hundreds of scavenges; otherwise there are one or two, run at the start
  of the fold by the allocation of the output (external memory), like the heapUsed growth right after
  the fold, which does not grow with the number of steps (0.3–2 MB at 10^6 and at 10^7 alike).

${END}`

  const text = `\n${speed}\n\n${o1}\n\n${mem}\n\n${targets}\n\n${sameNumbers}\n${torch.torch === undefined ? `\nPyTorch: ${torch.note}\n` : ''}`
  return { generated, text }
}

/** Writes the generated block into docs/benchmarks.md, keeping what is written around it. */
const writeDoc = (generated) => {
  const file = join(root, 'docs', 'benchmarks.md')
  const header = `# Benchmarks

\`npm run bench\` (\`bench/run.mjs\`) measures the fast path, the pure reducer and the closed forms
against a hand-written loop and against PyTorch, and writes the block below; what is outside the
markers is kept. Timing stays out of the unit tests, which only check that the fast path and the
reducer give the same numbers.
`
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `${header}\n${BEGIN}\n${END}\n`
  const i = old.indexOf(BEGIN)
  const j = old.indexOf(END)
  const next = i < 0 || j < 0 ? `${old.trimEnd()}\n\n${generated}\n` : `${old.slice(0, i)}${generated}${old.slice(j + END.length)}`
  writeFileSync(file, next)
}

// -------------------------------------------------------------------------------------
// main
// -------------------------------------------------------------------------------------

const arg = (name) => {
  const i = process.argv.indexOf(name)
  return i < 0 ? undefined : process.argv[i + 1]
}

if (arg('--case') !== undefined) {
  const result = await runCase(Number(arg('--case')), Number(arg('--groups')))
  process.stdout.write(JSON.stringify(result))
} else {
  if (typeof globalThis.gc !== 'function') {
    console.error('run with node --expose-gc (npm run bench does)')
    process.exit(1)
  }
  const started = Date.now()
  const loadAtStart = loadavg()[0]
  const results = []
  for (let c = 0; c < configs.length; c++)
    for (const groups of GROUPS) {
      const runs = Array.from({ length: P.processes }, () => {
        const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--case', String(c), '--groups', String(groups)], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
          env: process.env
        })
        if (r.status !== 0) {
          console.error(r.stderr)
          process.exit(1)
        }
        return JSON.parse(r.stdout)
      })
      const result = combine(runs)
      results.push(result)
      console.error(
        `${result.name} (${groups} group${groups > 1 ? 's' : ''}): fast ${fmt(result.fast)} ns/step, loop ${fmt(result.hand)}, reducer ${fmt(result.reducer)}; fast ÷ loop by process ${runs.map((x) => x.fastOverHand.toFixed(2)).join(', ')}`
      )
    }
  console.error('PyTorch …')
  const torch = runTorch()
  const { generated, text } = report(results, torch, (Date.now() - started) / 1000, loadAtStart)
  console.log(text)
  if (!quick) {
    writeDoc(generated)
    console.log('written to docs/benchmarks.md')
  }
}
