import { t } from '../core/i18n';
import { UsageError } from './io';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits argv by a spec of known options: `name` → takes a value or not. `--x=v` and `--x v` both work;
 * anything after `--` is positional.
 */
export function parseArgs(argv: string[], spec: Record<string, 'value' | 'bool'>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const kind = spec[name];
    if (!kind) throw new UsageError(t('cli.unknown-option', { option: `--${name}` }));
    if (kind === 'bool') {
      flags.set(name, true);
    } else if (eq > 0) {
      flags.set(name, arg.slice(eq + 1));
    } else if (i + 1 < argv.length) {
      flags.set(name, argv[++i]);
    } else {
      throw new UsageError(t('cli.missing-value', { option: `--${name}` }));
    }
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
