// Writes docs/gallery.md and one SVG chart per schedule in docs/gallery/, from the library itself
// (the built dist/): every config of scripts/gallery-configs.json (and the presets' lists under
// scripts/gallery-*.json), traced and drawn with the CLI's SVG chart.
//   npm run build && node scripts/gallery.mjs
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { scheduleFromConfig, trace } from '../dist/index.js'
import { svgChart } from '../dist/cli/chart.js'
import { functions, plateauMetrics } from './gallery-lib.mjs'

const root = join(import.meta.dirname, '..')
const out = join(root, 'docs', 'gallery')
mkdirSync(out, { recursive: true })

const lists = readdirSync(join(root, 'scripts'))
  .filter((f) => /^gallery-.*\.json$/.test(f))
  .sort((a, b) => (a === 'gallery-configs.json' ? -1 : b === 'gallery-configs.json' ? 1 : a.localeCompare(b)))
const sections = []
for (const list of lists) {
  const family = list === 'gallery-configs.json' ? 'PyTorch' : list.replace(/^gallery-|\.json$/g, '')
  const items = JSON.parse(readFileSync(join(root, 'scripts', list), 'utf8'))
  const parts = [`## ${family}\n`]
  for (const item of items) {
    const s = scheduleFromConfig(item.config, { functions, groups: item.lr.length })
    const metrics = item.metrics === undefined ? undefined : plateauMetrics(item.steps)
    const t = trace(s, item.lr, item.steps, metrics)
    const file = `${item.config.type.replace(/[^A-Za-z0-9_.-]/g, '')}-${items.indexOf(item)}.svg`.replace(/^\./, '')
    // momentum (schedules that set it) and the metrics get panels of their own
    writeFileSync(join(out, file), svgChart(t.lr, { title: item.title, width: 640, height: 320, momentum: t.momentum, metrics }))
    parts.push(`### ${item.title}\n`)
    parts.push(`![${item.title}](gallery/${file})\n`)
    const note = [`initial lr ${item.lr.join(', ')}`, `${item.steps} steps`, ...(metrics === undefined ? [] : ['metrics: a noisy loss that falls, then flattens'])]
    parts.push(`<details><summary>config (${note.join('; ')})</summary>\n\n\`\`\`json\n${JSON.stringify(item.config, null, 2)}\n\`\`\`\n</details>\n`)
  }
  sections.push(parts.join('\n'))
}
writeFileSync(
  join(root, 'docs', 'gallery.md'),
  `# Gallery\n\nEvery scheduler and preset of the library, drawn from its own trace (\`scripts/gallery.mjs\`, from the\nconfigs in \`scripts/gallery-*.json\`), each next to its JSON config. Regenerate with\n\`npm run build && node scripts/gallery.mjs\`.\n\n${sections.join('\n')}`
)
console.log(`wrote docs/gallery.md and ${readdirSync(out).length} charts`)
