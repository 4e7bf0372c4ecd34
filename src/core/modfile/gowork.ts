// parseGoWork: a go.work file as `go work edit -json` reads it (x/mod modfile.ParseWork, no version fixer).
import { walkDirectives } from './driver';
import { replaceDirective } from './replace';
import { DirectiveError, godebugDirective, goDirective, runRule, stringArg, toolchainDirective } from './rulectx';
import type { WorkFile } from './types';

const workBlockVerbs = new Set(['godebug', 'use', 'replace']);

/** Parses go.work text. Never throws; `errors` lists what the go command would report, in its words. */
export function parseGoWork(text: string, fileName = 'go.work'): WorkFile {
  const f: WorkFile = { kind: 'go.work', godebug: [], use: [], replace: [], errors: [] };
  f.errors = walkDirectives(text, fileName, workBlockVerbs, (ctx) => (_block, line, verb, verbTok, args) => {
    runRule(ctx, line, () => {
      switch (verb) {
        case 'go':
          f.go = goDirective(ctx, line, args, f.go !== undefined);
          break;
        case 'toolchain':
          f.toolchain = toolchainDirective(ctx, line, args, f.toolchain !== undefined);
          break;
        case 'godebug':
          f.godebug.push(godebugDirective(ctx, line, args));
          break;
        case 'use':
          if (args.length !== 1) throw new DirectiveError('usage: use local/dir');
          f.use.push({ path: ctx.token(args[0], stringArg(args[0])), range: ctx.lineRange(line) });
          break;
        case 'replace':
          f.replace.push(replaceDirective(ctx, line, verb, args));
          break;
        default:
          throw new DirectiveError(`unknown directive: ${verb}`, verbTok);
      }
    });
  });
  return f;
}
