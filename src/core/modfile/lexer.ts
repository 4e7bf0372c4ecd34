// The go.mod / go.work tokenizer, following the lexical rules of golang.org/x/mod/modfile (read.go):
// spaces, tabs and CRs separate tokens; a newline is a token; `//` comments run to the end of the line and take
// the newline with them; ( ) [ ] { } , are punctuation; "…" and `…` are strings; anything else printable is an
// identifier. The first lexical error ends the parse, exactly as in the go command.
import { isGoPrint, isGoSpace, goQuoteRune } from './gostrings';

export type TokKind =
  | 'eof'
  | 'eolcomment' // a comment after code on the same line (ends the line)
  | 'comment' // a comment alone on its line (includes the newline)
  | 'ident'
  | 'string'
  | '\n' | '(' | ')' | '[' | ']' | '{' | '}' | ',';

export interface Tok {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
}

/** A `//` comment; text has the trailing newline (LF or CRLF) removed. */
export interface Comment {
  start: number;
  text: string;
}

/** The first syntax error of a file. `at` is where go reports it; start/end is the offending text. */
export class ModSyntaxError extends Error {
  constructor(message: string, readonly at: number, readonly start: number = at, readonly end: number = at) {
    super(message);
  }
}

export function isEOL(kind: TokKind): boolean {
  return kind === 'eof' || kind === 'eolcomment' || kind === '\n';
}

function isIdentRune(cp: number): boolean {
  if (cp < 0x80) {
    if (cp <= 0x20 || cp === 0x7f) return false;
    // ( ) , [ ] { }: compared as numbers, since a string per character made big files GC-bound.
    return cp !== 0x28 && cp !== 0x29 && cp !== 0x2c && cp !== 0x5b && cp !== 0x5d && cp !== 0x7b && cp !== 0x7d;
  }
  return !isGoSpace(cp) && isGoPrint(cp);
}

const commentsError = 'mod files must use // comments (not /* */ comments)';

export class Lexer {
  private pos = 0;
  /** Suffix (end-of-line) comments in file order, for attachment to statements. */
  readonly suffixComments: Comment[] = [];

  constructor(private readonly text: string) {}

  private cp(at = this.pos): number {
    return at < this.text.length ? this.text.codePointAt(at)! : -1;
  }

  private advance(): number {
    const c = this.cp();
    this.pos += c > 0xffff ? 2 : 1;
    return c;
  }

  private startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  /** Reads the next token; throws ModSyntaxError on a lexical error. */
  next(): Tok {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.pos++;
        continue;
      }
      if (this.startsWith('//')) return this.comment();
      if (this.startsWith('/*')) throw new ModSyntaxError(commentsError, this.pos, this.pos, this.pos + 2);
      break;
    }
    const start = this.pos;
    if (start >= text.length) return { kind: 'eof', text: '', start, end: start };
    const c = text[start];
    if ('\n()[]{},'.includes(c)) {
      this.pos++;
      return { kind: c as TokKind, text: c, start, end: this.pos };
    }
    if (c === '"' || c === '`') return this.quoted(c);
    const first = this.cp();
    if (!isIdentRune(first)) {
      const width = first > 0xffff ? 2 : 1;
      throw new ModSyntaxError(`unexpected input character ${goQuoteRune(first)}`, start, start, start + width);
    }
    while (this.pos < text.length && isIdentRune(this.cp())) {
      if (this.startsWith('//')) break;
      if (this.startsWith('/*')) throw new ModSyntaxError(commentsError, this.pos, this.pos, this.pos + 2);
      this.advance();
    }
    return { kind: 'ident', text: text.slice(start, this.pos), start, end: this.pos };
  }

  private comment(): Tok {
    const text = this.text;
    const start = this.pos;
    let suffix = false;
    for (let i = start - 1; i >= 0 && text[i] !== '\n'; i--) {
      if (!isGoSpace(text.charCodeAt(i))) {
        suffix = true;
        break;
      }
    }
    const nl = text.indexOf('\n', start);
    this.pos = nl < 0 ? text.length : nl + 1;
    let body = text.slice(start, this.pos);
    if (body.endsWith('\r\n')) body = body.slice(0, -2);
    else if (body.endsWith('\n')) body = body.slice(0, -1);
    if (suffix) this.suffixComments.push({ start, text: body });
    return { kind: suffix ? 'eolcomment' : 'comment', text: body, start, end: this.pos };
  }

  private quoted(quote: string): Tok {
    const text = this.text;
    const start = this.pos;
    this.pos++;
    for (;;) {
      if (this.pos >= text.length) throw new ModSyntaxError('unexpected EOF in string', start, start, this.pos);
      if (text[this.pos] === '\n') throw new ModSyntaxError('unexpected newline in string', this.pos, start, this.pos);
      const c = this.advance();
      if (c === quote.charCodeAt(0)) break;
      if (c === 0x5c && quote !== '`') {
        if (this.pos >= text.length) throw new ModSyntaxError('unexpected EOF in string', start, start, this.pos);
        this.advance();
      }
    }
    return { kind: 'string', text: text.slice(start, this.pos), start, end: this.pos };
  }
}
