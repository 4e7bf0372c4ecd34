// Pattern and name rules: GOPRIVATE-style patterns with spaces or far too broad, and unknown or misspelt variable names.
import type { FixRef } from '../../finding';
import { t, type MessageKey } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import type { WriteLayer } from '../fixid';
import { matchingPattern } from '../patterns';
import { isKnownGoName, OS_ONLY_TOOL_VARS, suggestGoName } from '../vars';
import { PUBLIC_MODULE_SAMPLES } from './constants';
import { add, evidenceOf, fixLayerFor, makeFix, show, type Ctx } from './context';

export function patternRules(ctx: Ctx): void {
  for (const name of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'] as const) {
    const v = ctx.env.get(name)!;
    if (!v.value || (v.from === 'GOPRIVATE' && name !== 'GOPRIVATE')) continue;
    const patterns = v.value.split(',');
    const spaced = patterns.filter((p) => p !== p.trim() && p.trim() !== '');
    if (spaced.length) {
      const trimmed = patterns.map((p) => p.trim()).filter((p) => p !== '').join(',');
      add(ctx, 'env.pattern-space', 'warning', 'env.pattern-space', { name, pattern: redactSecrets(spaced[0]) }, { variable: name, evidence: evidenceOf(v), fixes: [makeFix([{ name, value: trimmed }], fixLayerFor(v))] });
    }
    for (const p of patterns) {
      const example = PUBLIC_MODULE_SAMPLES.find((m) => matchingPattern(p, m) !== undefined);
      if (!example) continue;
      // A pattern naming one public org or repository is deliberate; flag only patterns that cover many owners.
      const hits = PUBLIC_MODULE_SAMPLES.filter((m) => matchingPattern(p, m) !== undefined).length;
      const wholeHost = !p.replace(/\/$/, '').includes('/');
      if (hits < 2 && !(wholeHost && /^(github\.com|gitlab\.com|gitee\.com|bitbucket\.org|golang\.org|google\.golang\.org|gopkg\.in)$/.test(p))) continue;
      add(ctx, 'env.pattern-too-broad', 'warning', 'env.pattern-too-broad', {
        name, pattern: show(p), example, effect: t(`env.pattern-effect.${name}` as MessageKey),
      }, { variable: name, evidence: { ...evidenceOf(v), pattern: p, matches: example } });
      break;
    }
  }
}

export function unknownNameRules(ctx: Ctx): void {
  const report = (name: string, where: 'envfile' | 'process' | 'editor', value: string) => {
    const suggestion = suggestGoName(name);
    const whereText = t(`env.where.${where}` as MessageKey);
    const fixes: FixRef[] = [];
    if (where !== 'process') {
      const layer: WriteLayer = where === 'editor' ? 'editor' : 'envfile';
      fixes.push(makeFix([{ name, value: undefined }], layer));
      if (suggestion && suggestion !== name && !ctx.env.envFile.values.has(suggestion)) {
        fixes.push(makeFix([{ name, value: undefined }, { name: suggestion, value }], layer));
      }
    }
    add(ctx, 'env.unknown-variable', 'warning', suggestion ? 'env.unknown-variable-suggest' : 'env.unknown-variable', { name, where: whereText, suggestion: suggestion ?? '' }, {
      variable: name, evidence: { layer: where, value: redactSecrets(value), ...(suggestion ? { suggestion } : {}) }, fixes,
    });
  };
  for (const [name, value] of ctx.env.envFile.values) {
    if (isKnownGoName(name) || OS_ONLY_TOOL_VARS.has(name)) continue;
    report(name, 'envfile', value);
  }
  // In the OS environment and the editor settings many GO* names belong to other tools; flag only near-misses.
  const nearMiss = (name: string) => /^GO/.test(name) && !isKnownGoName(name) && suggestGoName(name) !== undefined;
  for (const [name, value] of Object.entries(processEnvOf(ctx))) if (value !== undefined && nearMiss(name)) report(name, 'process', value);
  for (const [name, value] of Object.entries(editorEnvOf(ctx))) if (nearMiss(name)) report(name, 'editor', value);
}

function processEnvOf(ctx: Ctx): Record<string, string | undefined> {
  return ctx.env.snapshot.process;
}

function editorEnvOf(ctx: Ctx): Record<string, string> {
  return ctx.env.snapshot.editor ?? {};
}
