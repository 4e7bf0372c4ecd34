// Entry of the gomod-doctor CLI bundle (dist/cli.js).
import { normalizeLang, setLanguage, t } from '../core/i18n';
import { redactSecrets } from '../core/report/redact';
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
import { commandHelp, isCommandName } from './help';
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

interface GlobalOptions {
  rest: string[];
  debug: boolean;
  lang?: string;
  /** --help or -h before `--`: what comes after `--` belongs to the go command (watch). */
  help: boolean;
}

/** Takes the options every command shares out of argv; the rest goes to the command. */
function takeGlobalOptions(argv: string[]): GlobalOptions {
  const out: GlobalOptions = { rest: [], debug: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.rest.push(...argv.slice(i));
      break;
    }
    if (a === '--debug') out.debug = true;
    else if (a === '--lang') out.lang = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) out.lang = a.slice('--lang='.length);
    else if ((a === '--help' || a === '-h') && out.rest.length > 0) out.help = true;
    else out.rest.push(a);
  }
  return out;
}

/** The language of messages: --lang, else the locale variables in POSIX order (an empty one does not count). */
function languageOf(lang: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return lang ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const { rest, debug, lang, help } = takeGlobalOptions(argv);
  setLanguage(normalizeLang(languageOf(lang, io.env)));
  const cio: CliIo = { ...io, debug: io.debug || debug };
  if (lang !== undefined && !/^(en|en[-_]\w+|zh|zh[-_](cn|hans|sg)\b.*)$/i.test(lang)) {
    io.err(`gomod-doctor: ${t('cli.bad-lang', { lang })}\n`);
    return 2;
  }
  const [name, ...commandArgs] = rest;
  if (name === '--version' || name === 'version' || name === '-V') {
    io.out(`gomod-doctor ${VERSION}\n`);
    return 0;
  }
  if (name === undefined) {
    io.err(t('cli.usage') + '\n');
    return 2;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && commandArgs.length === 0)) {
    io.out(t('cli.usage') + '\n');
    return 0;
  }
  try {
    if (name === 'help' || help) {
      const topic = name === 'help' ? commandArgs[0] : name;
      if (!isCommandName(topic)) throw new UsageError(t('cli.unknown-help-topic', { command: topic }));
      io.out(commandHelp(topic) + '\n');
      return 0;
    }
    if (name === 'lsp') {
      if (!commandArgs.includes('--stdio')) throw new UsageError(t('cli.lsp-needs-stdio'));
      startServer();
      return await new Promise<number>(() => undefined); // runs until the client sends exit
    }
    const command = commands[name];
    if (!command) throw new UsageError(t('cli.unknown-command', { command: name }));
    return await command(commandArgs, cio);
  } catch (err) {
    if (err instanceof UsageError) {
      // A usage mistake: the message and where to read more, never a stack trace.
      const more = isCommandName(name) ? t('cli.help-hint', { command: name }) : t('cli.usage');
      io.err(redactSecrets(`gomod-doctor: ${err.message}`) + `\n${more}\n`);
      return 2;
    }
    io.err(redactSecrets(`gomod-doctor: ${t('cli.internal-error', { message: err instanceof Error ? err.message : String(err) })}`) + '\n');
    if (cio.debug && err instanceof Error && err.stack) io.err(redactSecrets(err.stack) + '\n');
    return 2;
  }
}

if (require.main === module) {
  // A reader that goes away (`gomod-doctor check | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const io: CliIo = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    isTTY: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
