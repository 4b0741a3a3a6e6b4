// Builds the playground (playground/) into playground/dist/, a folder any static host can serve:
// index.html, style.css, app.js (the page and the library's ESM build from dist/, bundled by
// esbuild with the picker's configs: the gallery's, scripts/gallery-*.json, and
// playground/examples.json's trainers' files) and sw.js (the service worker that keeps the page
// working offline once loaded). Run after `npm run build` (the library's dist/).
//   node scripts/playground.mjs [--out DIR] [--serve [--port N]]
// `--serve` then serves the folder on http://localhost:N/ (default 4173; 0: a free port) until interrupted.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import * as esbuild from 'esbuild'

const root = join(import.meta.dirname, '..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i === -1 ? fallback : args[i + 1]
}
const out = resolve(option('--out', join(root, 'playground', 'dist')))

/** The picker's list: the default (warmup, then cosine), every gallery config by family, the trainers' files. */
const pickerList = () => {
  const list = [
    {
      family: 'Start here',
      title: 'Warmup, then cosine (examples/warmup-cosine.json)',
      text: readFileSync(join(root, 'examples', 'warmup-cosine.json'), 'utf8'),
      format: 'auto',
      lr: '0.0003',
      steps: '1000'
    }
  ]
  const files = readdirSync(join(root, 'scripts'))
    .filter((f) => /^gallery-.*\.json$/.test(f))
    .sort((a, b) => (a === 'gallery-configs.json' ? -1 : b === 'gallery-configs.json' ? 1 : a.localeCompare(b)))
  for (const f of files) {
    const family = f === 'gallery-configs.json' ? 'PyTorch' : f.replace(/^gallery-|\.json$/g, '')
    for (const g of JSON.parse(readFileSync(join(root, 'scripts', f), 'utf8')))
      list.push({ family, title: g.title, text: `${JSON.stringify(g.config, null, 2)}\n`, format: 'auto', lr: g.lr.join(', '), steps: String(g.steps) })
  }
  for (const e of JSON.parse(readFileSync(join(root, 'playground', 'examples.json'), 'utf8'))) list.push({ family: "Trainers' config files", ...e })
  return list
}

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('playground: dist/ is missing; run `npm run build` first')
  process.exit(1)
}
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
await esbuild.build({
  entryPoints: [join(root, 'playground', 'src', 'main.ts')],
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
  plugins: [
    {
      name: 'gallery',
      setup(build) {
        build.onResolve({ filter: /^virtual:gallery$/ }, () => ({ path: 'gallery', namespace: 'virtual' }))
        build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: JSON.stringify(pickerList()), loader: 'json' }))
      }
    }
  ]
})
copyFileSync(join(root, 'playground', 'index.html'), join(out, 'index.html'))
copyFileSync(join(root, 'playground', 'style.css'), join(out, 'style.css'))
// the service worker's cache is named after what it caches: a new build replaces the old cache
const files = ['index.html', 'style.css', 'app.js']
const hash = createHash('sha256')
for (const f of files) hash.update(readFileSync(join(out, f)))
writeFileSync(join(out, 'sw.js'), readFileSync(join(root, 'playground', 'sw.js'), 'utf8').replace('__CACHE__', `lr-schedule-${hash.digest('hex').slice(0, 12)}`).replace('__FILES__', JSON.stringify(['./', ...files])))
console.log(`playground: built ${out}`)

if (args.includes('--serve')) {
  const port = Number(option('--port', '4173'))
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.svg': 'image/svg+xml' }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(out, path.endsWith('/') ? `${path}index.html` : path)
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(readFileSync(file))
  })
  server.listen(port, '127.0.0.1', () => console.log(`playground: serving on http://localhost:${server.address().port}/ (Ctrl-C stops)`))
}
