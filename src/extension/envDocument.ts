// "Show Go Environment": the module-relevant variables as the go command sees them, as a markdown document.
// Pure (no vscode); every value is redacted again and escaped for a markdown table cell.
import type { HealthSnapshot } from '../protocol';
import { redact } from './redact';
import type { Translator } from './translator';

/** A table cell: no line breaks, pipes and backslashes escaped, code spans for values. */
function cell(text: string): string {
  return redact(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  if (text === '') return '';
  const v = cell(text);
  const ticks = v.includes('`') ? '`` ' : '`';
  return ticks === '`' ? `\`${v}\`` : `\`\` ${v} \`\``;
}

export function envMarkdown(snapshot: HealthSnapshot, l10n: Translator): string {
  const lines: string[] = [`# ${l10n.t('Go environment (as the go command sees it)')}`, ''];
  lines.push(`- ${l10n.t('go binary')}: ${snapshot.go.path ? code(snapshot.go.path) : l10n.t('not found')}${snapshot.go.version ? ` (${cell(snapshot.go.version)})` : ''}`);
  lines.push(`- ${l10n.t('go env file')}: ${snapshot.envFile ? code(snapshot.envFile) : l10n.t('none')}`);
  lines.push('');
  if (!snapshot.trusted) {
    lines.push(l10n.t('Restricted Mode: the environment is not read until you trust this workspace.'), '');
    return lines.join('\n');
  }
  lines.push(`| ${l10n.t('Variable')} | ${l10n.t('Value')} | ${l10n.t('Layer')} | ${l10n.t('Shadowed values')} |`, '|---|---|---|---|');
  for (const v of snapshot.env) {
    const shadowed = v.shadowed.map((s) => `${cell(s.layer)}: ${code(s.value) || l10n.t('(empty)')}`).join('<br>');
    lines.push(`| ${cell(v.name)} | ${code(v.value) || l10n.t('(empty)')} | ${cell(v.layer)} | ${shadowed} |`);
  }
  const findings = [...snapshot.env.flatMap((v) => v.findings), ...snapshot.findings.filter((f) => f.code.startsWith('env.'))];
  if (findings.length) {
    lines.push('', `## ${l10n.t('Findings')}`, '');
    for (const f of findings) lines.push(`- **${cell(f.severity)}** \`${cell(f.code)}\`: ${cell(f.message)}`);
  }
  lines.push('', l10n.t('Layers, strongest first: editor settings (go.toolsEnvVars), process environment, the go env file (go env -w), $GOROOT/go.env, defaults.'), '');
  return lines.join('\n');
}
