// The progress line of long commands: one line on stderr, rewritten in place, only when stderr is a terminal (a CI
// log or a pipe gets nothing), only once the command has run for a moment, and wiped before the report is printed.
import { redactSecrets } from '../core/report/redact';
import type { CliIo } from './io';

export interface ProgressOptions {
  /** Nothing is shown before the command has run this long (default 300 ms): quick checks stay quiet. */
  delayMs?: number;
  /** The line is rewritten at most this often (default 100 ms). */
  intervalMs?: number;
  /** Longest text shown; longer text is cut with an ellipsis (default 76 columns). */
  width?: number;
  now?: () => number;
}

const CLEAR = '\r\x1b[K';

export class ProgressLine {
  private readonly enabled: boolean;
  private readonly started: number;
  private readonly now: () => number;
  private text = '';
  private shown = '';
  private lastWrite = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: CliIo,
    private readonly opts: ProgressOptions = {},
  ) {
    this.now = opts.now ?? (() => performance.now());
    this.started = this.now();
    // --debug writes whole lines to stderr; a line rewritten in place would garble them.
    this.enabled = io.isTTY?.err === true && !io.debug;
    if (this.enabled) {
      this.timer = setTimeout(() => this.flush(true), opts.delayMs ?? 300);
      this.timer.unref();
    }
  }

  /** Says what the command is doing now. */
  update(text: string): void {
    this.text = text;
    if (this.enabled && this.now() - this.started >= (this.opts.delayMs ?? 300)) this.flush(false);
  }

  private flush(force: boolean): void {
    if (!this.enabled || !this.text || this.text === this.shown) return;
    if (!force && this.now() - this.lastWrite < (this.opts.intervalMs ?? 100)) return;
    const width = this.opts.width ?? 76;
    const text = redactSecrets(this.text);
    const line = text.length > width ? text.slice(0, width - 1) + '…' : text;
    this.io.err(CLEAR + line);
    this.shown = this.text;
    this.lastWrite = this.now();
  }

  /** Wipes the line (if one was drawn); call before printing the report. */
  done(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.shown) this.io.err(CLEAR);
    this.shown = '';
  }
}
