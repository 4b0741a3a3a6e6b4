/**
 * The playground page: a thin shell over model.ts (computing, the URL) and chart.ts (the SVG).
 * Every edit recomputes the schedules that changed in the next animation frame and redraws; a
 * schedule whose config does not compute keeps its last good chart, its errors listed beside the
 * editor one per line, as the CLI prints them.
 */
import { seriesStyle } from '../../dist/cli/chart.js'
import { configText } from '../../dist/cli/text.js'
import { type Geometry, type PanelSpec, type Series, renderChart, stepAt, xOf } from './chart.js'
import { type Computed, type Entry, type PageState, compute, csvOf, decodeState, encodeState, entry, formats, jsonOf } from './model.js'
import gallery from 'virtual:gallery'

type Good = Extract<Computed, { ok: true }>

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T
const letter = (i: number): string => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '')

// -------------------------------------------------------------------------------------
// the picker
// -------------------------------------------------------------------------------------

/** The picker's entries: the default, the gallery's config of every schedule of every family, trainers' files. */
const pickerEntries: ReadonlyArray<{ readonly family: string; readonly title: string; readonly entry: Entry }> = gallery.map((g) => ({
  family: g.family,
  title: g.title,
  entry: entry(g)
}))

const defaultEntry = (pickerEntries[0] as (typeof pickerEntries)[number]).entry

// -------------------------------------------------------------------------------------
// state
// -------------------------------------------------------------------------------------

let state: PageState = decodeState(location.hash) ?? { entries: [defaultEntry], current: 0, axis: 'linear', range: undefined }
const computed = new Map<Entry, Computed>()
/** Per entry, its last computed chart that was good. */
let lastGood: Array<Good | undefined> = []
let cursor: number | undefined
let geometry: Geometry | undefined
let pendingSince: number | undefined
let frame = 0

const stats = { renders: 0, lastEditMs: 0 }
;(window as unknown as { playground: typeof stats }).playground = stats

const computeOf = (e: Entry): Computed => {
  let c = computed.get(e)
  if (c === undefined) {
    c = compute(e)
    computed.set(e, c)
  }
  return c
}

const setState = (next: PageState): void => {
  state = next
  pendingSince ??= performance.now()
  if (frame === 0) frame = requestAnimationFrame(render)
}

const setEntry = (fields: Partial<Entry>): void => {
  const entries = state.entries.map((e, i) => (i === state.current ? { ...e, ...fields } : e))
  setState({ ...state, entries })
}

// -------------------------------------------------------------------------------------
// drawing
// -------------------------------------------------------------------------------------

const goods = (): ReadonlyArray<readonly [number, Good]> =>
  state.entries.flatMap((_, i) => {
    const g = lastGood[i]
    return g === undefined ? [] : [[i, g] as const]
  })

const maxSteps = (): number => Math.max(1, ...goods().map(([, g]) => g.steps))

const viewRange = (): readonly [number, number] => {
  const n = maxSteps()
  const r = state.range
  if (r === undefined) return [0, n]
  const from = Math.min(r[0], n - 1)
  return [from, Math.max(from + 1, Math.min(r[1], n))]
}

const seriesOf = (i: number, g: Good, what: 'lr' | 'momentum' | 'metric'): ReadonlyArray<Series> => {
  const color = seriesStyle(i).color
  const label = `${letter(i)}`
  if (what === 'metric')
    return g.metrics === undefined ? [] : [{ label: `${label} metric`, color, dash: '', width: 1.5, values: g.metrics, stride: 1, offset: 0, count: g.steps, first: 1 }]
  const values = what === 'lr' ? g.rows : g.momentum
  if (values === undefined) return []
  return Array.from({ length: g.groups }, (_, k) => ({
    label: `${label} ${what} group ${k}`,
    color,
    dash: seriesStyle(k).dash,
    width: 2,
    values,
    stride: g.groups,
    offset: k,
    count: g.steps + 1,
    first: 0
  }))
}

const chartSvg = (): string => {
  const gs = goods()
  const panels: PanelSpec[] = [{ label: 'learning rate', series: gs.flatMap(([i, g]) => seriesOf(i, g, 'lr')), fromZero: true, log: true }]
  const momentum = gs.flatMap(([i, g]) => seriesOf(i, g, 'momentum'))
  if (momentum.length > 0) panels.push({ label: 'momentum', series: momentum, fromZero: false, log: false })
  const metric = gs.flatMap(([i, g]) => seriesOf(i, g, 'metric'))
  if (metric.length > 0) panels.push({ label: 'metric', series: metric, fromZero: false, log: false })
  const legend = gs.flatMap(([i, g]) =>
    Array.from({ length: g.groups }, (_, k) => ({ label: `${letter(i)}: ${g.title}${g.groups > 1 ? ` · group ${k}` : ''}`, color: seriesStyle(i).color, dash: seriesStyle(k).dash }))
  )
  const r = renderChart(panels, viewRange(), { log: state.axis === 'log', legend })
  geometry = r.geometry
  const list = $('legend')
  list.replaceChildren(...legend.map((l) => Object.assign(document.createElement('li'), { textContent: l.label })))
  return r.svg
}

