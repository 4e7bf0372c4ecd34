// Test helpers for the extension's pure modules: a translator like vscode.l10n.t (English, or the real zh-cn bundle)
// and health snapshots built field by field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthSnapshot } from '../../../src/protocol';
import type { Translator } from '../../../src/extension/translator';

const root = join(__dirname, '..', '..', '..', '..');

function format(message: string, args: Array<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** vscode.l10n.t without a bundle: the English text with {0}… filled in. */
export const english: Translator = { t: (message, ...args) => format(message, args) };

/** vscode.l10n.t with the shipped zh-cn bundle; a string missing from it throws, so a test notices. */
export function chinese(): Translator {
  const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  return {
    t: (message, ...args) => {
      const zh = bundle[message];
      if (zh === undefined) throw new Error(`not in the zh-cn bundle: ${message}`);
      return format(zh, args);
    },
  };
}

export function snapshot(over: Partial<HealthSnapshot> = {}): HealthSnapshot {
  return {
    seq: 1,
    trusted: true,
    overall: { state: 'healthy' },
    running: { modules: false, probes: false, cache: false },
    go: { path: '/usr/local/go/bin/go', version: 'go1.26.0' },
    envFile: '/root/.config/go/env',
    env: [
      { name: 'GOPROXY', value: 'https://proxy.golang.org,direct', layer: 'default', shadowed: [], findings: [] },
      { name: 'GOSUMDB', value: 'sum.golang.org', layer: 'default', shadowed: [], findings: [] },
      { name: 'GOPRIVATE', value: '', layer: 'default', shadowed: [], findings: [] },
    ],
    modules: [],
    probes: null,
    mirrors: [],
    cache: null,
    findings: [],
    updatedAt: 0,
    ...over,
  };
}
