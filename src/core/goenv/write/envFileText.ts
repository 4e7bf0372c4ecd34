// Env-file text edits as `go env -w/-u` makes them, and the checks go applies to an env-file change before writing.
import { t } from '../../i18n';
import { pathFor } from '../envfile';
import type { EnvChange } from '../fixid';
import { KNOWN_GO_ENV, OS_ONLY_GO_VARS, OS_ONLY_TOOL_VARS, READ_ONLY_GO_VARS } from '../vars';

/** updateEnvFile's effect on the text: replace the last line of a key (dropping earlier duplicates), append new keys, drop removed ones. */
export function applyToEnvFileText(text: string, changes: EnvChange[]): string {
  const lines = text === '' ? [] : text.split(/(?<=\n)/);
  const keyOf = (l: string) => {
    const i = l.indexOf('=');
    return i < 0 || l.slice(0, i).includes('#') ? '' : l.slice(0, i);
  };
  const last = new Map<string, number>();
  lines.forEach((l, i) => {
    const k = keyOf(l);
    if (k) {
      if (last.has(k)) lines[last.get(k)!] = '';
      last.set(k, i);
    }
  });
  for (const c of changes) {
    const at = last.get(c.name);
    if (c.value === undefined) {
      if (at !== undefined) lines[at] = '';
    } else if (at !== undefined) lines[at] = `${c.name}=${c.value}\n`;
    else lines.push(`${c.name}=${c.value}\n`);
  }
  return lines.join('');
}

/** checkEnvWrite's rules, so that refusals are explained before go is run. */
export function validateEnvFileChange(c: EnvChange, envFileKeys: ReadonlySet<string>, platform: NodeJS.Platform): string | undefined {
  const { name, value } = c;
  if (READ_ONLY_GO_VARS.has(name)) return t('env.write.read-only-var', { name });
  if (OS_ONLY_GO_VARS.has(name) || (OS_ONLY_TOOL_VARS.has(name) && !envFileKeys.has(name))) return t('env.write.os-only-var', { name });
  if (value === undefined) return undefined; // removing: only names present in the file are touched at all
  if (!KNOWN_GO_ENV.has(name) && !envFileKeys.has(name)) return t('env.write.unknown-var', { name });
  const bad = (reason: string) => t('env.write.bad-value', { name, reason });
  if (value.includes('\n') || value.includes('\r')) return bad('newline');
  if (value.includes('\0')) return bad('NUL');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return bad('invalid UTF-8');
  const api = pathFor(platform);
  if (name === 'GO111MODULE' && !['', 'auto', 'on', 'off'].includes(value)) return bad(`invalid GO111MODULE value "${value}"`);
  if (name === 'GOPATH') {
    for (const p of value.split(platform === 'win32' ? ';' : ':')) {
      if (p === '') continue;
      if (p.startsWith('~')) return bad(`GOPATH entry cannot start with shell metacharacter '~': "${p}"`);
      if (!api.isAbsolute(p)) return bad(`GOPATH entry is relative; must be absolute path: "${p}"`);
    }
  }
  if ((name === 'GOMODCACHE' || name === 'GOTMPDIR') && value !== '' && !api.isAbsolute(value)) return bad(`${name} must be an absolute path`);
  return undefined;
}
