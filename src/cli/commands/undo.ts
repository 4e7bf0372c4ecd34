// `gomod-doctor undo`: restores the state before the last journaled env write (per variable and layer).
import { JsonSettingsFileTarget, TOOLS_ENV_KEY, terminalEnvKey } from '../../core/goenv/editor';
import { t } from '../../core/i18n';
import { undoLastWrite } from '../../core/goenv/write';
import { redactSecrets } from '../../core/report/redact';
import { parseArgs } from '../args';
import { UsageError, type CliIo } from '../io';
import { settingsTarget, setupEnvCommand } from './env';

export async function runUndoCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', go: 'value', settings: 'value', 'state-dir': 'value', force: 'bool', lang: 'value' });
  if (args.positionals.length > 0) throw new UsageError(t('env.cli.usage-undo'));
  const setup = await setupEnvCommand(args, io, false);
  const r = await undoLastWrite(
    {
      goPath: setup.goPath ?? 'go',
      env: io.env,
      cwd: io.cwd,
      stateDir: setup.stateDir,
      editor: settingsTarget(setup),
      editorFor: (file) => new JsonSettingsFileTarget(file, [TOOLS_ENV_KEY, terminalEnvKey(process.platform)]),
    },
    { force: args.flags.has('force') },
  );
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ status: r.status, entry: r.entry ? { id: r.entry.id, fix: redactSecrets(r.entry.fix), time: r.entry.time } : null, reason: r.reason ? redactSecrets(r.reason) : null }, null, 2) + '\n');
  } else if (r.status === 'restored') io.out(redactSecrets(r.reason ?? '') + '\n');
  else io.err(redactSecrets(r.reason ?? '') + '\n');
  return r.status === 'restored' ? 0 : 1;
}
