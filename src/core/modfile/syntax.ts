// The line/block structure of a go.mod or go.work file, and the attachment of comments to it, as x/mod's
// read.go builds them: statements are single lines or `verb (` … `)` blocks; whole-line comments directly above
// a statement become its "before" comments, and each end-of-line comment becomes the "suffix" of the nearest
// single-line element ending before it.
import { Comment, isEOL, Lexer, ModSyntaxError, Tok, TokKind } from './lexer';
import type { LineIndex } from './lines';

export interface SynLine {
  kind: 'line';
  /** All tokens; for a top-level line the first is the verb. */
  tokens: Tok[];
  start: number;
  end: number;
  inBlock: boolean;
  before: Comment[];
  suffix: Comment[];
}

export interface SynBlock {
  kind: 'block';
  /** The tokens before `(`, normally just the verb. */
  tokens: Tok[];
  start: number;
  lparen: Tok;
  /** Absent only in a block cut short by a syntax error. */
  rparen?: Tok;
  lines: SynLine[];
  before: Comment[];
  suffix: Comment[];
}

export interface SynComments {
  kind: 'comments';
  start: number;
  before: Comment[];
}

export type Stmt = SynLine | SynBlock | SynComments;

export interface FileSyntax {
  stmts: Stmt[];
  /** The syntax error that stopped the parse (statements before it are kept). */
  error?: ModSyntaxError;
}

/** A blank line inside a block is remembered as an empty comment, as x/mod does. */
const blankLine = (): Comment => ({ start: -1, text: '' });

class Parser {
  private tok!: Tok;
  readonly stmts: Stmt[] = [];

  constructor(private readonly lexer: Lexer) {}

  private peek(): TokKind {
    return this.tok.kind;
  }

  private lex(): Tok {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  parseFile(): void {
    this.tok = this.lexer.next();
    let pending: SynComments | undefined;
    for (;;) {
      switch (this.peek()) {
        case '\n':
          this.lex();
          if (pending) this.stmts.push(pending);
          pending = undefined;
          break;
        case 'comment': {
          const t = this.lex();
          pending ??= { kind: 'comments', start: t.start, before: [] };
          pending.before.push({ start: t.start, text: t.text });
          break;
        }
        case 'eof':
          if (pending) this.stmts.push(pending);
          return;
        default:
          this.parseStmt();
          if (pending) (this.stmts[this.stmts.length - 1] as SynLine | SynBlock).before = pending.before;
          pending = undefined;
      }
    }
  }

  private parseStmt(): void {
    const first = this.lex();
    const tokens = [first];
    let end = first.end;
    for (;;) {
      const t = this.lex();
      if (isEOL(t.kind)) {
        this.stmts.push({ kind: 'line', tokens, start: first.start, end, inBlock: false, before: [], suffix: [] });
        return;
      }
      if (t.kind === '(') {
        if (isEOL(this.peek())) {
          this.parseLineBlock(first.start, tokens, t);
          return;
        }
        if (this.peek() === ')') {
          const rparen = this.lex();
          if (isEOL(this.peek())) {
            this.lex();
            this.stmts.push({
              kind: 'block', tokens, start: first.start, lparen: t, rparen, lines: [], before: [], suffix: [],
            });
            return;
          }
          tokens.push(t, rparen); // `( )` in the middle of a line is not a block
        } else {
          tokens.push(t);
        }
        continue;
      }
      tokens.push(t);
      end = t.end;
    }
  }

  private parseLineBlock(start: number, tokens: Tok[], lparen: Tok): void {
    const block: SynBlock = { kind: 'block', tokens, start, lparen, lines: [], before: [], suffix: [] };
    // A block cut short by a syntax error is still kept, for editors.
    this.stmts.push(block);
    let comments: Comment[] = [];
    for (;;) {
      switch (this.peek()) {
        case 'eolcomment':
          this.lex();
          break;
        case '\n':
          this.lex();
          if ((comments.length === 0 && block.lines.length > 0) || (comments.length > 0 && comments[comments.length - 1].text !== '')) {
            comments.push(blankLine());
          }
          break;
        case 'comment': {
          const t = this.lex();
          comments.push({ start: t.start, text: t.text });
          break;
        }
        case 'eof':
          throw new ModSyntaxError('', this.tok.end, block.start, lparen.end);
        case ')': {
          block.rparen = this.lex();
          if (!isEOL(this.peek())) {
            throw new ModSyntaxError('syntax error (expected newline after closing paren)', this.tok.end, this.tok.start, this.tok.end);
          }
          this.lex();
          return;
        }
        default: {
          const line = this.parseLine();
          line.before = comments;
          comments = [];
          block.lines.push(line);
        }
      }
    }
  }

  private parseLine(): SynLine {
    const first = this.lex();
    const tokens = [first];
    let end = first.end;
    for (;;) {
      const t = this.lex();
      if (isEOL(t.kind)) return { kind: 'line', tokens, start: first.start, end, inBlock: true, before: [], suffix: [] };
      tokens.push(t);
      end = t.end;
    }
  }
}

interface Attachable {
  start: number;
  end: number;
  suffix: Comment[];
}

/** Gives each end-of-line comment to the last single-line element (in postorder) that ends before it. */
function attachSuffixComments(stmts: Stmt[], comments: Comment[], lines: LineIndex): void {
  const post: Attachable[] = [];
  for (const s of stmts) {
    if (s.kind === 'line') post.push(s);
    else if (s.kind === 'comments') post.push({ start: s.start, end: s.start, suffix: [] });
    else {
      post.push({ start: s.lparen.start, end: s.lparen.end, suffix: [] });
      post.push(...s.lines);
      if (s.rparen) {
        post.push({ start: s.rparen.start, end: s.rparen.end, suffix: [] });
        post.push({ start: s.start, end: s.rparen.end, suffix: s.suffix });
      }
    }
  }
  let k = comments.length;
  for (let i = post.length - 1; i >= 0 && k > 0; i--) {
    const x = post[i];
    if (lines.goLine(x.start) !== lines.goLine(x.end)) continue;
    while (k > 0 && x.end <= comments[k - 1].start) {
      x.suffix.push(comments[k - 1]);
      k--;
    }
  }
  for (const x of post) x.suffix.reverse();
}

/** Parses the statement structure of a go.mod or go.work text. Never throws. */
export function parseSyntax(text: string, lines: LineIndex, fileName: string): FileSyntax {
  const lexer = new Lexer(text);
  const parser = new Parser(lexer);
  let error: ModSyntaxError | undefined;
  try {
    parser.parseFile();
  } catch (e) {
    if (!(e instanceof ModSyntaxError)) throw e;
    error = e;
    if (e.message === '') {
      // End of file inside a block: the message names where the block started.
      const block = parser.stmts[parser.stmts.length - 1] as SynBlock;
      const where = `${fileName}:${lines.goLine(block.start)}:${lines.goColumn(block.start)}`;
      error = new ModSyntaxError(`syntax error (unterminated block started at ${where})`, e.at, e.start, e.end);
    }
  }
  attachSuffixComments(parser.stmts, lexer.suffixComments, lines);
  return { stmts: parser.stmts, error };
}
