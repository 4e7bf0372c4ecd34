// Offsets (UTF-16 indexes into the text) → LSP positions, and → the line/column the go command prints.
// The two differ: LSP also breaks lines at a lone CR, go only at LF; go counts columns in runes.
import type { Position, Range } from '../finding';

function lowerBound(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class LineIndex {
  private readonly lspStarts: number[] = [0];
  private readonly goStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        this.goStarts.push(i + 1);
        this.lspStarts.push(i + 1);
      } else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) {
        this.lspStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    // An offset between the CR and LF of a CRLF (the LF that ends an unterminated string) is not a position in
    // LSP terms: it is the end of the line, at the CR.
    if (offset > 0 && this.text.charCodeAt(offset) === 0x0a && this.text.charCodeAt(offset - 1) === 0x0d) offset--;
    const line = lowerBound(this.lspStarts, offset);
    return { line, character: offset - this.lspStarts[line] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** 1-based line as the go command numbers it. */
  goLine(offset: number): number {
    return lowerBound(this.goStarts, offset) + 1;
  }

  /** 1-based column in runes (code points), as x/mod's Position.LineRune. */
  goColumn(offset: number): number {
    const start = this.goStarts[lowerBound(this.goStarts, offset)];
    let runes = 1;
    for (let i = start; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      // The second half of a surrogate pair does not start a new rune.
      if (!(c >= 0xdc00 && c <= 0xdfff && i > start && isHigh(this.text.charCodeAt(i - 1)))) runes++;
    }
    return runes;
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