const OVERLAY =
  '<line id="cursor-line" x1="0" x2="0" y1="0" y2="0" stroke="#111" stroke-width="1" visibility="hidden"/><rect id="selection" x="0" y="0" width="0" height="0" fill="rgba(31,119,180,0.15)" visibility="hidden"/>'

const drawChart = (): void => {
  const svg = chartSvg().replace(/<\/svg>$/, `${OVERLAY}</svg>`)
  $('chart').innerHTML = svg
  drawCursor()
}

const drawCursor = (): void => {
  const line = document.getElementById('cursor-line')
  const out = $('readout')
  const g = geometry
  if (line === null || g === undefined) return
  if (cursor === undefined) {
    line.setAttribute('visibility', 'hidden')
    out.replaceChildren(Object.assign(document.createElement('span'), { textContent: 'Point at the chart, or focus it and use the arrow keys, to read exact values.' }))
    return
  }
  const k = Math.min(Math.max(cursor, g.from), g.to)
  const x = String(xOf(g, k))
  line.setAttribute('x1', x)
  line.setAttribute('x2', x)
  line.setAttribute('y1', String(g.top))
  line.setAttribute('y2', String(g.bottom))
  line.setAttribute('visibility', 'visible')
  const items: HTMLElement[] = []
  const head = Object.assign(document.createElement('strong'), { textContent: `step ${k}` })
  head.dataset['step'] = String(k)
  items.push(head)
  for (const [i, c] of goods()) {
    const add = (what: string, group: number | undefined, value: number | undefined): void => {
      const li = document.createElement('span')
      li.className = 'value'
      li.style.setProperty('--swatch', seriesStyle(i).color)
      li.dataset['entry'] = String(i)
      li.dataset['what'] = what
      if (group !== undefined) li.dataset['group'] = String(group)
      li.dataset['value'] = value === undefined ? '' : String(value)
      li.textContent = `${letter(i)} ${what}${group === undefined || c.groups === 1 ? '' : ` ${group}`}: ${value === undefined ? '–' : String(value)}`
      items.push(li)
    }
    const inRange = k <= c.steps
    for (let gi = 0; gi < c.groups; gi++) add('lr', gi, inRange ? c.rows[k * c.groups + gi] : undefined)
    if (c.momentum !== undefined) for (let gi = 0; gi < c.groups; gi++) add('momentum', gi, inRange ? c.momentum[k * c.groups + gi] : undefined)
    // metrics[k − 1] is the metric the step into row k was given
    if (c.metrics !== undefined) add('metric', undefined, k >= 1 && k <= c.steps ? c.metrics[k - 1] : undefined)
  }
  out.replaceChildren(...items)
}

const drawEditor = (): void => {
  const e = state.entries[state.current] as Entry
  const c = computeOf(e)
  const set = (id: string, v: string): void => {
    const el = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id)
    // a field being typed in keeps what is typed (a redraw in between must not overwrite it)
    if (el.value !== v && document.activeElement !== el) el.value = v
  }
  set('config', e.text)
  set('format', e.format)
  set('lr', e.lr)
  set('steps', e.steps)
  set('trainBatches', e.trainBatches)
  set('worldSize', e.worldSize)
  set('epochs', e.epochs)
  set('metrics', e.metrics)
  const format = formats.find((f) => f.name === c.format)
  $('detected').textContent = e.format === 'auto' ? `read as ${format === undefined ? 'lr-schedule JSON' : format.title}` : ''
  for (const label of document.querySelectorAll<HTMLElement>('[data-flag]')) label.hidden = format === undefined || !format.facts.includes(label.dataset['flag'] as string)
  $('metrics-field').hidden = !(c.ok && c.metrics !== undefined)
  $('config').setAttribute('aria-invalid', String(!c.ok))
  $('errors').replaceChildren(...(c.ok ? [] : c.lines).map((l) => Object.assign(document.createElement('li'), { className: 'error', textContent: l })))
  const derived = c.ok ? [...c.derived, `${c.steps} steps × ${c.groups} group${c.groups === 1 ? '' : 's'}: ${c.title}`] : []
  $('derived').replaceChildren(...derived.map((l) => Object.assign(document.createElement('li'), { textContent: l })))
  const tabs = $('tabs')
  tabs.replaceChildren(
    ...state.entries.map((_, i) => {
      const b = document.createElement('button')
      b.type = 'button'
      b.role = 'tab'
      b.id = `tab-${i}`
      b.textContent = letter(i)
      b.style.setProperty('--swatch', seriesStyle(i).color)
      b.setAttribute('aria-selected', String(i === state.current))
      b.tabIndex = i === state.current ? 0 : -1
      if (!computeOf(state.entries[i] as Entry).ok) b.classList.add('invalid')
      b.addEventListener('click', () => setState({ ...state, current: i }))
      return b
    })
  )
  $<HTMLButtonElement>('remove').disabled = state.entries.length === 1
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name=axis]')) r.checked = r.value === state.axis
  const [from, to] = viewRange()
  set('from', String(from))
  set('to', String(to))
}

