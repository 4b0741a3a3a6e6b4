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

const undocumented = entries.flatMap((entry) =>
  exportsOf(entry).flatMap((exported) => {
    const s = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    // a namespace re-export (export * as optax) is documented by its members
    if (s.flags & ts.SymbolFlags.ValueModule) return []
    const summary = ts.displayPartsToString(s.getDocumentationComment(checker)).trim()
    const tags = s.getJsDocTags(checker).map((t) => t.name)
    const problems = [...(summary === '' ? ['no summary'] : []), ...(tags.includes('example') ? [] : ['no @example'])]
    return problems.length === 0 ? [] : [`${exported.getName()} (${entry.slice(root.length + 1)}): ${problems.join(', ')}`]
  })
)

test('every public export has a one-line summary and an @example', () => {
  expect(undocumented).toEqual([])
})
