// GOPROXY, GOSUMDB and HTTP(S)_PROXY rules: empty/off/invalid lists, "|" leaks, "," stops, checksum database, proxy variables.
import type { FixRef } from '../../finding';
import { getLanguage } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import { formatGoproxy, parseGoproxy, proxyHost, type ProxyEntry } from '../goproxy';
import { parseGosumdb } from '../gosumdb';
import { matchingPattern } from '../patterns';
import { MODULE_VARIABLES } from '../vars';
import { CN_GOPROXY, DEFAULT_GOPROXY, DEFAULT_GOSUMDB, PUBLIC_PROXY_HOSTS } from './constants';
import { add, evidenceOf, fixLayerFor, makeFix, restoreFix, show, type Ctx } from './context';

function isPublicProxy(url: string | undefined): boolean {
  const host = url ? proxyHost(url)?.replace(/:\d+$/, '') : undefined;
  return !!host && PUBLIC_PROXY_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

function goproxyFixes(ctx: Ctx): FixRef[] {
  const first = getLanguage() === 'zh-cn' ? CN_GOPROXY : DEFAULT_GOPROXY;
  const second = first === DEFAULT_GOPROXY ? CN_GOPROXY : DEFAULT_GOPROXY;
  return [restoreFix(ctx.env, 'GOPROXY', first), makeFix([{ name: 'GOPROXY', value: second }], fixLayerFor(ctx.env.get('GOPROXY')))];
}

export function goproxyRules(ctx: Ctx): void {
  const v = ctx.env.get('GOPROXY')!;
  const value = v.value;
  const parsed = parseGoproxy(value, ctx.platform);
  const ev = evidenceOf(v);
  if (value.trim() === '' || (parsed.error && !parsed.invalid)) {
    const rootValue = ctx.env.goroot.values.get('GOPROXY');
    if (v.notes.includes('empty-envfile-masks-goroot') && rootValue) {
      add(ctx, 'env.goproxy-empty', 'error', 'env.goproxy-empty-masked', { rootValue: show(rootValue) }, {
        variable: 'GOPROXY', evidence: ev, fixes: [makeFix([{ name: 'GOPROXY', value: undefined }], 'envfile'), ...goproxyFixes(ctx).slice(1)],
      });
    } else {
      add(ctx, 'env.goproxy-empty', 'error', 'env.goproxy-empty', {}, { variable: 'GOPROXY', evidence: ev, fixes: goproxyFixes(ctx) });
    }
    return;
  }
  if (parsed.invalid) {
    const kept = parsed.entries.filter((e) => e.kind !== 'url' || e.raw !== parsed.invalid!.raw);
    const fixes = kept.length ? [makeFix([{ name: 'GOPROXY', value: formatGoproxy(kept) }], fixLayerFor(v))] : goproxyFixes(ctx);
    add(ctx, 'env.goproxy-invalid', 'error', 'env.goproxy-invalid', { entry: show(parsed.invalid.raw), error: parsed.invalid.error }, { variable: 'GOPROXY', evidence: ev, fixes });
    return;
  }
  const entries = parsed.entries;
  if (entries.length === 1 && entries[0].kind === 'off') {
    add(ctx, 'env.goproxy-off', 'warning', 'env.goproxy-off', {}, { variable: 'GOPROXY', evidence: ev, fixes: goproxyFixes(ctx) });
  } else if (entries.length === 1 && entries[0].kind === 'direct') {
    add(ctx, 'env.goproxy-direct-only', 'info', 'env.goproxy-direct-only', {}, { variable: 'GOPROXY', evidence: ev, fixes: goproxyFixes(ctx) });
  }
  if (parsed.ignored.length) {
    const stop = entries[entries.length - 1].kind;
    add(ctx, 'env.goproxy-ignored', 'warning', 'env.goproxy-ignored', { stop, entries: parsed.ignored.map(show).join(', ') }, {
      variable: 'GOPROXY', evidence: ev, fixes: [makeFix([{ name: 'GOPROXY', value: formatGoproxy(entries) }], fixLayerFor(v))],
    });
  }
  // "|" from a private proxy to a public mirror leaks private module paths on any error of the private one.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.kind !== 'url' || isPublicProxy(e.url) || !e.fallbackOnError) continue;
    const pub = entries.slice(i + 1).find((n) => n.kind === 'url' && isPublicProxy(n.url));
    if (!pub) continue;
    const fixed = entries.map((n, j) => (j === i ? { ...n, fallbackOnError: false } : n));
    add(ctx, 'env.proxy-pipe-leak', 'warning', 'env.proxy-pipe-leak', { private: show(e.url!), public: show(pub.url!) }, {
      variable: 'GOPROXY', evidence: ev, fixes: [makeFix([{ name: 'GOPROXY', value: formatGoproxy(fixed) }], fixLayerFor(v))],
    });
    break;
  }
  // "a,b": b only after 404/410, never when a is unreachable. Without probe results this is flagged (info) only
  // between two mirrors; when the caller knows a is unreachable, any "a,next" (including "a,direct") is a warning.
  const unreachable = new Set(ctx.unreachable);
  for (let i = 0; i + 1 < entries.length; i++) {
    const a = entries[i];
    const b = entries[i + 1];
    if (a.kind !== 'url' || a.fallbackOnError || a.url!.startsWith('file:')) continue;
    const down = unreachable.has(a.url!);
    if (!down && b.kind !== 'url') continue;
    const fixes: FixRef[] = [];
    if (isPublicProxy(a.url) || b.kind === 'direct') {
      const fixed: ProxyEntry[] = entries.map((n, j) => (j === i ? { ...n, fallbackOnError: true } : n));
      fixes.push(makeFix([{ name: 'GOPROXY', value: formatGoproxy(fixed) }], fixLayerFor(v)));
    }
    const next = b.kind === 'url' ? show(b.url!) : b.kind;
    add(ctx, 'env.proxy-comma-stop', down ? 'warning' : 'info', down ? 'env.proxy-comma-stop-down' : 'env.proxy-comma-stop', { first: show(a.url!), next }, {
      variable: 'GOPROXY', evidence: { ...ev, ...(down ? { unreachable: redactSecrets(a.url!) } : {}) }, fixes,
    });
    break;
  }
  // Private modules sent to public mirrors: GOPRIVATE set, GONOPROXY explicitly narrowed, only public mirrors.
  const goprivate = ctx.env.get('GOPRIVATE')!;
  const gonoproxy = ctx.env.get('GONOPROXY')!;
  const urls = entries.filter((e) => e.kind === 'url');
  if (goprivate.value && gonoproxy.from !== 'GOPRIVATE' && urls.length > 0 && urls.every((e) => isPublicProxy(e.url))) {
    const uncovered = goprivate.value.split(',').filter((p) => p && !matchingPattern(gonoproxy.value, p.replace(/\/$/, '')));
    if (uncovered.length) {
      add(ctx, 'env.goprivate-via-public-proxy', 'warning', 'env.goprivate-via-public-proxy', { goprivate: show(goprivate.value), gonoproxy: show(gonoproxy.value), public: show(urls[0].url!) }, {
        variable: 'GONOPROXY', evidence: evidenceOf(gonoproxy), fixes: gonoproxy.layer === 'envfile' || gonoproxy.layer === 'editor' ? [makeFix([{ name: 'GONOPROXY', value: undefined }], fixLayerFor(gonoproxy))] : [],
      });
    }
  }
}