function render(): void {
  frame = 0
  lastGood = state.entries.map((e, i) => {
    const c = computeOf(e)
    return c.ok ? c : lastGood[i]
  })
  // entries no longer on the page leave the cache
  for (const k of computed.keys()) if (!state.entries.includes(k)) computed.delete(k)
  drawEditor()
  drawChart()
  const hash = encodeState(state)
  if (location.hash !== hash) history.replaceState(null, '', hash)
  if (pendingSince !== undefined) stats.lastEditMs = performance.now() - pendingSince
  pendingSince = undefined
  stats.renders++
}

// -------------------------------------------------------------------------------------
// wiring
// -------------------------------------------------------------------------------------

const picker = $<HTMLSelectElement>('picker')
picker.append(Object.assign(document.createElement('option'), { value: '', textContent: 'choose a schedule…' }))
for (const family of [...new Set(pickerEntries.map((p) => p.family))]) {
  const group = Object.assign(document.createElement('optgroup'), { label: family })
  pickerEntries.forEach((p, i) => {
    if (p.family === family) group.append(Object.assign(document.createElement('option'), { value: String(i), textContent: p.title }))
  })
  picker.append(group)
}
picker.addEventListener('change', () => {
  const p = pickerEntries[Number(picker.value)]
  if (picker.value === '' || p === undefined) return
  lastGood[state.current] = undefined
  setEntry(p.entry)
  picker.value = ''
})

const format = $<HTMLSelectElement>('format')
format.append(
  Object.assign(document.createElement('option'), { value: 'auto', textContent: 'auto-detect' }),
  Object.assign(document.createElement('option'), { value: 'json', textContent: 'lr-schedule JSON' }),
  ...formats.map((f) => Object.assign(document.createElement('option'), { value: f.name, textContent: `${f.name}: ${f.title}` }))
)

for (const id of ['config', 'format', 'lr', 'steps', 'trainBatches', 'worldSize', 'epochs', 'metrics'] as const) {
  const key = id === 'config' ? 'text' : id
  $(id).addEventListener(id === 'format' ? 'change' : 'input', (ev) => setEntry({ [key]: (ev.target as HTMLInputElement).value }))
}

$('add').addEventListener('click', () => {
  const entries = [...state.entries, state.entries[state.current] as Entry]
  setState({ ...state, entries: entries.map((e, i) => (i === entries.length - 1 ? { ...e } : e)), current: entries.length - 1 })
})
$('remove').addEventListener('click', () => {
  if (state.entries.length === 1) return
  const entries = state.entries.filter((_, i) => i !== state.current)
  lastGood = lastGood.filter((_, i) => i !== state.current)
  setState({ ...state, entries, current: Math.min(state.current, entries.length - 1) })
})
$('tabs').addEventListener('keydown', (ev) => {
  const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0
  if (step === 0) return
  const n = state.entries.length
  setState({ ...state, current: (state.current + step + n) % n })
  requestAnimationFrame(() => document.getElementById(`tab-${state.current}`)?.focus())
})

for (const r of document.querySelectorAll<HTMLInputElement>('input[name=axis]'))
  r.addEventListener('change', () => setState({ ...state, axis: r.value === 'log' ? 'log' : 'linear' }))

const zoomTo = (from: number, to: number): void => {
  const n = maxSteps()
  const a = Math.max(0, Math.min(Math.round(from), n - 1))
  const b = Math.max(a + 1, Math.min(Math.round(to), n))
  setState({ ...state, range: a === 0 && b === n ? undefined : [a, b] })
}
const rangeInput = (): void => {
  const a = Number($<HTMLInputElement>('from').value)
  const b = Number($<HTMLInputElement>('to').value)
  if (Number.isFinite(a) && Number.isFinite(b) && b > a) zoomTo(a, b)
}
$('from').addEventListener('change', rangeInput)
$('to').addEventListener('change', rangeInput)
$('reset-zoom').addEventListener('click', () => setState({ ...state, range: undefined }))

