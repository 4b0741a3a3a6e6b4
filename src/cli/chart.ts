/**
 * Charts of a trace, as text for a terminal and as SVG. A chart reads the rows once, in order,
 * into a sketch of bounded size (`columnSketch`, `lineSketch`) that keeps what the chart shows —
 * every column's lowest and highest value, every bucket's first, lowest, highest and last point —
 * so peaks and floors survive however many rows there are; then draws the sketch (pure: a string
 * out). `terminalChart` and `svgChart` do both from rows in memory.
 *
 * @internal
 */

const MARKS = ['*', 'o', '+', 'x', '#', '@', '%', '&']
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf']
// every series a (colour, dash, width) of its own: identical curves drawn over one another stay
// visible (the wider solid line shows between the dashes of the next, and so on)
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2', '1 4', '12 6', '6 2 1 2']
const WIDTHS = [3, 2.2, 1.8, 1.6, 1.5, 1.5, 1.5, 1.5]

/**
 * The style of series `g`: its colour, dash pattern and stroke width (and those of its legend).
 *
 * @example
 * seriesStyle(1) // { color: '#d62728', dash: '7 4', width: 2.2 }
 *
 * @category cli
 * @since 0.2.0
 */
export const seriesStyle = (g: number): { readonly color: string; readonly dash: string; readonly width: number } => ({
  color: COLORS[g % COLORS.length] as string,
  dash: DASHES[g % DASHES.length] as string,
  width: WIDTHS[Math.min(g, WIDTHS.length - 1)] as number
})

/** Shortest readable form of a tick value; `scale` (the axis's largest magnitude) picks the notation. */
export const tick = (v: number, scale = Math.abs(v)): string => {
  if (v === 0) return '0'
  return scale >= 1e-2 && scale < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(2).replace(/\.?0+e/, 'e')
}

/** A step on the axis: the integer itself below 10^6 (`25000`, not `2.5e+4`), else as `tick` writes it. */
const stepTick = (k: number): string => (Number.isInteger(k) && Math.abs(k) < 1e6 ? String(k) : tick(k))

/**
 * The value axis for finite values from `lo` to `hi` (Infinity/-Infinity when there were none):
 * from 0 or below (lrs), or, `fromZero` false, just the values' range (momentum, metrics).
 */
const axisRange = (lo: number, hi: number, fromZero = true): readonly [number, number] => {
  if (!Number.isFinite(lo)) return [0, 1]
  if (!fromZero) return lo === hi ? [lo - (Math.abs(lo) || 1) * 0.05, hi + (Math.abs(hi) || 1) * 0.05] : [lo, hi]
  if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi) * 1.05 || 1]
  return [Math.min(lo, 0), hi]
}

// -------------------------------------------------------------------------------------
// terminal
// -------------------------------------------------------------------------------------

/**
 * A terminal chart's view of `total` rows of `groups` values: for each of `width` columns, every
 * group's lowest and highest finite value over the rows of the column (row k is in column
 * `round(k · (width − 1) / (total − 1))`; with fewer rows than columns, a column between rows also
 * takes its nearest row). `push` takes the rows in order, row-major, `rows` of them.
 *
 * @example
 * const s: ColumnSketch = columnSketch(3, 1, 2)
 * s.push(new Float64Array([1, 0.5, 0.25]), 3) // s.min: [1, 0.25], s.max: [1, 0.5]
 *
 * @category cli
 * @since 0.2.0
 */
export interface ColumnSketch {
  readonly width: number
  readonly groups: number
  readonly total: number
  /** Entry `c · groups + g`: Infinity / -Infinity where the column had no finite value. */
  readonly min: Float64Array
  readonly max: Float64Array
  readonly push: (values: Float64Array, rows: number) => void
}

