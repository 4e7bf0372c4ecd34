// Walks the statements of a go.mod / go.work file and hands each directive to a file-specific rule, the way
// x/mod's parseToFile / ParseWork do: unknown or multi-word blocks are errors, and a syntax error replaces every
// rule error (the go command reports only the syntax error), though the statements before it still fill the tree.
import type { Tok } from './lexer';
import { LineIndex } from './lines';
import { RuleContext } from './rulectx';
import { parseSyntax, SynBlock, SynLine } from './syntax';
import type { ParseError } from './types';

/** One directive: `verb` comes from the line itself (verbTok set) or from the enclosing block. */
export type DirectiveRule = (block: SynBlock | undefined, line: SynLine, verb: string, verbTok: Tok | undefined, args: Tok[]) => void;

export function walkDirectives(
  text: string,
  fileName: string,
  blockVerbs: ReadonlySet<string>,
  makeRule: (ctx: RuleContext) => DirectiveRule,
): ParseError[] {
  const lines = new LineIndex(text);
  try {
    return walk(text, fileName, lines, blockVerbs, makeRule);
  } catch (e) {
    // Like x/mod, which turns a panic into an error: a bug here must not take an editor down.
    return [{ line: 1, column: 1, message: `internal error: ${e instanceof Error ? e.message : String(e)}`, range: lines.range(0, 0) }];
  }
}

function walk(
  text: string,
  fileName: string,
  lines: LineIndex,
  blockVerbs: ReadonlySet<string>,
  makeRule: (ctx: RuleContext) => DirectiveRule,
): ParseError[] {
  const syntax = parseSyntax(text, lines, fileName);
  const ctx = new RuleContext(lines);
  const rule = makeRule(ctx);
  for (const stmt of syntax.stmts) {
    if (stmt.kind === 'line') {
      rule(undefined, stmt, stmt.tokens[0].text, stmt.tokens[0], stmt.tokens.slice(1));
    } else if (stmt.kind === 'block') {
      const verb = stmt.tokens[0].text;
      if (stmt.tokens.length > 1 || !blockVerbs.has(verb)) {
        const header = { start: stmt.start, end: stmt.tokens[stmt.tokens.length - 1].end };
        ctx.errorAt(stmt.start, `unknown block type: ${stmt.tokens.map((t) => t.text).join(' ')}`, header);
        continue;
      }
      for (const line of stmt.lines) rule(stmt, line, verb, undefined, line.tokens);
    }
  }
  const e = syntax.error;
  if (!e) return ctx.errors;
  return [{ line: lines.goLine(e.at), column: lines.goColumn(e.at), message: e.message, range: lines.range(e.start, e.end) }];
}
