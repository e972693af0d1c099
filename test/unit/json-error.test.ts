import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateJsonError } from '../../electron/core/cli/json-error';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('locating a JSON syntax error without showing the text', () => {
  it('gives the line, column and offset of the first invalid character', () => {
    expect(locateJsonError('{"a":}')).toMatchObject({ position: 5, line: 1, column: 6, problem: expect.stringMatching(/expected a value/) });
    expect(locateJsonError('{\n  "name": "x",\n}')).toMatchObject({ line: 3, column: 1, problem: expect.stringMatching(/property name/) });
    expect(locateJsonError('{"a": "line\nbreak"}')).toMatchObject({ line: 1, column: 12, problem: expect.stringMatching(/control character/) });
    expect(locateJsonError('{"a": 1')).toMatchObject({ position: 7, problem: expect.stringMatching(/ends before/) });
    expect(locateJsonError('{"a": "never closed')).toMatchObject({ position: 6, problem: expect.stringMatching(/never closed/) });
    expect(locateJsonError('[1] 2')).toMatchObject({ position: 4, problem: expect.stringMatching(/more after the end/) });
    expect(locateJsonError('\uFEFF{}')).toMatchObject({ position: 0 });
    expect(locateJsonError('"\\x"')).toMatchObject({ position: 1, problem: expect.stringMatching(/escape/) });
  });

  it('never quotes the text in its problem', () => {
    for (const text of ['{"email": amara@example.ac.uk}', '{"name": "Amara Nwosu",}', 'Amara']) {
      const error = locateJsonError(text)!;
      expect(error.problem).not.toMatch(/amara|nwosu/i);
    }
  });

  it('agrees with JSON.parse on valid JSON, deep nesting included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(locateJsonError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
      { seed: 9, numRuns: 300 },
    );
    expect(locateJsonError('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined();
  });

  it('agrees with JSON.parse on arbitrary and on slightly broken JSON', () => {
    const broken = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', '\u0000', '0', '-', '.', 'e', 'tru', 'x'), fc.nat(3))
      .map(([json, at, insert, drop]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + drop);
      });
    fc.assert(
      fc.property(fc.oneof(broken, fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '1', ' ', 'n', 'u', 'l') })), (text) => {
        expect(locateJsonError(text) === undefined).toBe(parses(text));
      }),
      { seed: 9, numRuns: 3000 },
    );
  });
});
