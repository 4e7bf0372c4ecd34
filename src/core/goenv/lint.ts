// Lint of the effective Go environment: Finding codes env.* (documented in docs/env.md, "Findings").
import type { Finding, FixRef, Severity } from '../finding';
import { getLanguage } from '../i18n';
import { redactSecrets } from '../report/redact';
import { formatFixId, type EnvChange, type WriteLayer } from './fixid';
import { formatGoproxy, parseGoproxy, proxyHost, type ProxyEntry } from './goproxy';
import { parseGosumdb } from './gosumdb';
import { t, type MessageKey } from '../i18n';
import { matchingPattern } from './patterns';
import type { Layer, ResolvedEnv, ResolvedVar } from './resolve';
import { isKnownGoName, MODULE_VARIABLES, OS_ONLY_GO_VARS, OS_ONLY_TOOL_VARS, suggestGoName } from './vars';

/** Public module mirrors: modules requested from them become known to a third party. */
export const PUBLIC_PROXY_HOSTS: readonly string[] = [
  'proxy.golang.org', 'goproxy.cn', 'goproxy.io', 'proxy.golang.com.cn', 'mirrors.aliyun.com', 'mirrors.tencent.com',
  'mirrors.cloud.tencent.com', 'repo.huaweicloud.com', 'goproxy.bj.bcebos.com', 'gocenter.io', 'athens.azurefd.net',
  'mirrors.ustc.edu.cn', 'goproxy.baidu.com',
];

/** Well-known public modules used to decide whether a private/insecure pattern is far too broad. */
export const PUBLIC_MODULE_SAMPLES: readonly string[] = [
  'github.com/stretchr/testify', 'golang.org/x/text', 'google.golang.org/grpc', 'gopkg.in/yaml.v3', 'go.uber.org/zap',
  'k8s.io/api', 'cloud.google.com/go', 'go.opentelemetry.io/otel', 'github.com/gin-gonic/gin', 'gitlab.com/gitlab-org/api/client-go',
  'gitee.com/chunanyong/zorm', 'honnef.co/go/tools', 'rsc.io/quote', 'bitbucket.org/creachadair/stringset',
];

export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';
export const CN_GOPROXY = 'https://goproxy.cn,direct';
export const DEFAULT_GOSUMDB = 'sum.golang.org';

const show = (v: string) => (v === '' ? '""' : redactSecrets(v));

