// Shared pieces of the directive rules (x/mod rule.go): the error list, token conversion, argument unquoting,
// version checks, and the go / toolchain / godebug directives that go.mod and go.work have in common.
import type { Range } from '../finding';
import type { Tok } from './lexer';
import type { LineIndex } from './lines';
import type { SynLine } from './syntax';
import type { GodebugStmt, GoStmt, ParseError, ToolchainStmt, Token } from './types';
import { goQuote, goUnquote } from './gostrings';
import { isValidGoVersion, isValidToolchainName } from './gover';
import { canonicalVersion } from './semver';

export class RuleContext {
  readonly errors: ParseError[] = [];

  constructor(readonly lines: LineIndex) {}

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  lineRange(line: SynLine): Range {
    return this.lines.range(line.start, line.end);
  }

  token(t: Tok, value: string = t.text): Token {
    return { raw: t.text, value, range: this.range(t.start, t.end) };
  }

  /** Records a rule error; go positions it at the start of the line, `at` says what is wrong (default: the line). */
  error(line: SynLine, message: string, at?: { start: number; end: number }): void {
    this.errorAt(line.start, message, at ?? line);
  }

  /** Records an error that go reports at offset `pos`; `at` is the offending text. */
  errorAt(pos: number, message: string, at: { start: number; end: number }): void {
    this.errors.push({
      line: this.lines.goLine(pos),
      column: this.lines.goColumn(pos),
      // go prints unquoted paths byte for byte; bytes that are not UTF-8 show as U+FFFD.
      message: message.replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, '\ufffd'),
      range: this.range(at.start, at.end),
    });
  }
}

/** Thrown by the helpers below to abandon one directive (never escapes a parse). */
export class DirectiveError {
  constructor(readonly message: string, readonly at?: { start: number; end: number }) {}
}

/** `verb path: ` as x/mod prefixes errors that carry a verb and module path. */
export function directivePrefix(verb: string, modPath: string): string {
  if (modPath !== '') return `${verb} ${modPath}: `;
  return verb !== '' ? `${verb}: ` : '';
}

/** x/mod parseString: unquotes "…"; other quote characters are reserved. */
export function unquoteArg(t: Tok): { value: string } | { error: string } {
  if (t.text.startsWith('"')) {
    const v = goUnquote(t.text);
    return v === undefined ? { error: 'invalid syntax' } : { value: v };
  }
  if (/["'`]/.test(t.text)) return { error: 'unquoted string cannot contain quote' };
  return { value: t.text };
}

/** parseString, failing the directive with `invalid quoted string: …`. */
export function stringArg(t: Tok): string {
  const r = unquoteArg(t);
  if ('error' in r) throw new DirectiveError(`invalid quoted string: ${r.error}`, t);
  return r.value;
}

/**
 * x/mod parseVersion with no fixer: unquotes and canonicalises (v1 → v1.0.0), else fails with
 * `verb path: version "x" invalid: …`. With canonicalise false (retract) the unquoted text is kept as is.
 */
export function versionArg(verb: string, path: string, t: Tok, canonicalise = true): string {
  const r = unquoteArg(t);
  const prefix = directivePrefix(verb, path);
  if ('error' in r) throw new DirectiveError(`${prefix}version ${goQuote(t.text)} invalid: ${r.error}`, t);
  if (!canonicalise) return r.value;
  const cv = canonicalVersion(r.value);
  if (cv === '') throw new DirectiveError(`${prefix}version ${goQuote(r.value)} invalid: must be of the form v1.2.3`, t);
  return cv;
}

/** Runs one directive's rule, turning a DirectiveError into a recorded error. */
export function runRule(ctx: RuleContext, line: SynLine, rule: () => void): void {
  try {
    rule();
  } catch (e) {
    if (!(e instanceof DirectiveError)) throw e;
    ctx.error(line, e.message, e.at);
  }
}

export function goDirective(ctx: RuleContext, line: SynLine, args: Tok[], seen: boolean): GoStmt {
  if (seen) throw new DirectiveError('repeated go statement');
  if (args.length !== 1) throw new DirectiveError('go directive expects exactly one argument');
  if (!isValidGoVersion(args[0].text)) {
    throw new DirectiveError(`invalid go version '${args[0].text}': must match format 1.23.0`, args[0]);
  }
  return { version: ctx.token(args[0]), range: ctx.lineRange(line) };
}

export function toolchainDirective(ctx: RuleContext, line: SynLine, args: Tok[], seen: boolean): ToolchainStmt {
  if (seen) throw new DirectiveError('repeated toolchain statement');
  if (args.length !== 1) throw new DirectiveError('toolchain directive expects exactly one argument');
  if (!isValidToolchainName(args[0].text)) {
    throw new DirectiveError(`invalid toolchain version '${args[0].text}': must match format go1.23.0 or default`, args[0]);
  }
  return { name: ctx.token(args[0]), range: ctx.lineRange(line) };
}

export function godebugDirective(ctx: RuleContext, line: SynLine, args: Tok[]): GodebugStmt {
  if (args.length !== 1 || /["`',]/.test(args[0].text)) throw new DirectiveError('usage: godebug key=value');
  const eq = args[0].text.indexOf('=');
  if (eq < 0) throw new DirectiveError('usage: godebug key=value', args[0]);
  const text = args[0].text;
  return { key: text.slice(0, eq), value: text.slice(eq + 1), token: ctx.token(args[0]), range: ctx.lineRange(line) };
}
