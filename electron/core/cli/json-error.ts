/**
 * Where a JSON text stops being valid, to tell someone which character to fix without showing the
 * text back: V8's own messages quote the input ("…" is not valid JSON), and CLI input may hold
 * personal data that must not land in a terminal scrollback or a log.
 */
export interface JsonErrorLocation {
  /** 0-based offset in UTF-16 code units, as String.prototype.slice counts. */
  position: number;
  line: number;
  column: number;
  problem: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/** The first syntax error in `text`, or undefined when it is valid JSON. Iterative: deep nesting cannot overflow the stack. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  const fail = (problem: string, at = i): JsonErrorLocation => ({ position: at, ...lineAndColumn(text, at), problem });
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-close' : 'end');
  /** Scans the string starting at i; undefined when it is well formed (i is then past its closing quote). */
  const string = (): JsonErrorLocation | undefined => {
    let j = i + 1;
    for (;;) {
      if (j >= text.length) return fail('a string is never closed (a " is missing)', i);
      const code = text.charCodeAt(j);
      if (code === 0x22) {
        i = j + 1;
        return undefined;
      }
      if (code < 0x20) return fail('a string holds a control character such as a line break; write it as \\n', j);
      if (code === 0x5c) {
        ESCAPE.lastIndex = j;
        if (!ESCAPE.test(text)) return fail('a string holds an invalid escape after a backslash', j);
        j = ESCAPE.lastIndex;
      } else {
        j += 1;
      }
    }
  };

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i += 1;
    if (i >= text.length) return expect === 'end' ? undefined : fail('the input ends before the JSON is complete');
    const ch = text[i]!;
    switch (expect) {
      case 'end':
        return fail('there is more after the end of the JSON value');
      case 'colon':
        if (ch !== ':') return fail('expected ":" after a property name');
        i += 1;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const close = stack.at(-1) === '{' ? '}' : ']';
        if (ch === ',') {
          i += 1;
          expect = close === '}' ? 'key' : 'value';
        } else if (ch === close) {
          i += 1;
          stack.pop();
          expect = afterValue();
        } else {
          return fail(`expected "," or "${close}"`);
        }
        continue;
      }
      case 'key':
      case 'key-or-close': {
        if (expect === 'key-or-close' && ch === '}') {
          i += 1;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch !== '"') return fail('expected a property name in double quotes');
        const error = string();
        if (error) return error;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (expect === 'value-or-close' && ch === ']') {
          i += 1;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch === '{' || ch === '[') {
          stack.push(ch);
          i += 1;
          expect = ch === '{' ? 'key-or-close' : 'value-or-close';
          continue;
        }
        if (ch === '"') {
          const error = string();
          if (error) return error;
        } else {
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
          NUMBER.lastIndex = i;
          if (literal) i += literal.length;
          else if (NUMBER.test(text)) i = NUMBER.lastIndex;
          else return fail('expected a value (a string in double quotes, a number, true, false, null, an object or a list)');
        }
        expect = afterValue();
        continue;
      }
    }
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < position; k += 1) {
    const ch = text[k];
    if (ch === '\n' || (ch === '\r' && text[k + 1] !== '\n')) {
      line += 1;
      lineStart = k + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