/**
 * An empty column sketch for `total` rows (see `ColumnSketch`).
 *
 * @example
 * const s = columnSketch(5, 1, 3)
 * s.push(new Float64Array([1, 5, 2, 4, 3]), 5)
 * Array.from(s.max) // [1, 5, 4] (rows 0, 1-2 and 3-4: row k in column round(k · 2 / 4))
 *
 * @category cli
 * @since 0.2.0
 */
export const columnSketch = (total: number, groups: number, width = 72): ColumnSketch => {
  const min = new Float64Array(width * groups).fill(Infinity)
  const max = new Float64Array(width * groups).fill(-Infinity)
  const spread = total <= 1 ? 0 : (width - 1) / (total - 1)
  const sampleOf = (c: number): number => (total <= 1 ? 0 : Math.round((c * (total - 1)) / (width - 1)))
  let k = 0
  let nextSampled = 0
  const add = (c: number, values: Float64Array, at: number): void => {
    for (let g = 0; g < groups; g++) {
      const v = values[at + g] as number
      if (!Number.isFinite(v)) continue
      const i = c * groups + g
      if (v < (min[i] as number)) min[i] = v
      if (v > (max[i] as number)) max[i] = v
    }
  }
  const push = (values: Float64Array, rows: number): void => {
    for (let j = 0; j < rows; j++, k++) {
      const c = total <= 1 ? -1 : Math.round(k * spread)
      if (c >= 0) add(c, values, j * groups)
      while (nextSampled < width && sampleOf(nextSampled) === k) {
        if (nextSampled !== c) add(nextSampled, values, j * groups)
        nextSampled++
      }
    }
  }
  return { width, groups, total, min, max, push }
}

/**
 * Draws a column sketch: one mark per group, each column filled from its lowest value to its highest.
 *
 * @example
 * const s = columnSketch(1001, 1)
 * for (let k = 0; k <= 1000; k++) s.push(new Float64Array([Math.cos(k / 100)]), 1)
 * terminalChartOf(s, { title: 'cosine' }) // 'cosine\n   1 |*** ...'
 *
 * @category cli
 * @since 0.2.0
 */
export const terminalChartOf = (sketch: ColumnSketch, { height = 16, title = '' } = {}): string => {
  const { width, groups, total, min, max } = sketch
  const [lo, hi] = axisRange(Math.min(...min), Math.max(...max))
  const cell = (v: number): number => Math.round(((v - lo) / (hi - lo)) * (height - 1))
  const grid = Array.from({ length: height }, () => Array.from({ length: width }, () => ' '))
  for (let c = 0; c < width; c++)
    for (let g = groups - 1; g >= 0; g--) {
      const a = min[c * groups + g] as number
      const b = max[c * groups + g] as number
      if (!Number.isFinite(a)) continue
      for (let r = cell(a); r <= cell(b); r++) (grid[height - 1 - r] as string[])[c] = MARKS[g % MARKS.length] as string
    }
  const scale = Math.max(Math.abs(lo), Math.abs(hi))
  const labels = grid.map((_, i) => (i === 0 ? tick(hi, scale) : i === height - 1 ? tick(lo, scale) : i === Math.floor(height / 2) ? tick((hi + lo) / 2, scale) : ''))
  const pad = Math.max(...labels.map((l) => l.length))
  const lines: string[] = []
  if (title !== '') lines.push(title)
  grid.forEach((row, i) => lines.push(`${(labels[i] as string).padStart(pad)} |${row.join('')}`))
  lines.push(`${''.padStart(pad)} +${'-'.repeat(width)}`)
  const last = String(Math.max(0, total - 1))
  lines.push(`${''.padStart(pad)}  0${'step'.padStart(Math.floor(width / 2))}${last.padStart(width - Math.floor(width / 2) - 1)}`)
  lines.push(`${''.padStart(pad)}  ${Array.from({ length: groups }, (_, g) => `${MARKS[g % MARKS.length]} lr of group ${g}`).join('   ')}`)
  return lines.join('\n')
}