const setCursor = (k: number | undefined): void => {
  cursor = k
  const input = $<HTMLInputElement>('cursor')
  input.value = k === undefined ? '' : String(k)
  drawCursor()
}
$('cursor').addEventListener('input', () => {
  const v = $<HTMLInputElement>('cursor').value
  const k = Number(v)
  if (v.trim() !== '' && Number.isSafeInteger(k) && k >= 0) {
    cursor = k
    const [from, to] = viewRange()
    if (k < from || k > to) setState({ ...state, range: undefined })
    drawCursor()
  }
})

const chart = $('chart')
const unitsX = (ev: PointerEvent): number => {
  const box = chart.getBoundingClientRect()
  return ((ev.clientX - box.left) / box.width) * (geometry?.width ?? 1)
}
let dragFrom: number | undefined
chart.addEventListener('pointermove', (ev) => {
  if (geometry === undefined) return
  const k = stepAt(geometry, unitsX(ev))
  setCursor(k)
  const sel = document.getElementById('selection')
  if (dragFrom !== undefined && sel !== null) {
    const [a, b] = [Math.min(dragFrom, k), Math.max(dragFrom, k)]
    sel.setAttribute('x', String(xOf(geometry, a)))
    sel.setAttribute('width', String(xOf(geometry, b) - xOf(geometry, a)))
    sel.setAttribute('y', String(geometry.top))
    sel.setAttribute('height', String(geometry.bottom - geometry.top))
    sel.setAttribute('visibility', 'visible')
  }
})
chart.addEventListener('pointerdown', (ev) => {
  if (geometry === undefined || ev.button !== 0) return
  dragFrom = stepAt(geometry, unitsX(ev))
  chart.setPointerCapture(ev.pointerId)
})
chart.addEventListener('pointerup', (ev) => {
  if (geometry === undefined || dragFrom === undefined) return
  const k = stepAt(geometry, unitsX(ev))
  const [a, b] = [Math.min(dragFrom, k), Math.max(dragFrom, k)]
  dragFrom = undefined
  document.getElementById('selection')?.setAttribute('visibility', 'hidden')
  if (b - a >= 2) zoomTo(a, b)
})
chart.addEventListener('dblclick', () => setState({ ...state, range: undefined }))
chart.addEventListener('keydown', (ev) => {
  const [from, to] = viewRange()
  const span = to - from
  const k = cursor ?? from
  const tenth = Math.max(1, Math.round(span / 10))
  const moves: Record<string, number> = { ArrowRight: k + 1, ArrowLeft: k - 1, PageUp: k + tenth, PageDown: k - tenth, Home: from, End: to }
  const move = moves[ev.key]
  if (move !== undefined) {
    ev.preventDefault()
    setCursor(Math.min(to, Math.max(from, move)))
    return
  }
  if (ev.key === '+' || ev.key === '=') zoomTo(k - span / 4, k + span / 4)
  else if (ev.key === '-') zoomTo(k - span, k + span)
  else if (ev.key === '0') setState({ ...state, range: undefined })
  else return
  ev.preventDefault()
})

// -------------------------------------------------------------------------------------
// sharing and exports
// -------------------------------------------------------------------------------------

const notice = (text: string): void => {
  $('notice').textContent = text
}
const download = (name: string, type: string, text: string): void => {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type }))
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
  notice(`saved ${name}`)
}
/** The selected schedule's last good computation, or a notice saying there is none. */
const selected = (): Good | undefined => {
  const g = lastGood[state.current]
  if (g === undefined) notice('nothing to export: the selected schedule has no valid config yet')
  return g
}
$('share').addEventListener('click', () => {
  const url = location.href
  navigator.clipboard?.writeText(url).then(
    () => notice('link copied'),
    () => notice('copy the link from the address bar')
  ) ?? notice('copy the link from the address bar')
})
$('export-csv').addEventListener('click', () => {
  const g = selected()
  if (g !== undefined) download(`lr-schedule-${letter(state.current)}.csv`, 'text/csv', csvOf(g))
})
$('export-json').addEventListener('click', () => {
  const g = selected()
  if (g !== undefined) download(`lr-schedule-${letter(state.current)}.json`, 'application/json', jsonOf(g))
})
$('export-config').addEventListener('click', () => {
  const g = selected()
  if (g !== undefined) download(`lr-schedule-${letter(state.current)}-config.json`, 'application/json', `${configText(g.config)}\n`)
})
$('export-svg').addEventListener('click', () => download('lr-schedule-chart.svg', 'image/svg+xml', `${chartSvg()}\n`))

window.addEventListener('hashchange', () => {
  const s = decodeState(location.hash)
  if (s !== undefined && location.hash !== encodeState(state)) {
    lastGood = []
    setState(s)
  }
})

if ('serviceWorker' in navigator && location.protocol.startsWith('http')) void navigator.serviceWorker.register('sw.js').catch(() => undefined)

render()
