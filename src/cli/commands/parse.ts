// `gomod-doctor parse <file> --json`: the parse in the shape of `go mod edit -json` / `go work edit -json`.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { t } from '../../core/i18n';
import { formatEditJson, formatGoError, parseGoMod, parseGoWork, toEditJson, workToEditJson } from '../../core/modfile';
import { parseArgs } from '../args';
import { UsageError, type CliIo } from '../io';

export async function runParseCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { json: 'bool' });
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError(t('cli.parse-needs-file'));
  const name = basename(file);
  if (name !== 'go.mod' && name !== 'go.work') throw new UsageError(t('cli.parse-unknown-kind', { file }));
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    io.err(t('cli.cannot-read', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }) + '\n');
    return 1;
  }
  const parsed = name === 'go.mod' ? parseGoMod(text, name) : parseGoWork(text, name);
  if (parsed.errors.length > 0) {
    for (const e of parsed.errors) io.err(formatGoError(name, e) + '\n');
    return 1;
  }
  io.out(formatEditJson(parsed.kind === 'go.mod' ? toEditJson(parsed) : workToEditJson(parsed)));
  return 0;
}