/** Rows in memory as one row-major array. */
const flatten = (rows: ReadonlyArray<ReadonlyArray<number>>, groups: number): Float64Array => {
  const a = new Float64Array(rows.length * groups)
  rows.forEach((r, k) => {
    for (let g = 0; g < groups; g++) a[k * groups + g] = r[g] ?? NaN
  })
  return a
}

/** A terminal chart of rows in memory: one mark per group, `width` columns. */
export const terminalChart = (rows: ReadonlyArray<ReadonlyArray<number>>, { width = 72, height = 16, title = '' } = {}): string => {
  const groups = rows[0]?.length ?? 0
  const sketch = columnSketch(rows.length, groups, width)
  sketch.push(flatten(rows, groups), rows.length)
  return terminalChartOf(sketch, { height, title })
}

// -------------------------------------------------------------------------------------
// SVG
// -------------------------------------------------------------------------------------

/**
 * An SVG line's view of `count` points per series (point `i` at step `first + i`): every point when
 * there are at most `4 · buckets`, else, for each of `buckets` equal runs of points, its first,
 * lowest, highest and last finite point (what a pixel column of the line shows). `push` takes the
 * values in order, row-major (one value per series per point).
 *
 * @example
 * const s: LineSketch = lineSketch(2, 1)
 * s.push(new Float64Array([1, 0.5]), 2)
 * s.points(0) // [[0, 1], [1, 0.5]]
 *
 * @category cli
 * @since 0.2.0
 */
export interface LineSketch {
  readonly count: number
  readonly series: number
  readonly first: number
  readonly push: (values: Float64Array, points: number) => void
  /** Series `g`'s points, in step order: [step, value] pairs, finite values only. */
  readonly points: (g: number) => ReadonlyArray<readonly [number, number]>
  /** Whether `points` are every point (no bucket merged any). */
  readonly exact: boolean
}

/**
 * The points per series an SVG line keeps (see `LineSketch`): 1,000 buckets, at most 4,000 points.
 *
 * @example
 * lineSketch(10_000_000, 1, SVG_BUCKETS) // keeps at most 4,000 points per series
 *
 * @category cli
 * @since 0.2.0
 */
export const SVG_BUCKETS = 1000

/**
 * An empty line sketch (see `LineSketch`).
 *
 * @example
 * const s = lineSketch(10_000, 1, 10)
 * s.push(Float64Array.from({ length: 10_000 }, (_, k) => (k === 4321 ? 9 : 1)), 10_000)
 * s.points(0).some(([k, v]) => k === 4321 && v === 9) // true: a one-step peak survives
 *
 * @category cli
 * @since 0.2.0
 */
