// Writes docs/peers.md and its charts (docs/peers/*.svg): where PyTorch, optax, Keras, Hugging Face
// and timm disagree, each difference drawn from the library's own presets, side by side.
//   npm run build && node scripts/peers-page.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { scheduleFromConfig, trace } from '../dist/index.js'
import { svgChart } from '../dist/cli/chart.js'

const root = join(import.meta.dirname, '..')
const out = join(root, 'docs', 'peers')
mkdirSync(out, { recursive: true })
const sections = JSON.parse(readFileSync(join(root, 'scripts', 'peers-page.json'), 'utf8'))
const parts = []
sections.forEach((section, n) => {
  // one column per library: every series traced on one group from the same lr
  const columns = section.series.map((s) => trace(scheduleFromConfig(s.config), [section.lr], section.steps).lr.map((r) => r[0]))
  const rows = columns[0].map((_, k) => columns.map((c) => c[k]))
  const file = `peers-${n}.svg`
  writeFileSync(join(out, file), svgChart(rows, { title: section.title, width: 760, height: 460, labels: section.series.map((s) => s.label) }))
  parts.push(`## ${section.title}\n\n${section.text}\n\n![${section.title}](peers/${file})\n`)
  parts.push(
    `| library | config | row 0 | row ${section.steps} |\n|---|---|---:|---:|\n${section.series
      .map((s, i) => `| ${s.label} | \`${JSON.stringify(s.config)}\` | ${columns[i][0]} | ${columns[i][section.steps]} |`)
      .join('\n')}\n`
  )
})
writeFileSync(
  join(root, 'docs', 'peers.md'),
  `# PyTorch, optax, Keras, Hugging Face and timm, side by side

Each preset follows its own library (see docs/presets/), so the same words can mean different
numbers. This page draws the differences from the presets themselves
(\`node scripts/peers-page.mjs\`, configs in \`scripts/peers-page.json\`); the numbers in the tables are
the traces' first and last rows.

| question | PyTorch | optax | Keras | HF | timm |
|---|---|---|---|---|---|
| a boundary b applies at step | b | b | b + 1 | (LambdaLR: its own formula) | b − 1 (multistep) |
| cosine after its horizon | rises again | stays at the floor | stays at the floor | rises again | floor (after its last cycle) |
| decay length includes the warmup | — (SequentialLR) | yes | no | yes | yes, unless \`warmupPrefix\` |
| warmup value at step 0 | \`startFactor · lr\` | \`initValue\` | \`initialLearningRate\` | 0 | \`warmupLrInit\` |
| plateau reduces after | patience + 1 bad steps | — | — | PyTorch's | PyTorch's (after its warmup) |
| a trace's values are | each group's lr | the schedule's value, every group | the schedule's value, every group | each group's lr × λ(k) | each group's lr as base |

${parts.join('\n')}`
)
console.log(`wrote docs/peers.md and ${sections.length} charts`)
