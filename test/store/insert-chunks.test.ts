/**
 * Multi-row inserts come in a few shapes only: chunks of the largest size, then the rest in
 * decreasing powers of two, every row once and in order. Each shape is one prepared statement
 * the driver keeps, so a long-running server compiles at most eight of them.
 */
import { chunks, ROWS_PER_INSERT } from '../../adapters/store/sql-store';

describe('insert chunks', () => {
  it('keeps every row once, in order, for every count up to a few batches', () => {
    const shapes = new Set<number>();
    for (let n = 0; n <= 3 * ROWS_PER_INSERT + 7; n += 1) {
      const rows = Array.from({ length: n }, (_, i) => i);
      const parts = chunks(rows);
      expect(parts.flat()).toEqual(rows);
      for (const part of parts) shapes.add(part.length);
      // Past the full chunks, each smaller size at most once, largest first.
      const rest = parts.map((p) => p.length).filter((size) => size < ROWS_PER_INSERT);
      expect(rest).toEqual([...rest].sort((a, b) => b - a));
      expect(new Set(rest).size).toBe(rest.length);
    }
    expect([...shapes].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
  });

  it('splits 100 rows as 64 + 32 + 4 and 300 as 128 + 128 + 32 + 8 + 4', () => {
    const sizes = (n: number) => chunks(Array.from({ length: n }, (_, i) => i)).map((p) => p.length);
    expect(sizes(100)).toEqual([64, 32, 4]);
    expect(sizes(300)).toEqual([128, 128, 32, 8, 4]);
  });
});