export const lineSketch = (count: number, series: number, buckets = SVG_BUCKETS, first = 0): LineSketch => {
  const exact = count <= 4 * buckets
  if (exact) {
    const all = new Float64Array(count * series)
    let at = 0
    return {
      count,
      series,
      first,
      exact,
      push: (values, points) => {
        all.set(values.subarray(0, points * series), at)
        at += points * series
      },
      points: (g) => {
        const out: Array<readonly [number, number]> = []
        for (let i = 0; i < at / series; i++) {
          const v = all[i * series + g] as number
          if (Number.isFinite(v)) out.push([first + i, v])
        }
        return out
      }
    }
  }
  // per bucket and series: the index and value of the first, lowest, highest and last finite point
  const size = buckets * series
  const idx = { first: new Float64Array(size).fill(-1), min: new Float64Array(size), max: new Float64Array(size), last: new Float64Array(size) }
  const val = { first: new Float64Array(size), min: new Float64Array(size), max: new Float64Array(size), last: new Float64Array(size) }
  let i = 0
  const push = (values: Float64Array, points: number): void => {
    for (let j = 0; j < points; j++, i++) {
      const bucket = Math.floor((i * buckets) / count)
      for (let g = 0; g < series; g++) {
        const v = values[j * series + g] as number
        if (!Number.isFinite(v)) continue
        const s = bucket * series + g
        if (idx.first[s] === -1) {
          idx.first[s] = idx.min[s] = idx.max[s] = i
          val.first[s] = val.min[s] = val.max[s] = v
        } else if (v < (val.min[s] as number)) {
          idx.min[s] = i
          val.min[s] = v
        } else if (v > (val.max[s] as number)) {
          idx.max[s] = i
          val.max[s] = v
        }
        idx.last[s] = i
        val.last[s] = v
      }
    }
  }
  const points = (g: number): ReadonlyArray<readonly [number, number]> => {
    const out: Array<readonly [number, number]> = []
    for (let b = 0; b < buckets; b++) {
      const s = b * series + g
      if (idx.first[s] === -1) continue
      const four: Array<readonly [number, number]> = [
        [idx.first[s] as number, val.first[s] as number],
        [idx.min[s] as number, val.min[s] as number],
        [idx.max[s] as number, val.max[s] as number],
        [idx.last[s] as number, val.last[s] as number]
      ]
      four.sort((p, q) => p[0] - q[0])
      for (const [k, v] of four) if (out.length === 0 || (out[out.length - 1] as readonly [number, number])[0] !== first + k) out.push([first + k, v])
    }
    return out
  }
  return { count, series, first, exact, push, points }
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Nice tick values covering [lo, hi]. */
const ticks = (lo: number, hi: number, count: number): ReadonlyArray<number> => {
  const span = hi - lo
  const raw = span / count
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag
  const out: number[] = []
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)))
  return out
}


/**
 * A title in lines that fit `width` (by `textWidth`): words wrapped, at 14 px, or smaller (down
 * to 10 px) to keep it within 3 lines; a word longer than a line is cut across lines.
 *
 * @example
 * wrapTitle('a b c', 1000) // { lines: ['a b c'], fontSize: 14 }
 *
 * @category cli
 * @since 0.2.0
 */
export const wrapTitle = (title: string, width: number): { readonly lines: ReadonlyArray<string>; readonly fontSize: number } => {
  const wrap = (fontSize: number): string[] => {
    const perLine = Math.max(8, Math.floor(width / (fontSize * 0.6)))
    const lines: string[] = []
    let line = ''
    for (const word of title.split(/\s+/).filter((w) => w !== '')) {
      let w = word
      while ([...w].length > perLine) {
        if (line !== '') lines.push(line)
        lines.push([...w].slice(0, perLine).join(''))
        line = ''
        w = [...w].slice(perLine).join('')
      }
      if (line === '') line = w
      else if ([...line].length + 1 + [...w].length <= perLine) line = `${line} ${w}`
      else {
        lines.push(line)
        line = w
      }
    }
    if (line !== '') lines.push(line)
    return lines
  }
  for (const fontSize of [14, 13, 12, 11]) {
    const lines = wrap(fontSize)
    if (lines.length <= 3) return { lines, fontSize }
  }
  return { lines: wrap(10), fontSize: 10 }
}

/**
 * A panel of an SVG chart: lines against the step, with their own value axis.
 *
 * @example
 * const p: Panel = { label: 'momentum', lines: lineSketch(101, 1), fromZero: false }
 *
 * @category cli
 * @since 0.2.0
 */
export interface Panel {
  /** The value axis's label ("learning rate", "momentum", "metric"). */
  readonly label: string
  readonly lines: LineSketch
  /** Whether the value axis starts at 0 (or below), as the lr's does (default true). */
  readonly fromZero?: boolean
  /** The style of series `g` (`seriesStyle` by default). */
  readonly style?: (g: number) => { readonly color: string; readonly dash: string; readonly width: number }
}

