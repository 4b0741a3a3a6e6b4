/**
 * The playground's chart, free of the DOM: an SVG text of one to three panels (lr, momentum,
 * metric) over a step range, each series decimated to two points per pixel column (the minimum and
 * the maximum of the rows the column covers, in the order they come), so that drawing costs the
 * same at 10^3 and 10^6 steps; and the geometry to map a pointer back to a step.
 */
import { tick } from '../../dist/cli/chart.js'

/** One line: `count` rows of `values` at `offset + row · stride`, row r at step `first + r`. */
export interface Series {
  readonly label: string
  readonly color: string
  readonly dash: string
  readonly width: number
  readonly values: Float64Array | ReadonlyArray<number>
  readonly stride: number
  readonly offset: number
  readonly count: number
  readonly first: number
}

/** A panel: its label, its lines, whether its axis starts at 0, whether it may be logarithmic. */
export interface PanelSpec {
  readonly label: string
  readonly series: ReadonlyArray<Series>
  readonly fromZero: boolean
  readonly log: boolean
}

/** Where the plot is: the x extent in the SVG's units and the step range it shows. */
export interface Geometry {
  readonly width: number
  readonly height: number
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
  readonly from: number
  readonly to: number
}

export const WIDTH = 800
export const HEIGHT = 440
const LEFT = 70
const RIGHT = 16
const BOTTOM = 36
const GAP = 26

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const num = (x: number): string => String(Math.round(x * 10) / 10)

/** Round ticks over [lo, hi]: steps of 1, 2 or 5 times a power of ten, about `count` of them. */
const linearTicks = (lo: number, hi: number, count: number): ReadonlyArray<number> => {
  const span = hi - lo
  if (!(span > 0)) return [lo]
  const raw = span / count
  const p = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p
  const out: number[] = []
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v)
  return out
}

/** Powers of ten over [lo, hi] (logs), with 2 and 5 between them when the range spans under two decades. */
const logTicks = (lo: number, hi: number): ReadonlyArray<number> => {
  const out: number[] = []
  const fine = hi - lo < 2
  for (let d = Math.floor(lo); d <= Math.ceil(hi); d++)
    for (const m of fine ? [1, 2, 5] : [1]) {
      const v = Math.log10(m) + d
      if (v >= lo - 1e-9 && v <= hi + 1e-9) out.push(v)
    }
  return out
}

/** The series' rows within [from, to], two points per column: [step, value] pairs in drawing order. */
const decimate = (s: Series, from: number, to: number, columns: number): ReadonlyArray<readonly [number, number]> => {
  const a = Math.max(from, s.first)
  const b = Math.min(to, s.first + s.count - 1)
  if (b < a) return []
  const at = (k: number): number => s.values[s.offset + (k - s.first) * s.stride] as number
  const n = b - a + 1
  const out: Array<readonly [number, number]> = []
  if (n <= 2 * columns) {
    for (let k = a; k <= b; k++) out.push([k, at(k)])
    return out
  }
  for (let c = 0; c < columns; c++) {
    const r0 = a + Math.floor((c * n) / columns)
    const r1 = a + Math.floor(((c + 1) * n) / columns) - 1
    let lo = r0
    let hi = r0
    for (let k = r0 + 1; k <= r1; k++) {
      const v = at(k)
      if (v < at(lo)) lo = k
      if (v > at(hi)) hi = k
    }
    if (lo === hi) out.push([lo, at(lo)])
    else if (lo < hi) out.push([lo, at(lo)], [hi, at(hi)])
    else out.push([hi, at(hi)], [lo, at(lo)])
  }
  return out
}

/**
 * The chart as SVG text, and its geometry. `legend` lines sit above the plot; an lr panel drawn on
 * a log axis puts 0 (no logarithm) on the axis's floor.
 */
