// parseGoMod: a go.mod file as `go mod edit -json` reads it (x/mod modfile.Parse, strict, no version fixer).
import { deprecation, directiveComment, isIndirect } from './comments';
import { walkDirectives } from './driver';
import { goQuote } from './gostrings';
import type { Tok } from './lexer';
import { checkPathMajor, splitPathVersion } from './module';
import { replaceDirective } from './replace';
import {
  DirectiveError, RuleContext, directivePrefix, godebugDirective, goDirective, runRule, stringArg, toolchainDirective,
  versionArg,
} from './rulectx';
import type { SynBlock, SynLine } from './syntax';
import type { ModFile, RetractStmt } from './types';

const modBlockVerbs = new Set(['module', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);

/** Parses go.mod text. Never throws; `errors` lists what the go command would report, in its words. */
export function parseGoMod(text: string, fileName = 'go.mod'): ModFile {
  const f: ModFile = {
    kind: 'go.mod', godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [], errors: [],
  };
  let moduleSeen = false;
  f.errors = walkDirectives(text, fileName, modBlockVerbs, (ctx) => (block, line, verb, verbTok, args) => {
    runRule(ctx, line, () => {
      switch (verb) {
        case 'go':
          f.go = goDirective(ctx, line, args, f.go !== undefined);
          break;
        case 'toolchain':
          f.toolchain = toolchainDirective(ctx, line, args, f.toolchain !== undefined);
          break;
        case 'module': {
          if (moduleSeen) throw new DirectiveError('repeated module statement');
          moduleSeen = true;
          if (args.length !== 1) throw new DirectiveError('usage: module module/path');
          const path = stringArg(args[0]);
          const deprecated = deprecation(block, line);
          f.module = { path: ctx.token(args[0], path), range: ctx.lineRange(line) };
          if (deprecated) f.module.deprecated = deprecated;
          break;
        }
        case 'godebug':
          f.godebug.push(godebugDirective(ctx, line, args));
          break;
        case 'require':
        case 'exclude':
          requireOrExclude(ctx, f, line, verb, args);
          break;
        case 'replace':
          f.replace.push(replaceDirective(ctx, line, verb, args));
          break;
        case 'retract':
          f.retract.push(retractDirective(ctx, block, line, args));
          break;
        case 'tool':
        case 'ignore': {
          if (args.length !== 1) throw new DirectiveError(`${verb} directive expects exactly one argument`);
          const path = ctx.token(args[0], stringArg(args[0]));
          if (verb === 'tool') f.tool.push({ path, range: ctx.lineRange(line) });
          else f.ignore.push({ path, range: ctx.lineRange(line) });
          break;
        }
        default:
          throw new DirectiveError(`unknown directive: ${verb}`, verbTok);
      }
    });
  });
  return f;
}

function requireOrExclude(ctx: RuleContext, f: ModFile, line: SynLine, verb: 'require' | 'exclude', args: Tok[]): void {
  if (args.length !== 2) throw new DirectiveError(`usage: ${verb} module/path v1.2.3`);
  const path = stringArg(args[0]);
  const version = versionArg(verb, path, args[1]);
  const split = splitPathVersion(path);
  if (!split.ok) throw new DirectiveError('invalid module path', args[0]);
  const err = checkPathMajor(version, split.pathMajor);
  if (err) throw new DirectiveError(directivePrefix(verb, path) + err, args[1]);
  const stmt = { path: ctx.token(args[0], path), version: ctx.token(args[1], version), range: ctx.lineRange(line) };
  if (verb === 'require') f.require.push({ ...stmt, indirect: isIndirect(line) });
  else f.exclude.push(stmt);
}

/** retract v  or  retract [lo, hi]; versions stay as written (x/mod does not canonicalise them without a fixer). */
function retractDirective(ctx: RuleContext, block: SynBlock | undefined, line: SynLine, args: Tok[]): RetractStmt {
  const rationale = directiveComment(block, line);
  const version = (t: Tok) => ctx.token(t, versionArg('retract', '', t, false));
  const expect = (i: number, message: string, ok: (t: Tok) => boolean = () => true): Tok => {
    const t = args[i];
    if (t === undefined || !ok(t)) throw new DirectiveError(message, t);
    return t;
  };
  let low;
  let high;
  let rest: number;
  if (args.length === 0 || args[0].text === '(') throw new DirectiveError("expected '[' or version", args[0]);
  if (args[0].text !== '[') {
    low = high = version(args[0]);
    rest = 1;
  } else {
    low = version(expect(1, "expected version after '['"));
    expect(2, "expected ',' after version", (t) => t.text === ',');
    high = version(expect(3, "expected version after ','"));
    expect(4, "expected ']' after version", (t) => t.text === ']');
    rest = 5;
  }
  if (args.length > rest) throw new DirectiveError(`unexpected token after version: ${goQuote(args[rest].text)}`, args[rest]);
  return { low, high, rationale, range: ctx.lineRange(line) };
}
