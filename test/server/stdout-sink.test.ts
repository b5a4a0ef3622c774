/**
 * Issue 23, item 6: the stdout sink gives up on a failed write for good, drops and counts lines
 * from then on, says so once, and never throws or loops (a real file descriptor that refuses
 * writes: a file opened read-only, EBADF, the same path as EPIPE).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStdoutSink } from '../../adapters/server/stdout-sink';

describe('stdout sink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aws-qa-sink-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes lines to its descriptor (synchronously on flushSync)', () => {
    const file = join(dir, 'ok.log');
    const fd = openSync(file, 'w');
    try {
      const sink = createStdoutSink({ fd, flushMs: 60_000 });
      sink.write('{"msg":"one"}\n');
      sink.write('{"msg":"two"}\n');
      sink.flushSync();
      expect(readFileSync(file, 'utf8')).toBe('{"msg":"one"}\n{"msg":"two"}\n');
      expect(sink.dropped).toBe(0);
    } finally {
      closeSync(fd);
    }
  });

  it('drops and counts lines once a write fails, says so once, never throws', () => {
    const file = join(dir, 'read-only.log');
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    const notices: string[] = [];
    try {
      const sink = createStdoutSink({ fd, flushMs: 60_000, notice: (t) => void notices.push(t) });
      sink.write('a\n');
      sink.write('b\n');
      expect(() => sink.flushSync()).not.toThrow();
      expect(sink.broken).toBe(true);
      for (let i = 0; i < 5; i += 1) sink.write(`later ${i}\n`);
      sink.flushSync();
      expect(sink.dropped).toBe(7);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/EBADF.*dropped/);
    } finally {
      closeSync(fd);
    }
  });

  it('bounds what it holds while nothing can be written', () => {
    const fd = openSync('/dev/null', 'w');
    try {
      const sink = createStdoutSink({ fd, flushMs: 60_000, minLength: 1 << 30, maxBytes: 100 });
      for (let i = 0; i < 50; i += 1) sink.write(`${'x'.repeat(9)}\n`);
      expect(sink.dropped).toBe(40);
    } finally {
      closeSync(fd);
    }
  });
});