export const renderChart = (
  panels: ReadonlyArray<PanelSpec>,
  range: readonly [number, number],
  options: { readonly log: boolean; readonly legend: ReadonlyArray<{ readonly label: string; readonly color: string; readonly dash: string }> }
): { readonly svg: string; readonly geometry: Geometry } => {
  const [from, to] = range
  const legendRows = Math.ceil(options.legend.length / 2)
  const top = 12 + 18 * legendRows + 16
  const left = LEFT
  const right = WIDTH - RIGHT
  const plotBottom = HEIGHT - BOTTOM
  const shares = panels.length === 1 ? [1] : panels.length === 2 ? [0.64, 0.36] : [0.5, 0.25, 0.25]
  const total = plotBottom - top - GAP * (panels.length - 1)
  const columns = right - left
  const x = (k: number): number => left + (to === from ? 0 : ((k - from) / (to - from)) * columns)
  const parts: string[] = []
  parts.push(`<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`)
  options.legend.forEach((l, i) => {
    const lx = 10 + (i % 2) * (WIDTH / 2)
    const ly = 16 + 18 * Math.floor(i / 2)
    parts.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 26}" y2="${ly - 4}" stroke="${l.color}" stroke-width="2.5" stroke-dasharray="${l.dash}"/>`)
    const text = l.label.length > 56 ? `${l.label.slice(0, 55)}…` : l.label
    parts.push(`<text x="${lx + 32}" y="${ly}" font-size="12" fill="#222">${esc(text)}</text>`)
  })
  let y0 = top
  panels.forEach((p, pi) => {
    const h = total * (shares[pi] as number)
    const log = p.log && options.log
    const lines = p.series.map((s) => decimate(s, from, to, columns))
    let lo = Infinity
    let hi = -Infinity
    for (const l of lines)
      for (const [, v] of l) {
        const w = log ? (v > 0 ? Math.log10(v) : NaN) : v
        if (w < lo) lo = w
        if (w > hi) hi = w
      }
    if (!Number.isFinite(lo)) [lo, hi] = log ? [-1, 0] : [0, 1]
    if (!log && p.fromZero && lo > 0) lo = 0
    if (hi - lo < Math.abs(hi) * 1e-12 || hi === lo) {
      const pad = log ? 0.5 : Math.abs(hi) > 0 ? Math.abs(hi) * 0.05 : 1
      lo -= pad
      hi += pad
    }
    const y = (v: number): number => {
      const w = log ? (v > 0 ? Math.log10(v) : lo) : v
      return y0 + h - ((w - lo) / (hi - lo)) * h
    }
    parts.push(`<text x="${left}" y="${num(y0 - 6)}" font-size="12" font-weight="600" fill="#333">${esc(p.label)}${log ? ' (log axis)' : ''}</text>`)
    parts.push(`<rect x="${left}" y="${num(y0)}" width="${columns}" height="${num(h)}" fill="none" stroke="#bbb"/>`)
    const yt = log ? logTicks(lo, hi) : linearTicks(lo, hi, Math.max(2, Math.round(h / 50)))
    const scale = log ? 0 : Math.max(Math.abs(lo), Math.abs(hi))
    for (const t of yt) {
      const ty = log ? y0 + h - ((t - lo) / (hi - lo)) * h : y(t)
      parts.push(`<line x1="${left}" y1="${num(ty)}" x2="${right}" y2="${num(ty)}" stroke="#eee"/>`)
      const label = log ? tick(10 ** t) : tick(t, scale)
      parts.push(`<text x="${left - 6}" y="${num(ty + 4)}" font-size="11" text-anchor="end" fill="#555">${esc(label)}</text>`)
    }
    p.series.forEach((s, si) => {
      const pts = lines[si] as ReadonlyArray<readonly [number, number]>
      if (pts.length === 0) return
      let d = ''
      for (const [k, v] of pts) d += `${d === '' ? 'M' : 'L'}${num(x(k))} ${num(y(v))}`
      if (pts.length === 1) d += `h0.1`
      parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width}" stroke-dasharray="${s.dash}" stroke-linejoin="round"/>`)
    })
    y0 += h + GAP
  })
  for (const t of linearTicks(from, to, 8).filter((t) => Number.isInteger(t))) {
    parts.push(`<line x1="${num(x(t))}" y1="${plotBottom}" x2="${num(x(t))}" y2="${plotBottom + 5}" stroke="#888"/>`)
    parts.push(`<text x="${num(x(t))}" y="${plotBottom + 18}" font-size="11" text-anchor="middle" fill="#555">${t < 1e6 ? t : tick(t)}</text>`)
  }
  parts.push(`<text x="${(left + right) / 2}" y="${HEIGHT - 4}" font-size="12" text-anchor="middle" fill="#333">step (optimizer update)</text>`)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, sans-serif">${parts.join('')}</svg>`
  return { svg, geometry: { width: WIDTH, height: HEIGHT, left, right, top, bottom: plotBottom, from, to } }
}

/** The step under an x coordinate in the SVG's units, clamped to the range. */
export const stepAt = (g: Geometry, xUnits: number): number => {
  const t = (xUnits - g.left) / (g.right - g.left)
  return Math.min(g.to, Math.max(g.from, Math.round(g.from + t * (g.to - g.from))))
}

/** The x coordinate of a step, in the SVG's units. */
export const xOf = (g: Geometry, k: number): number => (g.to === g.from ? g.left : g.left + ((k - g.from) / (g.to - g.from)) * (g.right - g.left))
