// Entry of the gomod-doctor CLI bundle (dist/cli.js).
import { getLanguage, normalizeLang, setLanguage, t } from '../core/i18n';
import { runCacheCommand } from './commands/cache';
import { runCheckCommand } from './commands/check';
import { runEnvCommand } from './commands/env';
import { runExplainCommand } from './commands/explain';
import { runFixCommand } from './commands/fix';
import { runParseCommand } from './commands/parse';
import { runProbeCommand } from './commands/probe';
import { runUndoCommand } from './commands/undo';
import { runWatchCommand } from './commands/watch';
import { startServer } from '../server/server';
import { UsageError, type CliIo } from './io';
import { VERSION } from './version';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  check: runCheckCommand,
  parse: runParseCommand,
  probe: runProbeCommand,
  env: runEnvCommand,
  fix: runFixCommand,
  undo: runUndoCommand,
  explain: runExplainCommand,
  watch: runWatchCommand,
  cache: runCacheCommand,
};

/** Takes the options every command shares out of argv; the rest goes to the command. */
function takeGlobalOptions(argv: string[]): { rest: string[]; debug: boolean; lang?: string } {
  const rest: string[] = [];
  let debug = false;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--debug') debug = true;
    else if (a === '--lang') lang = argv[++i];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  return { rest, debug, lang };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const { rest, debug, lang } = takeGlobalOptions(argv);
  setLanguage(normalizeLang(lang ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG));
  if (lang !== undefined && !['en', 'zh-cn', 'zh-CN', 'zh'].includes(lang)) {
    io.err(t('cli.bad-format', { format: lang, allowed: 'en|zh-cn' }) + '\n');
    return 2;
  }
  const [name, ...commandArgs] = rest;
  if (name === '--version' || name === 'version') {
    io.out(`gomod-doctor ${VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === 'help' || name === '-h') {
    io.out(t('cli.usage') + '\n');
    return name ? 0 : 2;
  }
  try {
    if (name === 'lsp') {
      if (!commandArgs.includes('--stdio')) throw new UsageError(t('cli.lsp-needs-stdio'));
      startServer();
      return await new Promise<number>(() => undefined); // runs until the client closes the connection
    }
    const command = commands[name];
    if (!command) throw new UsageError(t('cli.unknown-command', { command: name }));
    return await command(commandArgs, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`gomod-doctor: ${err.message}\n\n${t('cli.usage', {}, getLanguage())}\n`);
      return 2;
    }
    io.err(`gomod-doctor: ${t('cli.internal-error', { message: err instanceof Error ? err.message : String(err) })}\n`);
    if (debug && err instanceof Error && err.stack) io.err(err.stack + '\n');
    return 2;
  }
}

if (require.main === module) {
  const io: CliIo = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