/**
 * An SVG chart: a title (wrapped, never clipped), one panel per sketch stacked over a shared step
 * axis (the first `height` pixels high with its title, axis and legend, or more for a long title
 * or legend, the others 150 more each), labelled
 * axes and ticks, one styled line per series, and a legend (inside the first panel, or below the
 * chart for named series). `steps` is the last step of the axis.
 *
 * @example
 * const lr = lineSketch(3, 1)
 * lr.push(new Float64Array([1, 0.5, 0.25]), 3)
 * svgChartOf([{ label: 'learning rate', lines: lr }], 2, { title: 'ExponentialLR(gamma 0.5)' }) // '<svg xmlns=...'
 *
 * @category cli
 * @since 0.2.0
 */
export const svgChartOf = (
  panels: ReadonlyArray<Panel>,
  steps: number,
  { width = 800, height = 450, title = '', labels = [] as ReadonlyArray<string> } = {}
): string => {
  const named = Array.from({ length: panels[0]?.lines.series ?? 0 }, (_, g) => ({ name: labels[g] ?? `group ${g}`, style: seriesStyle(g) }))
  // named series get their legend below the chart (names can be long); groups get it inside
  const legendBelow = labels.length > 0
  const t = title === '' ? { lines: [] as ReadonlyArray<string>, fontSize: 14 } : wrapTitle(title, width - 40)
  const lineHeight = Math.round(t.fontSize * 1.3)
  const m = { left: 80, right: 20, top: t.lines.length === 0 ? 20 : 16 + t.lines.length * lineHeight + 4, bottom: 60 + (legendBelow ? 18 * named.length : 0) }
  const pw = width - m.left - m.right
  const gap = 28
  const extra = 150
  const first = Math.max(120, height - m.top - m.bottom)
  const heights = panels.map((_, i) => (i === 0 ? first : extra - gap))
  const total = m.top + heights.reduce((a, h) => a + h, 0) + gap * Math.max(0, panels.length - 1) + m.bottom
  const x = (k: number): number => m.left + (steps <= 0 ? 0 : (k / steps) * pw)
  const f = (v: number): string => v.toFixed(2)
  const parts: string[] = []
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="sans-serif" font-size="12">`)
  parts.push(`<rect width="${width}" height="${total}" fill="white"/>`)
  if (t.lines.length > 0)
    parts.push(
      `<text class="title" x="${width / 2}" y="${16 + lineHeight - 4}" text-anchor="middle" font-size="${t.fontSize}">${t.lines
        .map((l, i) => `<tspan x="${width / 2}" dy="${i === 0 ? 0 : lineHeight}">${esc(l)}</tspan>`)
        .join('')}</text>`
    )
  let top = m.top
  panels.forEach((panel, p) => {
    const ph = heights[p] as number
    const series = Array.from({ length: panel.lines.series }, (_, g) => panel.lines.points(g))
    let lo = Infinity
    let hi = -Infinity
    for (const pts of series) for (const [, v] of pts) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)]
    ;[lo, hi] = axisRange(lo, hi, panel.fromZero ?? true)
    // lines keep 6 px from the frame: a line at the axis's end is not drawn over the axis
    const pad = 6
    const y = (v: number): number => top + ph - pad - ((v - lo) / (hi - lo)) * (ph - 2 * pad)
    const bottom = top + ph
    parts.push(`<g class="panel" data-label="${esc(panel.label)}">`)
    parts.push(`<rect class="plot-area" x="${m.left}" y="${top}" width="${pw}" height="${ph}" fill="none"/>`)
    const scale = Math.max(Math.abs(lo), Math.abs(hi))
    for (const v of ticks(lo, hi, p === 0 ? 6 : 3)) {
      parts.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e5e5"/>`)
      parts.push(`<text x="${m.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${esc(tick(v, scale))}</text>`)
    }
    for (const k of ticks(0, Math.max(1, steps), 8)) {
      parts.push(`<line x1="${f(x(k))}" x2="${f(x(k))}" y1="${bottom}" y2="${bottom + 5}" stroke="black"/>`)
      if (p === panels.length - 1) parts.push(`<text x="${f(x(k))}" y="${bottom + 18}" text-anchor="middle">${esc(stepTick(k))}</text>`)
    }
    parts.push(`<line x1="${m.left}" x2="${m.left}" y1="${top}" y2="${bottom}" stroke="black"/>`)
    parts.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${bottom}" y2="${bottom}" stroke="black"/>`)
    parts.push(`<text transform="translate(18 ${top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(panel.label)}</text>`)
    // one polyline per series: a staircase when every step is wider than 2 pixels (the value holds
    // for a whole step), else the sketch's points
    const stairs = panel.lines.exact && steps > 0 && pw / steps > 2
    series.forEach((pts, g) => {
      const st = (panel.style ?? seriesStyle)(g)
      const coords: string[] = []
      pts.forEach(([k, v], j) => {
        coords.push(`${f(x(k))},${f(y(v))}`)
        const next = pts[j + 1]
        if (stairs && next !== undefined) coords.push(`${f(x(next[0]))},${f(y(v))}`)
      })
      parts.push(
        `<polyline class="series" fill="none" stroke="${st.color}" stroke-width="${st.width}"${st.dash === '' ? '' : ` stroke-dasharray="${st.dash}"`} points="${coords.join(' ')}"/>`
      )
    })
    parts.push('</g>')
    top = bottom + gap
  })
  const plotBottom = top - gap
  parts.push(`<text x="${m.left + pw / 2}" y="${plotBottom + 40}" text-anchor="middle">step</text>`)
  // legend
  named.forEach(({ name, style }, g) => {
    const ly = legendBelow ? plotBottom + 56 + g * 18 : m.top + 10 + g * 16
    const lx = legendBelow ? m.left : m.left + pw - 130
    parts.push(
      `<line class="legend" x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${style.color}" stroke-width="${style.width}"${style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`}/>`
    )
    parts.push(`<text x="${lx + 30}" y="${ly + 4}">${esc(name)}</text>`)
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}

/** A line sketch of rows in memory. */
const sketchOf = (rows: ReadonlyArray<ReadonlyArray<number>>, first = 0): LineSketch => {
  const series = rows[0]?.length ?? 0
  const s = lineSketch(rows.length, series, SVG_BUCKETS, first)
  s.push(flatten(rows, series), rows.length)
  return s
}

/** The metric's style: one grey line. */
const metricStyle = (): ReturnType<typeof seriesStyle> => ({ color: '#555555', dash: '', width: 1.5 })

/**
 * An SVG chart of rows in memory (see `svgChartOf`): the lrs, and panels for the momentum rows and
 * the metrics (`metrics[k]` at step `k + 1`) when given.
 */
export const svgChart = (
  rows: ReadonlyArray<ReadonlyArray<number>>,
  {
    width = 800,
    height = 450,
    title = '',
    labels = [] as ReadonlyArray<string>,
    momentum = undefined as ReadonlyArray<ReadonlyArray<number>> | undefined,
    metrics = undefined as ReadonlyArray<number> | undefined
  } = {}
): string => {
  const panels: Panel[] = [{ label: 'learning rate', lines: sketchOf(rows) }]
  if (momentum !== undefined) panels.push({ label: 'momentum', lines: sketchOf(momentum), fromZero: false })
  if (metrics !== undefined) panels.push({ label: 'metric', lines: sketchOf(metrics.map((v) => [v]), 1), fromZero: false, style: metricStyle })
  return svgChartOf(panels, Math.max(0, rows.length - 1), { width, height, title, labels })
}

/**
 * The metric panel's style (for `svgChartOf`).
 *
 * @example
 * METRIC_STYLE // { color: '#555555', dash: '', width: 1.5 }
 *
 * @category cli
 * @since 0.2.0
 */
export const METRIC_STYLE: ReturnType<typeof seriesStyle> = metricStyle()
