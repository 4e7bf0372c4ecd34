// The hover of a require line: where the module is fetched from and why, the last check, versions, retraction and
// deprecation. Markdown; every value that could carry a credential is redacted.
import type { ResolvedEnv } from '../../goenv/resolve';
import { t } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import type { ModuleReport } from './index';

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

export function moduleHover(report: ModuleReport | undefined, module: string, version: string, env: Record<string, string | undefined>, resolved?: ResolvedEnv): string {
  const lines: string[] = [`**${module}** ${code(version)}`, ''];
  if (!report) {
    lines.push(t('module.hover.result.pending'));
    return redactSecrets(lines.join('\n'));
  }
  const r = report.route;
  const routeLines: string[] = [];
  r.sources.forEach((s, i) => {
    let text: string;
    if (s.kind === 'proxy') text = t('module.hover.route.proxy', { url: code(s.url!) });
    else if (s.kind === 'direct') text = t('module.hover.route.direct', { host: code(s.host ?? '') });
    else text = t('module.hover.route.off');
    if (s.via) {
      const variable = resolved?.get('GONOPROXY')?.from === 'GOPRIVATE' ? 'GOPRIVATE' : s.via.variable;
      text += ' — ' + t('module.hover.why.noproxy', { pattern: code(s.via.pattern), variable });
    }
    const prefix = i === 0 ? '' : (r.sources[i - 1].fallback === 'any-error' ? t('module.hover.route.fallback-any') : t('module.hover.route.fallback-nf')) + ' ';
    routeLines.push(`${i + 1}. ${prefix}${text}`);
  });
  if (routeLines.length) lines.push(...routeLines);
  else if (r.error) lines.push(code(r.error));
  if (!r.sources.some((s) => s.via)) {
    const layer = resolved?.get('GOPROXY')?.layer ?? 'default';
    lines.push('', t('module.hover.why.goproxy', { value: code(env.GOPROXY ?? ''), layer: t(`module.hover.layer.${layer}`) }));
  }
  lines.push('');
  if (r.sumdb.consulted) lines.push(t('module.hover.sumdb.on', { name: code(r.sumdb.name || (env.GOSUMDB ?? '')) }));
  else {
    const reason = r.sumdb.pattern ? `GONOSUMDB ${code(r.sumdb.pattern)}` : r.sumdb.reason === 'gonosumdb' ? 'GONOSUMDB' : t(`module.hover.sumdb-reason.${r.sumdb.reason}`);
    lines.push(t('module.hover.sumdb.off', { reason }));
  }

  const res = report.result;
  let result: string | undefined;
  if (res.kind === 'ok') result = t('module.hover.result.ok', { source: code(res.source ?? ''), ms: res.ms ?? 0 });
  else if (res.kind === 'error') result = t('module.hover.result.error', { source: code(res.source ?? ''), stage: res.stage ?? '', ms: Math.round(res.ms ?? 0), detail: res.detail ?? '' });
  else if (res.kind === 'not-found') result = t('module.hover.result.not-found', { sources: (res.sources ?? []).map(code).join(', ') });
  else if (res.kind === 'direct') result = t('module.hover.result.direct');
  if (result) lines.push('', result);
  if (report.newest) lines.push('', t('module.hover.newest', { version: code(report.newest) }));
  if (report.retracted) lines.push('', t('module.hover.retracted', { rationale: report.retracted.rationale ? t('module.rationale', { text: report.retracted.rationale }) : '' }));
  if (report.deprecated) lines.push('', t('module.hover.deprecated', { text: report.deprecated }));
  return redactSecrets(lines.join('\n'));
}
