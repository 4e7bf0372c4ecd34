// The replace directive (x/mod parseReplace), shared by go.mod and go.work:
//   replace old [oldver] => new newver     (module target)
//   replace old [oldver] => ./dir          (directory target, no version)
import type { Tok } from './lexer';
import type { SynLine } from './syntax';
import type { ReplaceStmt } from './types';
import { goQuote } from './gostrings';
import { checkPathMajor, splitPathVersion } from './module';
import { DirectiveError, RuleContext, directivePrefix, stringArg, versionArg } from './rulectx';

/** x/mod IsDirectoryPath: ./ ../ .\ ..\ prefixes, . and .., rooted paths and drive letters count as directories. */
export function isDirectoryPath(p: string): boolean {
  return (
    p === '.' || p === '..' || /^\.\.?[/\\]/.test(p) || p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p)
  );
}

export function replaceDirective(ctx: RuleContext, line: SynLine, verb: string, args: Tok[]): ReplaceStmt {
  const arrow = args.length >= 2 && args[1].text === '=>' ? 1 : 2;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow].text !== '=>') {
    throw new DirectiveError(
      `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`,
    );
  }
  const oldPath = stringArg(args[0]);
  const split = splitPathVersion(oldPath);
  if (!split.ok) throw new DirectiveError(`${directivePrefix(verb, oldPath)}invalid module path`, args[0]);
  const stmt: ReplaceStmt = {
    old: { path: ctx.token(args[0], oldPath) },
    new: { path: ctx.token(args[arrow + 1]) },
    isDirectory: false,
    range: ctx.lineRange(line),
  };
  if (arrow === 2) {
    const v = versionArg(verb, oldPath, args[1]);
    const err = checkPathMajor(v, split.pathMajor);
    if (err) throw new DirectiveError(directivePrefix(verb, oldPath) + err, args[1]);
    stmt.old.version = ctx.token(args[1], v);
  }
  const newTok = args[arrow + 1];
  const newPath = stringArg(newTok);
  stmt.new.path = ctx.token(newTok, newPath);
  stmt.isDirectory = isDirectoryPath(newPath);
  if (args.length === arrow + 2) {
    if (!stmt.isDirectory) {
      if (newPath.includes('@')) {
        throw new DirectiveError("replacement module must match format 'path version', not 'path@version'", newTok);
      }
      throw new DirectiveError('replacement module without version must be directory path (rooted or starting with . or ..)', newTok);
    }
    // Only a go command on a non-Windows system rejects backslashes in directory targets.
    if (process.platform !== 'win32' && newPath.includes('\\')) {
      throw new DirectiveError('replacement directory appears to be Windows path (on a non-windows system)', newTok);
    }
  } else {
    const versionTok = args[arrow + 2];
    const v = versionArg(verb, newPath, versionTok);
    if (stmt.isDirectory) {
      throw new DirectiveError(`replacement module directory path ${goQuote(newPath)} cannot have version`, versionTok);
    }
    stmt.new.version = ctx.token(versionTok, v);
  }
  return stmt;
}
