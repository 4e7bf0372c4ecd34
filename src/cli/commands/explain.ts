// `gomod-doctor explain`: the go command's error output on stdin → the Findings it recognises (text or JSON).
import type { Finding } from '../../core/finding';
import { explainGoError } from '../../core/diagnose/explain';
import { t } from '../../core/i18n';
import { redactSecrets } from '../../core/report/redact';
import { renderTextReport } from '../../core/report/text';
import { parseArgs, stringFlag } from '../args';
import { colorEnabled, UsageError, type CliIo } from '../io';
import { VERSION } from '../version';

export interface ExplainIo extends CliIo {
  /** Where the error text comes from; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream;
}

const formats = ['text', 'json'] as const;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Text: the grouped report (by host, environment, file), each finding with its fixes, then the summary. */
export function renderExplainText(findings: Finding[], cwd: string, color = false): string {
  return renderTextReport(findings, { baseDir: cwd, color });
}

export async function runExplainCommand(argv: string[], io: ExplainIo): Promise<number> {
  const args = parseArgs(argv, { format: 'value', json: 'bool', help: 'bool' });
  if (args.flags.has('help')) {
    // main answers --help itself; this stays for callers that run the command directly.
    io.out(t('cli.help.explain') + '\n');
    return 0;
  }
  const format = args.flags.has('json') ? 'json' : (stringFlag(args, 'format') ?? 'text');
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(t('cli.bad-format', { format, allowed: formats.join('|') }));
  if (args.positionals.length > 0) throw new UsageError(t('x.cli.usage-explain'));
  // Typing at a terminal works too (end with Ctrl-D), but say what is expected first.
  if (!io.stdin && process.stdin.isTTY) io.err(t('x.cli.usage-explain') + '\n');
  const input = await readAll(io.stdin ?? process.stdin);
  if (input.trim() === '') {
    io.err(t('x.cli.empty') + '\n');
    return 2;
  }
  const result = explainGoError(input, { cwd: io.cwd });
  if (format === 'json') {
    io.out(redactSecrets(JSON.stringify({ version: VERSION, findings: result.findings, unrecognized: result.unrecognized }, null, 2)) + '\n');
  } else {
    io.out(renderExplainText(result.findings, io.cwd, colorEnabled(io, 'out')));
    if (result.unrecognized.length > 0) io.err(redactSecrets(t('x.cli.unrecognized', { count: result.unrecognized.length, first: result.unrecognized[0] })) + '\n');
  }
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
