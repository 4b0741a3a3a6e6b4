/**
 * JSON parsing for the CLI with errors that say where: `JSON.parse`, and when it fails, a scan of
 * the text (JSON's grammar, RFC 8259) for the first offending character, reported by line and
 * column (1-based; a column counts characters, a tab as one). The scan keeps its nesting in an
 * array, not on the call stack: any depth.
 *
 * @internal
 */

/**
 * Where and why a text is not JSON.
 *
 * @example
 * const e: JsonSyntaxError = { line: 3, column: 14, message: "expected ',' or '}' after a property value, got \"x\"" }
 *
 * @category cli
 * @since 0.2.0
 */
export interface JsonSyntaxError {
  readonly line: number
  readonly column: number
  readonly message: string
}

/**
 * The parsed value, or where and why the text is not JSON.
 *
 * @example
 * parseJsonText('[1, 2]') // { ok: true, value: [1, 2] }
 * parseJsonText('{\n  "a": 1 x}') // { ok: false, line: 2, column: 10, message: "expected ',' or '}' after a property value, got \"x\"" }
 *
 * @category cli
 * @since 0.2.0
 */
export const parseJsonText = (text: string): { readonly ok: true; readonly value: unknown } | ({ readonly ok: false } & JsonSyntaxError) => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    const found = findSyntaxError(text)
    if (found === undefined) return { ok: false, line: 1, column: 1, message: (e as Error).message }
    return { ok: false, ...position(text, found.offset), message: found.message }
  }
}

/** Line and column (1-based, in characters) of a UTF-16 offset. */
const position = (text: string, offset: number): { readonly line: number; readonly column: number } => {
  const before = text.slice(0, offset)
  const nl = before.lastIndexOf('\n')
  const line = before.split('\n').length
  return { line, column: [...before.slice(nl + 1)].length + 1 }
}

/** How a character reads in a message. */
const describe = (text: string, i: number): string => {
  if (i >= text.length) return 'the end of the input'
  const c = text.codePointAt(i) as number
  if (c === 0xfeff) return 'U+FEFF (a byte-order mark)'
  if (c < 0x20 || c === 0x7f) return `U+${c.toString(16).toUpperCase().padStart(4, '0')} (a control character)`
  return JSON.stringify(String.fromCodePoint(c))
}

type Expect = 'value' | 'value or ]' | 'name or }' | 'name' | ':' | ', or ]' | ', or }' | 'end'

/**
 * The offset and description of the first character where `text` stops being JSON, if any.
 *
 * @example
 * findSyntaxError('[1,]') // { offset: 3, message: "expected a value, got \"]\"" }
 * findSyntaxError('[1]') // undefined
 *
 * @category cli
 * @since 0.2.0
 */
export const findSyntaxError = (text: string): { readonly offset: number; readonly message: string } | undefined => {
  const stack: Array<'[' | '{'> = []
  let i = 0
  let expect: Expect = 'value'
  const fail = (at: number, what: string) => ({ offset: at, message: `expected ${what}, got ${describe(text, at)}` })
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : stack[stack.length - 1] === '[' ? ', or ]' : ', or }')
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
    const c = text[i]
    if (expect === 'end') return i < text.length ? { offset: i, message: `unexpected ${describe(text, i)} after the JSON value` } : undefined
    if (expect === ':') {
      if (c !== ':') return fail(i, "':' after a property name")
      i++
      expect = 'value'
      continue
    }
    if (expect === ', or ]' || expect === ', or }') {
      const close: ']' | '}' = expect === ', or ]' ? ']' : '}'
      if (c === ',') {
        i++
        expect = close === ']' ? 'value' : 'name'
      } else if (c === close) {
        i++
        stack.pop()
        expect = afterValue()
      } else return fail(i, `',' or '${close}' after ${close === ']' ? 'an array element' : 'a property value'}`)
      continue
    }
    if (expect === 'value or ]' && c === ']') {
      i++
      stack.pop()
      expect = afterValue()
      continue
    }
    if (expect === 'name or }' && c === '}') {
      i++
      stack.pop()
      expect = afterValue()
      continue
    }
    if (expect === 'name' || expect === 'name or }') {
      if (c !== '"') return fail(i, expect === 'name' ? 'a property name in double quotes' : "a property name in double quotes or '}'")
      const end = scanString(text, i)
      if (typeof end !== 'number') return end
      i = end
      expect = ':'
      continue
    }
    // a value
    if (c === '{' || c === '[') {
      stack.push(c)
      i++
      expect = c === '{' ? 'name or }' : 'value or ]'
      continue
    }
    if (c === '"') {
      const end = scanString(text, i)
      if (typeof end !== 'number') return end
      i = end
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const end = scanNumber(text, i)
      if (typeof end !== 'number') return end
      i = end
    } else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i))
      if (word === undefined) return fail(i, expect === 'value or ]' ? "a value or ']'" : 'a value')
      i += word.length
    }
    expect = afterValue()
  }
}

/** The offset after the string that starts at `i` (a `"`), or the error in it. */
const scanString = (text: string, start: number): number | { readonly offset: number; readonly message: string } => {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c < 0x20) return { offset: i, message: `unescaped ${describe(text, i)} in a string` }
    if (c === 0x5c) {
      const e = text[i + 1]
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'a \\u escape needs 4 hexadecimal digits' }
        i += 5
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 1
      else return { offset: i, message: `invalid escape \\${e ?? ''} in a string` }
    }
  }
  return { offset: start, message: 'a string that never ends (no closing ")' }
}

/** The offset after the number that starts at `i`, or the error in it. */
const scanNumber = (text: string, start: number): number | { readonly offset: number; readonly message: string } => {
  const digits = (from: number): number => {
    let i = from
    while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++
    return i
  }
  let i = start
  if (text[i] === '-') i++
  if (text[i] === '0') i++
  else {
    const end = digits(i)
    if (end === i) return { offset: i, message: `expected a digit, got ${describe(text, i)}` }
    i = end
  }
  if (text[i] === '.') {
    const end = digits(i + 1)
    if (end === i + 1) return { offset: end, message: `expected a digit after the decimal point, got ${describe(text, end)}` }
    i = end
  }
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1
    if (text[j] === '+' || text[j] === '-') j++
    const end = digits(j)
    if (end === j) return { offset: end, message: `expected a digit in the exponent, got ${describe(text, end)}` }
    i = end
  }
  return i
}
