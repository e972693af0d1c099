import { describe, expect, it } from 'vitest';
import { solveRawJson } from '../../../electron/core/matching/raw-solve';

describe('solveRawJson', () => {
  it('solves a valid problem, minimising by default', () => {
    expect(solveRawJson('{"costs": [[4, 1, 3], [2, 0, 5], [3, 2, 2]]}')).toEqual({ assignment: [1, 0, 2], total: 5 });
  });

  it('honours maximize and forbidden cells, leaving a row out when it must', () => {
    expect(solveRawJson('{"costs": [[4, 1], [2, 8]], "maximize": true}')).toEqual({ assignment: [0, 1], total: 12 });
    expect(solveRawJson('{"costs": [[4, 1], [2, 8]], "forbidden": [[0, 0], [0, 1]]}')).toEqual({ assignment: [null, 0], total: 2 });
  });

  it('accepts empty and rectangular matrices', () => {
    expect(solveRawJson('{"costs": []}')).toEqual({ assignment: [], total: 0 });
    expect(solveRawJson('{"costs": [[], []]}')).toEqual({ assignment: [null, null], total: 0 });
    expect(solveRawJson('{"costs": [[5], [3], [4]]}')).toEqual({ assignment: [null, 0, null], total: 3 });
  });

  it('names the ragged row', () => {
    expect(() => solveRawJson('{"costs": [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3]]}')).toThrow('costs row 2 has 3 values, expected 4.');
  });

  it('names a value that is not a finite number', () => {
    expect(() => solveRawJson('{"costs": [[1, "a"]]}')).toThrow(/costs row 0, column 1: .*expected number, received string/);
    expect(() => solveRawJson('{"costs": [[1, null]]}')).toThrow(/costs row 0, column 1/);
    expect(() => solveRawJson('{"costs": [[1e999]]}')).toThrow(/costs row 0, column 0: .*Infinity/);
    expect(() => solveRawJson('{"costs": [[1e13]]}')).toThrow(/costs row 0, column 0 is 10000000000000; values must lie between -1e12 and 1e12/);
  });

  it('rejects forbidden pairs that are outside the matrix or not index pairs', () => {
    expect(() => solveRawJson('{"costs": [[1, 2]], "forbidden": [[0, 2]]}')).toThrow('forbidden pair 0 = [0, 2] is outside the 1 × 2 matrix');
    expect(() => solveRawJson('{"costs": [[1, 2]], "forbidden": [[0, 0], [-1, 0]]}')).toThrow('forbidden pair 1 = [-1, 0] is outside');
    expect(() => solveRawJson('{"costs": [[1, 2]], "forbidden": [[0.5, 0]]}')).toThrow(/forbidden pair 0 \(row\): .*expected int/);
    expect(() => solveRawJson('{"costs": [[1, 2]], "forbidden": [[0]]}')).toThrow(/forbidden pair 0/);
  });

  it('rejects invalid JSON, wrong types and unknown fields', () => {
    expect(() => solveRawJson('{"costs": [[1, 2]')).toThrow(/^The input is not valid JSON/);
    expect(() => solveRawJson('')).toThrow(/^The input is not valid JSON/);
    expect(() => solveRawJson('[[1, 2]]')).toThrow(/expected object, received array/);
    expect(() => solveRawJson('{"cost": [[1]]}')).toThrow(/costs: .*expected array/);
    expect(() => solveRawJson('{"costs": [[1]], "maximise": true}')).toThrow(/Unrecognized key: "maximise"/);
    expect(() => solveRawJson('{"costs": [[1]], "maximize": "yes"}')).toThrow(/maximize: .*expected boolean/);
  });
});