export function gosumdbRules(ctx: Ctx): void {
  const v = ctx.env.get('GOSUMDB')!;
  const cfg = parseGosumdb(v.value);
  const ev = evidenceOf(v);
  const fixes = () => {
    const list = [restoreFix(ctx.env, 'GOSUMDB', DEFAULT_GOSUMDB)];
    if (getLanguage() === 'zh-cn') list.push(makeFix([{ name: 'GOSUMDB', value: 'sum.golang.google.cn' }], fixLayerFor(v)));
    return list;
  };
  if (cfg.kind === 'off') {
    add(ctx, 'env.gosumdb-off', 'warning', 'env.gosumdb-off', {}, { variable: 'GOSUMDB', evidence: ev, fixes: fixes() });
    return;
  }
  if (cfg.kind === 'error') {
    add(ctx, 'env.gosumdb-invalid', 'error', 'env.gosumdb-invalid', { value: show(v.value), error: cfg.error }, { variable: 'GOSUMDB', evidence: ev, fixes: fixes() });
    return;
  }
  // GOPROXY that allows no network (off, or only file:// mirrors) while the checksum database is still on.
  const parsed = parseGoproxy(ctx.env.values.GOPROXY ?? '', ctx.platform);
  if (!parsed.error) {
    const network = parsed.entries.some((e) => e.kind === 'direct' || (e.kind === 'url' && !e.url!.startsWith('file:')));
    if (!network) {
      add(ctx, 'env.sumdb-needs-network', 'warning', 'env.sumdb-needs-network', { goproxy: show(ctx.env.values.GOPROXY), gosumdb: show(v.value), url: show(cfg.url ?? cfg.direct) }, {
        variable: 'GOSUMDB', evidence: { ...ev, goproxy: redactSecrets(ctx.env.values.GOPROXY ?? '') },
      });
    }
  }
}

export function httpProxyRules(ctx: Ctx): void {
  const http = ctx.env.get('HTTP_PROXY')!;
  const https = ctx.env.get('HTTPS_PROXY')!;
  if (http.value && !https.value) {
    add(ctx, 'env.http-proxy-without-https', 'warning', 'env.http-proxy-without-https', { http: http.from ?? 'HTTP_PROXY', https: 'HTTPS_PROXY', value: show(http.value) }, {
      variable: 'HTTPS_PROXY', evidence: { ...evidenceOf(http), variable: http.from ?? 'HTTP_PROXY' },
    });
  }
  for (const spec of MODULE_VARIABLES) {
    if (!spec.lowerCaseTwin) continue;
    const v = ctx.env.get(spec.name)!;
    const lower = v.shadowed.find((s) => s.name === spec.lowerCaseTwin && s.layer === v.layer);
    if (v.value && !v.from && lower && lower.value !== v.value) {
      add(ctx, 'env.proxy-case-conflict', 'info', 'env.proxy-case-conflict', { upper: spec.name, lower: spec.lowerCaseTwin, a: show(v.value), b: show(lower.value) }, { variable: spec.name, evidence: evidenceOf(v) });
    }
  }
}
