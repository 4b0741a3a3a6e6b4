// Package checks (run by .ci/run after the tests, and by `npm run check:package`):
// npm pack contents, publint --strict, arethetypeswrong (ESM-only profile), a smoke test of the
// packed tarball installed in a temporary folder (ESM import, require, the CLI through its bin link),
// the size budget of the core (gzipped, peers excluded), and a browser bundle of the library
// (esbuild) holding one copy of fp-ts, its size as the README states it. Prints one line per
// check; exits 1 on a failure.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = join(import.meta.dirname, '..')
// bytes, gzipped as one file: the core (dist without cli/, adapters/ and the presets of other
// libraries) and the whole library (with the presets, which the JSON decoder brings in)
// (the core was 40 kB in 0.1.0; 0.2.0 adds the definitions, the streaming fold, the decoder's limits
// and the checks of resumes and non-finite values: about 1 kB gzipped over, hence 45 kB; then the
// replay that checks a resumed state continues its schedule and the reader of trainers' config files
// with its lists of TrainingArguments' keys, 46.4 kB; then fromFirstGroupLr among the builders
// (NeMo's schedules, hf's), 47.7 kB: hence 50 kB; then `every` (the trainer's clock) and the
// reading of torch classes the trainers' readers share, 50.3 kB: hence 53 kB)
// (the whole library fit 90 kB with five families; fairseq's and fastai's nine schedules each, SWALR,
// the three metric-taking schedules of hf, Keras and optax, and the TrainingArguments reader bring it
// to 107.7 kB; DeepSpeed's five and its ds_config reader, NeMo's twelve, Composer's thirteen with
// its time strings: 130.4 kB, hence 135 kB; then the readers of LightningCLI configs, timm's
// args.yaml (with train.py's 172 argument names), LLM Foundry's YAML (with TrainConfig's keys) and
// an hf file's deepspeed block, and LLM Foundry's inverse square root: 156.1 kB, hence 160 kB)
const CORE_BUDGET_GZIP = 53_000
const ALL_BUDGET_GZIP = 160_000
const failures = []
const check = (name, f) => {
  try {
    const detail = f()
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`)
  } catch (e) {
    failures.push(name)
    console.log(`FAIL ${name}: ${(e.stderr?.toString() || e.stdout?.toString() || e.message).trim().split('\n').slice(-15).join('\n     ')}`)
  }
}
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts })

// npm pack builds dist/ itself (prepack); the build before it is for the checks that read dist/
run('npm', ['run', 'build', '--silent'])
const work = mkdtempSync(join(tmpdir(), 'lr-schedule-pack-'))
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work]))[0]
const tarball = join(work, packed.filename)

check('npm pack contents', () => {
  const files = packed.files.map((f) => f.path)
  const must = ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/adapters/tfjs.js', 'dist/cli/main.js', 'examples/warmup-cosine.json']
  const missing = must.filter((f) => !files.includes(f))
  const stray = files.filter((f) => /^(test|scripts|bench|docs|node_modules|\.venv-ref|\.ci)\//.test(f) || f.endsWith('.tgz'))
  if (missing.length > 0 || stray.length > 0) throw new Error(`missing ${missing.join(', ') || '-'}; should not be packed: ${stray.join(', ') || '-'}`)
  return `${files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed`
})
check('publint --strict', () => run('npx', ['--no-install', 'publint', '--strict']).trim().split('\n').pop())
check('arethetypeswrong (profile esm-only)', () => {
  run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only'])
  return 'no problems'
})
check('smoke: the tarball installed in a temporary folder (ESM import, require, the CLI)', () => {
  const app = join(work, 'app')
  run('mkdir', ['-p', app])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }))
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, 'fp-ts@2.16', 'io-ts@2.2'], { cwd: app })
  const esm = run(process.execPath, ['--input-type=module', '-e', "import { trace, stepLR } from 'lr-schedule'; console.log(JSON.stringify(trace(stepLR({ stepSize: 1, gamma: 0.5 }), [1], 2).lr))"], { cwd: app })
  if (esm.trim() !== '[[1],[0.5],[0.25]]') throw new Error(`ESM import printed ${esm}`)
  const cjs = run(process.execPath, ['-e', "const L = require('lr-schedule'); console.log(JSON.stringify(L.trace(L.exponentialLR({ gamma: 0.5 }), [1], 1).lr))"], { cwd: app })
  if (cjs.trim() !== '[[1],[0.5]]') throw new Error(`require printed ${cjs}`)
  const cli = spawnSync(join(app, 'node_modules', '.bin', 'lr-schedule'), ['trace', '-', '--lr', '1', '--steps', '2', '--format', 'csv'], {
    cwd: app,
    input: JSON.stringify({ type: 'StepLR', stepSize: 1, gamma: 0.5 }),
    encoding: 'utf8'
  })
  if (cli.status !== 0 || cli.stdout !== 'step,lr0\n0,1\n1,0.5\n2,0.25\n') throw new Error(`CLI exit ${cli.status}: ${cli.stdout}${cli.stderr}`)
  // as the README has it: npx in the project (--no: never from the registry)
  const version = run('npm', ['exec', '--no', '--', 'lr-schedule', '--version'], { cwd: app }).trim()
  const expected = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version
  if (version !== expected) throw new Error(`npx lr-schedule --version printed ${version}, expected ${expected}`)
  return 'import, require, `lr-schedule trace` and `npx lr-schedule --version` work'
})
const distFiles = () => {
  const files = []
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else if (p.endsWith('.js')) files.push(p)
    }
  }
  walk(join(root, 'dist'))
  return files.map((f) => relative(join(root, 'dist'), f))
}
const gzipped = (files) => gzipSync(Buffer.concat(files.map((f) => readFileSync(join(root, 'dist', f)))), { level: 9 }).length
check(`size budget of the core (gzipped, peers and presets excluded) <= ${CORE_BUDGET_GZIP} bytes`, () => {
  const core = distFiles().filter((f) => !/^(cli|adapters|presets)\//.test(f))
  const size = gzipped(core)
  if (size > CORE_BUDGET_GZIP) throw new Error(`${size} bytes`)
  return `${size} bytes (${core.length} files)`
})
check(`size budget of the library with its presets (gzipped, peers excluded) <= ${ALL_BUDGET_GZIP} bytes`, () => {
  const all = distFiles().filter((f) => !/^(cli|adapters)\//.test(f))
  const size = gzipped(all)
  if (size > ALL_BUDGET_GZIP) throw new Error(`${size} bytes`)
  return `${size} bytes (${all.length} files)`
})
check('browser bundle (esbuild --bundle --format=esm --minify): one copy of fp-ts, the size the README states', () => {
  const outfile = join(work, 'bundle.js')
  const metafile = join(work, 'bundle.meta.json')
  run('npx', ['--no-install', 'esbuild', 'dist/index.js', '--bundle', '--format=esm', '--minify', `--metafile=${metafile}`, `--outfile=${outfile}`, '--log-level=warning'])
  const inputs = Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs)
  // a copy: one installed fp-ts (its folder) in one of its builds (lib/: CommonJS, es6/: ES modules)
  const copies = new Set(
    inputs.flatMap((f) => {
      const m = /^(.*node_modules\/fp-ts)\/(?:(lib|es6)\/)?/.exec(f)
      return m === null ? [] : [`${m[1]}/${m[2] ?? ''}`]
    })
  )
  if (copies.size !== 1)
    throw new Error(`${copies.size} copies of fp-ts in the bundle: ${[...copies].join(', ')} (map every fp-ts/lib module the library imports to fp-ts/es6 in package.json's "browser" field)`)
  const bytes = statSync(outfile).size
  const gz = gzipSync(readFileSync(outfile), { level: 9 }).length
  const kB = (n) => (n / 1000).toFixed(1)
  const stated = /browser bundle[^\n]*?([\d.]+) kB minified, ([\d.]+) kB gzipped/.exec(readFileSync(join(root, 'README.md'), 'utf8'))
  if (stated === null) throw new Error(`README.md states no bundle size (measured ${kB(bytes)} kB minified, ${kB(gz)} kB gzipped)`)
  const off = (said, real) => Math.abs(Number(said) * 1000 - real) / real > 0.05
  if (off(stated[1], bytes) || off(stated[2], gz))
    throw new Error(`README.md says ${stated[1]} kB minified, ${stated[2]} kB gzipped; measured ${kB(bytes)} kB, ${kB(gz)} kB (more than 5% apart)`)
  return `${[...copies][0].replace(/^.*node_modules\//, '')} only; ${kB(bytes)} kB minified, ${kB(gz)} kB gzipped (fp-ts and io-ts included)`
})
rmSync(work, { recursive: true, force: true })
console.log(failures.length === 0 ? 'package checks: all passed' : `package checks: ${failures.length} failed (${failures.join('; ')})`)
process.exit(failures.length === 0 ? 0 : 1)
