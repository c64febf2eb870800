/**
 * A one-line progress bar on standard error, for long inputs on a terminal. It stays silent for the
 * first moments (a short input never shows a bar), redraws at most a few times a second, and erases
 * itself when done so the results start on a clean line. The caller decides whether to show one at all
 * (only when standard error is a terminal, never with `--format json`).
 * @internal
 */

/** Where the bar is drawn and how time is read (injectable for tests). */
export interface ProgressSink {
  write(text: string): unknown;
  readonly columns?: number;
}

export interface ProgressOptions {
  /** Nothing is drawn before this many milliseconds have passed. @defaultValue 500 */
  readonly delayMs?: number;
  /** Minimum milliseconds between redraws. @defaultValue 100 */
  readonly intervalMs?: number;
  /** The clock in milliseconds. @defaultValue performance.now */
  readonly now?: () => number;
}

export class ProgressBar {
  private readonly sink: ProgressSink;
  private readonly label: string;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly start: number;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(sink: ProgressSink, label: string, options: ProgressOptions = {}) {
    this.sink = sink;
    this.label = label;
    this.delayMs = options.delayMs ?? 500;
    this.intervalMs = options.intervalMs ?? 100;
    this.now = options.now ?? (() => performance.now());
    this.start = this.now();
  }

  /**
   * Reports progress: `items` done so far, and when the total size is known, `done` of `total` (bytes).
   * Cheap when nothing needs drawing, so it can be called once per batch of lines.
   */
  update(items: number, done?: number, total?: number): void {
    const t = this.now();
    if (t - this.start < this.delayMs || t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.drawn = true;
    const text = this.render(items, (t - this.start) / 1000, done, total);
    const max = Math.max(1, this.columns() - 1); // never wrap, or \r could not redraw the line
    this.sink.write(`\r${text.length > max ? text.slice(0, max) : text}\x1b[K`);
  }

  /** The terminal's width; 80 when it does not say (a pseudo-terminal may report 0). */
  private columns(): number {
    const c = this.sink.columns;
    return c !== undefined && c > 0 ? c : 80;
  }

  /** Erases the bar (if one was drawn). */
  finish(): void {
    if (this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The text of the bar. */
  render(items: number, seconds: number, done?: number, total?: number): string {
    const count = `${items.toLocaleString('en-US')} ${this.label}`;
    const time = `${seconds.toFixed(1)}s`;
    if (done === undefined || total === undefined || total <= 0) return `${count}  ${time}`;
    const frac = Math.min(1, Math.max(0, done / total));
    const pct = `${Math.floor(frac * 100)}%`.padStart(4);
    const columns = this.columns();
    const barWidth = Math.max(10, Math.min(40, columns - count.length - time.length - 12));
    const full = Math.round(frac * barWidth);
    const bar = '█'.repeat(full) + '░'.repeat(barWidth - full);
    let eta = '';
    if (frac > 0.02 && frac < 1) eta = `  ~${Math.ceil((seconds * (1 - frac)) / frac)}s left`;
    return `${bar} ${pct}  ${count}  ${time}${eta}`;
  }
}
