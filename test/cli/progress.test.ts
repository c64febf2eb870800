// ProgressBar (src/cli/progress.ts), with a fake clock and terminal. That the built program never draws it
// when standard error is not a terminal is checked in score.test.ts (standard error stays empty).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress.js';

function setup(columns = 80): { bar: ProgressBar; writes: string[]; clock: { t: number } } {
  const writes: string[] = [];
  const clock = { t: 0 };
  const bar = new ProgressBar({ write: (s: string) => writes.push(s), columns }, 'segments', { delayMs: 500, intervalMs: 100, now: () => clock.t });
  return { bar, writes, clock };
}

describe('ProgressBar', () => {
  it('draws nothing for a short run, so small inputs never show a bar', () => {
    const { bar, writes, clock } = setup();
    for (let i = 0; i < 100; i++) {
      clock.t = i * 4; // 400 ms in all
      bar.update(i * 10, i, 100);
    }
    bar.finish();
    expect(writes).toEqual([]);
  });

  it('redraws at most every interval, on one line, and erases itself at the end', () => {
    const { bar, writes, clock } = setup();
    for (let t = 0; t <= 2000; t += 10) {
      clock.t = t;
      bar.update(t, t, 4000);
    }
    // drawn at 500, 600, ..., 2000
    expect(writes).toHaveLength(16);
    for (const w of writes) {
      expect(w.startsWith('\r')).toBe(true);
      expect(w.endsWith('\x1b[K')).toBe(true);
      expect(w).not.toContain('\n');
    }
    expect(writes[0]).toContain(' 12%');
    expect(writes.at(-1)).toContain(' 50%');
    expect(writes.at(-1)).toContain('2,000 segments');
    bar.finish();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('without a known total, shows the count and the time', () => {
    const { bar } = setup();
    expect(bar.render(1234567, 3.21)).toBe('1,234,567 segments  3.2s');
  });

  it('never writes a line wider than the terminal (it would wrap and break the redraw)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 10 ** 9 }), (columns, items, done, total) => {
        const { bar, writes, clock } = setup(columns);
        clock.t = 1000;
        bar.update(items, Math.min(done, total), total);
        const text = (writes[0] as string).slice(1, -3);
        expect(text.length).toBeLessThanOrEqual(columns - 1);
      }),
    );
  });
});

it('a terminal that reports no width (0) is taken as 80 columns', () => {
  const { bar, writes, clock } = setup(0);
  clock.t = 1000;
  bar.update(5, 1, 2);
  expect(writes[0]).toContain(' 50%');
  expect((writes[0] as string).length).toBeLessThanOrEqual(80 + 4);
});