function isPublicProxy(url: string | undefined): boolean {
  const host = url ? proxyHost(url)?.replace(/:\d+$/, '') : undefined;
  return !!host && PUBLIC_PROXY_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

/** The layer where a fix must be written for it to take effect, given where the current value comes from. */
function fixLayerFor(v: ResolvedVar | undefined): WriteLayer {
  return v && (v.layer === 'process' || v.layer === 'editor') ? 'editor' : 'envfile';
}

function fixTitle(changes: EnvChange[], layer: WriteLayer): string {
  const layerName = t(layer === 'editor' ? 'env.fix.layer.editor' : 'env.fix.layer.envfile');
  return changes
    .map((c) => (c.value === undefined ? t('env.fix.unset', { name: c.name, layer: layerName }) : t('env.fix.set', { name: c.name, value: show(c.value), layer: layerName })))
    .join('; ');
}

export function makeFix(changes: EnvChange[], layer: WriteLayer = 'envfile'): FixRef {
  return { id: formatFixId({ layer, changes }), title: fixTitle(changes, layer) };
}

/** Fix that puts `value` back: removing an env-file entry when go.env already gives that value, else setting it. */
function restoreFix(env: ResolvedEnv, name: string, value: string): FixRef {
  const v = env.get(name);
  const rootValue = env.goroot.values.get(name);
  if (v?.layer === 'envfile' && rootValue === value) return makeFix([{ name, value: undefined }], 'envfile');
  if (v?.layer === 'default' && env.envFile.values.has(name) && rootValue === value) return makeFix([{ name, value: undefined }], 'envfile');
  return makeFix([{ name, value }], fixLayerFor(v));
}

interface Ctx {
  env: ResolvedEnv;
  platform: NodeJS.Platform;
  /** Proxy URLs a probe found unreachable at the network level (DNS, TCP, TLS); from the net layer. */
  unreachable: readonly string[];
  out: Finding[];
}

function add(ctx: Ctx, code: string, severity: Severity, key: MessageKey, args: Record<string, string>, extra: Partial<Finding> = {}): void {
  const f: Finding = { code, severity, message: t(key, args), ...extra };
  // A fix id carries the literal value; never offer one that would print a credential.
  if (f.fixes) f.fixes = f.fixes.filter((x) => redactSecrets(x.id) === x.id);
  if (f.fixes && f.fixes.length === 0) delete f.fixes;
  ctx.out.push(f);
}

function evidenceOf(v: ResolvedVar | undefined): Record<string, unknown> {
  if (!v) return {};
  return {
    layer: v.layer,
    value: redactSecrets(v.value),
    ...(v.shadowed.length ? { shadowed: v.shadowed.map((s) => ({ ...s, value: redactSecrets(s.value) })) } : {}),
  };
}

/**
 * Runs every env rule. Findings carry `variable`, `evidence` (layer, redacted values) and fixes where one exists.
 * `unreachableProxies` (GOPROXY entry URLs that failed at the network level in a probe) sharpens the comma rule.
 */
export function lintEnv(env: ResolvedEnv, opts: { platform?: NodeJS.Platform; unreachableProxies?: readonly string[] } = {}): Finding[] {
  const ctx: Ctx = { env, platform: opts.platform ?? process.platform, unreachable: opts.unreachableProxies ?? [], out: [] };
  shadowRules(ctx);
  goproxyRules(ctx);
  gosumdbRules(ctx);
  patternRules(ctx);
  unknownNameRules(ctx);
  envFileRules(ctx);
  goflagsRules(ctx);
  httpProxyRules(ctx);
  miscRules(ctx);
  return ctx.out;
}

function shadowRules(ctx: Ctx): void {
  for (const v of ctx.env.vars) {
    const file = v.shadowed.find((s) => s.layer === 'envfile');
    if (file && (v.layer === 'process' || v.layer === 'editor') && file.value !== v.value) {
      const remove = makeFix([{ name: v.name, value: undefined }], 'envfile');
      // Process wins: make the go env -w value win for VS Code's tools, or drop it. Editor wins: drop the editor value.
      const fixes = v.layer === 'process' ? [makeFix([{ name: v.name, value: file.value }], 'editor'), remove] : [makeFix([{ name: v.name, value: undefined }], 'editor'), remove];
      let message = t('env.shadowed-envfile', { name: v.name, value: show(file.value), winnerLayer: v.layer, winner: show(v.value) });
      if (v.layer === 'process') message += t('env.shadowed-envfile-os-hint', { name: v.name });
      ctx.out.push({
        code: 'env.shadowed-envfile',
        severity: 'warning',
        message,
        variable: v.name,
        evidence: { ...evidenceOf(v), envfileValue: redactSecrets(file.value), envFile: ctx.env.envFile.path },
        fixes: fixes.filter((x) => redactSecrets(x.id) === x.id),
      });
    }
    const proc = v.shadowed.find((s) => s.layer === 'process' && !s.name);
    if (v.layer === 'editor' && proc && proc.value !== v.value && !file) {
      add(ctx, 'env.shadowed-by-editor', 'info', 'env.shadowed-by-editor', { name: v.name, value: show(proc.value), winner: show(v.value) }, { variable: v.name, evidence: evidenceOf(v) });
    }
  }
}

function goproxyFixes(ctx: Ctx): FixRef[] {
  const first = getLanguage() === 'zh-cn' ? CN_GOPROXY : DEFAULT_GOPROXY;
  const second = first === DEFAULT_GOPROXY ? CN_GOPROXY : DEFAULT_GOPROXY;
  return [restoreFix(ctx.env, 'GOPROXY', first), makeFix([{ name: 'GOPROXY', value: second }], fixLayerFor(ctx.env.get('GOPROXY')))];
}

function goproxyRules(ctx: Ctx): void {
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

function gosumdbRules(ctx: Ctx): void {
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

function patternRules(ctx: Ctx): void {
  for (const name of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'] as const) {
    const v = ctx.env.get(name)!;
    if (!v.value || (v.from === 'GOPRIVATE' && name !== 'GOPRIVATE')) continue;
    const patterns = v.value.split(',');
    const spaced = patterns.filter((p) => p !== p.trim() && p.trim() !== '');
    if (spaced.length) {
      const trimmed = patterns.map((p) => p.trim()).filter((p) => p !== '').join(',');
      add(ctx, 'env.pattern-space', 'warning', 'env.pattern-space', { name, pattern: spaced[0] }, { variable: name, evidence: evidenceOf(v), fixes: [makeFix([{ name, value: trimmed }], fixLayerFor(v))] });
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

function unknownNameRules(ctx: Ctx): void {
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

function envFileRules(ctx: Ctx): void {
  for (const [name] of ctx.env.envFile.values) {
    if (!OS_ONLY_TOOL_VARS.has(name)) continue;
    // `go env -u` refuses GOENV and GODEBUG; those lines can only be removed by hand.
    const fixes = OS_ONLY_GO_VARS.has(name) ? [] : [makeFix([{ name, value: undefined }], 'envfile')];
    add(ctx, 'env.envfile-os-only', 'warning', 'env.envfile-os-only', { name }, {
      variable: name, evidence: { layer: 'envfile', value: redactSecrets(ctx.env.envFile.values.get(name)!), envFile: ctx.env.envFile.path }, fixes,
    });
  }
  for (const v of ctx.env.vars) {
    if (!v.notes.includes('empty-envfile-masks-goroot') || v.name === 'GOPROXY') continue;
    const rootValue = ctx.env.goroot.values.get(v.name) ?? '';
    add(ctx, 'env.envfile-empty-masks', 'warning', 'env.envfile-empty-masks', { name: v.name, rootValue: show(rootValue), effective: show(v.value) }, {
      variable: v.name, evidence: evidenceOf(v), fixes: [makeFix([{ name: v.name, value: undefined }], 'envfile')],
    });
  }
}

function goflagsRules(ctx: Ctx): void {
  const v = ctx.env.get('GOFLAGS')!;
  if (!v.value.trim()) return;
  const flags = v.value.split(/\s+/).filter((f) => f !== '');
  const without = (drop: (f: string) => boolean): FixRef => {
    const kept = flags.filter((f) => !drop(f)).join(' ');
    if (kept === '' && v.layer === 'envfile') return makeFix([{ name: 'GOFLAGS', value: undefined }], 'envfile');
    return makeFix([{ name: 'GOFLAGS', value: kept }], fixLayerFor(v));
  };
  const bad = flags.find((f) => !f.startsWith('-') || f === '-' || f === '--' || f.startsWith('---') || f.startsWith('-=') || f.startsWith('--='));
  if (bad) add(ctx, 'env.goflags-invalid', 'error', 'env.goflags-invalid', { entry: show(bad) }, { variable: 'GOFLAGS', evidence: evidenceOf(v), fixes: [without((f) => f === bad)] });
  const insecure = (f: string) => /^--?insecure(=.*)?$/.test(f);
  if (flags.some(insecure)) add(ctx, 'env.goflags-insecure', 'error', 'env.goflags-insecure', {}, { variable: 'GOFLAGS', evidence: evidenceOf(v), fixes: [without(insecure)] });
  const vendor = flags.find((f) => /^--?mod=vendor$/.test(f));
  if (vendor) add(ctx, 'env.goflags-mod-vendor', 'warning', 'env.goflags-mod-vendor', { flag: vendor }, { variable: 'GOFLAGS', evidence: evidenceOf(v), fixes: [without((f) => f === vendor)] });
}

function httpProxyRules(ctx: Ctx): void {
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

function miscRules(ctx: Ctx): void {
  const g = ctx.env.get('GO111MODULE')!;
  const unsetG = g.layer === 'envfile' ? makeFix([{ name: 'GO111MODULE', value: undefined }], 'envfile') : makeFix([{ name: 'GO111MODULE', value: 'on' }], fixLayerFor(g));
  if (g.value === 'off') add(ctx, 'env.go111module-off', 'warning', 'env.go111module-off', {}, { variable: 'GO111MODULE', evidence: evidenceOf(g), fixes: [unsetG] });
  else if (!['', 'on', 'auto'].includes(g.value)) add(ctx, 'env.go111module-invalid', 'error', 'env.go111module-invalid', { value: show(g.value) }, { variable: 'GO111MODULE', evidence: evidenceOf(g), fixes: [unsetG] });

  const prompt = ctx.env.get('GIT_TERMINAL_PROMPT')!;
  if (prompt.layer !== 'default' && prompt.value !== '0' && prompt.value.toLowerCase() !== 'false') {
    add(ctx, 'env.git-terminal-prompt', 'info', 'env.git-terminal-prompt', { value: show(prompt.value) }, {
      variable: 'GIT_TERMINAL_PROMPT', evidence: evidenceOf(prompt), fixes: prompt.layer === 'editor' ? [makeFix([{ name: 'GIT_TERMINAL_PROMPT', value: undefined }], 'editor')] : [],
    });
  }

  const isAbs = (p: string) => p.startsWith('/') || (ctx.platform === 'win32' && /^[A-Za-z]:[\\/]|^\\\\/.test(p));
  for (const name of ['GOCACHE', 'GOMODCACHE', 'GOPATH', 'GOWORK'] as const) {
    const v = ctx.env.get(name)!;
    let raw = v.value;
    let layer: Layer = v.layer;
    if (name === 'GOCACHE' && v.notes.includes('gocache-relative')) {
      raw = v.shadowed[0]?.value ?? raw;
      layer = v.shadowed[0]?.layer ?? layer;
    }
    if (layer === 'default' || raw === '' || raw === 'off' || (name === 'GOWORK' && raw === 'auto')) continue;
    const entries = name === 'GOPATH' ? raw.split(ctx.platform === 'win32' ? ';' : ':').filter((e) => e !== '') : [raw];
    if (entries.every(isAbs)) continue;
    const fixes = layer === 'envfile' ? [makeFix([{ name, value: undefined }], 'envfile')] : layer === 'editor' ? [makeFix([{ name, value: undefined }], 'editor')] : [];
    add(ctx, 'env.path-relative', name === 'GOCACHE' ? 'warning' : 'error', 'env.path-relative', { name, value: show(raw), effect: t(`env.path-effect.${name}` as MessageKey) }, {
      variable: name, evidence: { layer, value: redactSecrets(raw) }, fixes,
    });
  }
}

/** Every env finding code with its severity ("warning|error": depends on the variable), for docs and tests. */
export const ENV_FINDING_CODES: Readonly<Record<string, string>> = {
  'env.shadowed-envfile': 'warning',
  'env.shadowed-by-editor': 'info',
  'env.goproxy-off': 'warning',
  'env.goproxy-empty': 'error',
  'env.goproxy-direct-only': 'info',
  'env.goproxy-invalid': 'error',
  'env.goproxy-ignored': 'warning',
  'env.proxy-pipe-leak': 'warning',
  'env.proxy-comma-stop': 'info (warning when the first proxy is known to be unreachable)',
  'env.goprivate-via-public-proxy': 'warning',
  'env.gosumdb-off': 'warning',
  'env.gosumdb-invalid': 'error',
  'env.sumdb-needs-network': 'warning',
  'env.pattern-too-broad': 'warning',
  'env.pattern-space': 'warning',
  'env.unknown-variable': 'warning',
  'env.envfile-os-only': 'warning',
  'env.envfile-empty-masks': 'warning',
  'env.goflags-invalid': 'error',
  'env.goflags-insecure': 'error',
  'env.goflags-mod-vendor': 'warning',
  'env.http-proxy-without-https': 'warning',
  'env.proxy-case-conflict': 'info',
  'env.go111module-off': 'warning',
  'env.go111module-invalid': 'error',
  'env.git-terminal-prompt': 'info',
  'env.path-relative': 'warning|error',
};
