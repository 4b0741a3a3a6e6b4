/**
 * Charts of a trace, as text for a terminal and as SVG (pure: rows in, a string out).
 *
 * @internal
 */

const MARKS = ['*', 'o', '+', 'x', '#', '@', '%', '&']
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf']

/** Shortest readable form of a tick value; `scale` (the axis's largest magnitude) picks the notation. */
export const tick = (v: number, scale = Math.abs(v)): string => {
  if (v === 0) return '0'
  return scale >= 1e-2 && scale < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(2).replace(/\.?0+e/, 'e')
}

const range = (rows: ReadonlyArray<ReadonlyArray<number>>): readonly [number, number] => {
  let lo = Infinity
  let hi = -Infinity
  for (const r of rows) for (const v of r) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)]
  if (!Number.isFinite(lo)) return [0, 1]
  if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi) * 1.05 || 1]
  return [Math.min(lo, 0), hi]
}

/** A terminal chart: one mark per group, `width` columns sampled evenly over the steps. */
export const terminalChart = (rows: ReadonlyArray<ReadonlyArray<number>>, { width = 72, height = 16, title = '' } = {}): string => {
  const n = rows.length
  const groups = rows[0]?.length ?? 0
  const [lo, hi] = range(rows)
  const grid = Array.from({ length: height }, () => Array.from({ length: width }, () => ' '))
  for (let c = 0; c < width; c++) {
    const k = n <= 1 ? 0 : Math.round((c * (n - 1)) / (width - 1))
    for (let g = groups - 1; g >= 0; g--) {
      const v = rows[k]?.[g] as number
      if (!Number.isFinite(v)) continue
      const r = Math.round(((v - lo) / (hi - lo)) * (height - 1))
      ;(grid[height - 1 - r] as string[])[c] = MARKS[g % MARKS.length] as string
    }
  }
  const scale = Math.max(Math.abs(lo), Math.abs(hi))
  const labels = grid.map((_, i) => (i === 0 ? tick(hi, scale) : i === height - 1 ? tick(lo, scale) : i === Math.floor(height / 2) ? tick((hi + lo) / 2, scale) : ''))
  const pad = Math.max(...labels.map((l) => l.length))
  const lines: string[] = []
  if (title !== '') lines.push(title)
  grid.forEach((row, i) => lines.push(`${(labels[i] as string).padStart(pad)} |${row.join('')}`))
  lines.push(`${''.padStart(pad)} +${'-'.repeat(width)}`)
  const last = String(Math.max(0, n - 1))
  lines.push(`${''.padStart(pad)}  0${'step'.padStart(Math.floor(width / 2))}${last.padStart(width - Math.floor(width / 2) - 1)}`)
  lines.push(`${''.padStart(pad)}  ${Array.from({ length: groups }, (_, g) => `${MARKS[g % MARKS.length]} lr of group ${g}`).join('   ')}`)
  return lines.join('\n')
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

/** An SVG chart: labelled axes (step, learning rate), ticks, one line per group, a legend. */
export const svgChart = (
  rows: ReadonlyArray<ReadonlyArray<number>>,
  { width = 800, height = 450, title = '', labels = [] as ReadonlyArray<string> } = {}
): string => {
  const n = rows.length
  const groups = rows[0]?.length ?? 0
  const [lo, hi] = range(rows)
  // named series get their legend below the chart (names can be long); groups get it inside
  const legendBelow = labels.length > 0
  const m = { left: 80, right: 20, top: title === '' ? 20 : 40, bottom: 60 + (legendBelow ? 18 * groups : 0) }
  const pw = width - m.left - m.right
  const ph = height - m.top - m.bottom
  const x = (k: number): number => m.left + (n <= 1 ? 0 : (k / (n - 1)) * pw)
  const y = (v: number): number => m.top + ph - ((v - lo) / (hi - lo)) * ph
  const f = (v: number): string => v.toFixed(2)
  const parts: string[] = []
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`)
  parts.push(`<rect width="${width}" height="${height}" fill="white"/>`)
  if (title !== '') parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`)
  // axes, ticks and grid
  const scale = Math.max(Math.abs(lo), Math.abs(hi))
  for (const v of ticks(lo, hi, 6)) {
    parts.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e5e5"/>`)
    parts.push(`<text x="${m.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${esc(tick(v, scale))}</text>`)
  }
  for (const k of ticks(0, Math.max(1, n - 1), 8)) {
    parts.push(`<line x1="${f(x(k))}" x2="${f(x(k))}" y1="${m.top + ph}" y2="${m.top + ph + 5}" stroke="black"/>`)
    parts.push(`<text x="${f(x(k))}" y="${m.top + ph + 18}" text-anchor="middle">${esc(tick(k))}</text>`)
  }
  parts.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + ph}" stroke="black"/>`)
  parts.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${m.top + ph}" y2="${m.top + ph}" stroke="black"/>`)
  parts.push(`<text x="${m.left + pw / 2}" y="${m.top + ph + 40}" text-anchor="middle">step</text>`)
  parts.push(`<text transform="translate(18 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">learning rate</text>`)
  // one polyline per group: a staircase when every step is wider than 2 pixels (the lr holds for
  // a whole step), else at most ~2 points per pixel
  const stairs = n > 1 && pw / (n - 1) > 2
  const stride = Math.max(1, Math.floor(n / (pw * 2)))
  for (let g = 0; g < groups; g++) {
    const pts: string[] = []
    const at = (k: number): number => rows[k]?.[g] as number
    if (stairs) for (let k = 0; k < n; k++) pts.push(`${f(x(k))},${f(y(at(k)))}`, ...(k + 1 < n ? [`${f(x(k + 1))},${f(y(at(k)))}`] : []))
    else {
      for (let k = 0; k < n; k += stride) pts.push(`${f(x(k))},${f(y(at(k)))}`)
      if ((n - 1) % stride !== 0) pts.push(`${f(x(n - 1))},${f(y(at(n - 1)))}`)
    }
    parts.push(`<polyline fill="none" stroke="${COLORS[g % COLORS.length]}" stroke-width="1.5" points="${pts.join(' ')}"/>`)
  }
  // legend
  for (let g = 0; g < groups; g++) {
    const ly = legendBelow ? m.top + ph + 56 + g * 18 : m.top + 10 + g * 16
    const lx = legendBelow ? m.left : m.left + pw - 110
    parts.push(`<line x1="${lx}" x2="${lx + 20}" y1="${ly}" y2="${ly}" stroke="${COLORS[g % COLORS.length]}" stroke-width="2"/>`)
    parts.push(`<text x="${lx + 26}" y="${ly + 4}">${esc(labels[g] ?? `group ${g}`)}</text>`)
  }
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
