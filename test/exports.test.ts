// The docs policy of fp-ts, for every public export (read with the TypeScript compiler API from the
// package's entry points, the presets' namespaces included): a one-line summary and `@since`
// everywhere; an `@example` where there is behaviour to show (a value that can be called: a
// constructor, a combinator, a fold, a query), not on types.
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
let callable = 0
const check = (exported: ts.Symbol, where: string): ReadonlyArray<string> => {
  const s = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
  // a namespace re-export (export * as optax): every one of its members
  if (s.flags & ts.SymbolFlags.ValueModule) return checker.getExportsOfModule(s).flatMap((m) => check(m, `${where}${exported.getName()}.`))
  checked += 1
  const summary = ts.displayPartsToString(s.getDocumentationComment(checker)).trim()
  const tags = s.getJsDocTags(checker).map((t) => t.name)
  const declaration = s.valueDeclaration
  const behaviour = declaration !== undefined && checker.getTypeOfSymbolAtLocation(s, declaration).getCallSignatures().length > 0
  if (behaviour) callable += 1
  const problems = [
    ...(summary === '' ? ['no summary'] : []),
    ...(tags.includes('since') ? [] : ['no @since']),
    ...(behaviour && !tags.includes('example') ? ['no @example (it has behaviour)'] : [])
  ]
  return problems.length === 0 ? [] : [`${where}${exported.getName()}: ${problems.join(', ')}`]
}

const undocumented = entries.flatMap((entry) => exportsOf(entry).flatMap((exported) => check(exported, `(${entry.slice(root.length + 1)}) `)))

test('every public export has a one-line summary and @since, and an @example where it has behaviour (fp-ts\'s policy)', () => {
  expect(undocumented).toEqual([])
  // the walk reached the presets' namespaces and found the functions
  expect(checked).toBeGreaterThan(100)
  expect(callable).toBeGreaterThan(60)
})

test('no mutable fast-path type, kernel helper or internal protocol is public', () => {
  const names = entries.flatMap((entry) => exportsOf(entry).map((e) => e.getName()))
  for (const internal of ['Kernel', 'Buffers', 'kernelFromReducer', 'groupsFromBuffers', 'groupsIntoBuffers', 'resetBuffersToInitialLrs', 'Protocol', 'protocolOf', 'leaf'])
    expect(names).not.toContain(internal)
})
