// Every public export has a one-line summary and an @example in its JSDoc (fp-ts style), read
// with the TypeScript compiler API from the package's entry points.
import { join } from 'node:path'
import ts from 'typescript'
import { expect, test } from 'vitest'

const root = join(import.meta.dirname, '..')
const entries = [join(root, 'src', 'index.ts'), join(root, 'src', 'adapters', 'tfjs.ts')]
const program = ts.createProgram(entries, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true })
const checker = program.getTypeChecker()

const exportsOf = (file: string) => {
  const source = program.getSourceFile(file)
  if (source === undefined) throw new Error(`no source ${file}`)
  const symbol = checker.getSymbolAtLocation(source)
  return symbol === undefined ? [] : checker.getExportsOfModule(symbol)
}

let checked = 0
const check = (exported: ts.Symbol, where: string): ReadonlyArray<string> => {
  const s = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
  // a namespace re-export (export * as optax): every one of its members
  if (s.flags & ts.SymbolFlags.ValueModule) return checker.getExportsOfModule(s).flatMap((m) => check(m, `${where}${exported.getName()}.`))
  checked += 1
  const summary = ts.displayPartsToString(s.getDocumentationComment(checker)).trim()
  const tags = s.getJsDocTags(checker).map((t) => t.name)
  const problems = [...(summary === '' ? ['no summary'] : []), ...(tags.includes('example') ? [] : ['no @example'])]
  return problems.length === 0 ? [] : [`${where}${exported.getName()}: ${problems.join(', ')}`]
}

const undocumented = entries.flatMap((entry) => exportsOf(entry).flatMap((exported) => check(exported, `(${entry.slice(root.length + 1)}) `)))

test('every public export, the presets\' namespaces included, has a one-line summary and an @example', () => {
  expect(undocumented).toEqual([])
  // the walk reached the presets' namespaces: the model and the PyTorch family alone are ~120 exports
  expect(checked).toBeGreaterThan(200)
})
