// Per-command help: `gomod-doctor <command> --help` and `gomod-doctor help <command>`, each with examples.
import { t, type MessageKey } from '../core/i18n';

const helpKeys = {
  check: 'cli.help.check',
  env: 'cli.help.env',
  probe: 'cli.help.probe',
  parse: 'cli.help.parse',
  watch: 'cli.help.watch',
  fix: 'cli.help.fix',
  undo: 'cli.help.undo',
  explain: 'cli.help.explain',
  cache: 'cli.help.cache',
  lsp: 'cli.help.lsp',
} as const satisfies Record<string, MessageKey>;

export type CommandName = keyof typeof helpKeys;

export const COMMAND_NAMES = Object.keys(helpKeys) as CommandName[];

export function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.prototype.hasOwnProperty.call(helpKeys, name);
}

export function commandHelp(name: CommandName): string {
  return t(helpKeys[name]);
}
