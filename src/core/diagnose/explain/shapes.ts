// The shapes of the go command's module errors (go-modules-reference.md §7), most specific first. Each shape is a
// regular expression over one error record and a builder that names the code, the module/host, the cause and
// the fix. A builder may return undefined to let a later shape try the same record.
import type { Severity } from '../../finding';
import type { MessageKey } from '../../i18n';
import { classifyUrl, hostName, urlsIn, type UrlFacts, type UrlRole } from './urls';

export interface Draft {
  code: string;
  severity?: Severity;
  message: MessageKey;
  fix: MessageKey;
  /** Placeholders of message and fix (module, host, version, …). */
  args?: Record<string, string>;
  /** Stable id of the suggested fix; `advice:<code>` when it is advice only. */
  fixId?: string;
  module?: string;
  version?: string;
  host?: string;
  variable?: string;
  file?: string;
  /** 1-based line in `file`, as the go command prints it. */
  line?: number;
  evidence?: Record<string, unknown>;
  /** What makes two findings of the same code different causes (e.g. the package); default: module/host/file. */
  key?: string;
}

export interface ShapeContext {
  text: string;
  /** The first URL the record names, classified. */
  url?: UrlFacts;
  /** The module (and version) the record is about, from its `<path>@<version>:` or `module <path>:` prefix. */
  module?: string;
  version?: string;
  /** The record is about downloading a Go toolchain (GOTOOLCHAIN switching). */
  toolchain?: string;
}

export interface Shape {
  /** Stable name of the shape (tests and docs refer to it). */
  id: string;
  re: RegExp;
  build(m: RegExpExecArray, ctx: ShapeContext): Draft | undefined;
}

export type NetKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'proxyconnect'
  | 'tls-unknown-ca'
  | 'tls-expired'
  | 'tls-hostname'
  | 'tls-handshake'
  | 'unreachable'
  | 'reset';

/** The transport failure named in a piece of text, most specific first. */
export function netKind(text: string): NetKind | undefined {
  if (/proxyconnect tcp:/.test(text)) return 'proxyconnect';
  if (/x509: certificate signed by unknown authority|certificate is not trusted|x509: .*unknown authority/.test(text)) return 'tls-unknown-ca';
  if (/x509: certificate has expired or is not yet valid/.test(text)) return 'tls-expired';
  if (/x509: certificate is valid for|doesn't contain any IP SANs|certificate is not valid for any names/.test(text)) return 'tls-hostname';
  // "dial tcp: lookup <host> on <dns>: read udp …: i/o timeout" is a DNS failure, not a TCP one.
  if (/no such host|server misbehaving|Temporary failure in name resolution|dial tcp: lookup |getaddrinfo|Could not resolve host/.test(text)) return 'dns';
  if (/TLS handshake timeout|i\/o timeout|Client\.Timeout exceeded|context deadline exceeded|connection timed out|operation timed out/.test(text)) return 'timeout';
  if (/connection refused|actively refused|Failed to connect to .* port \d+/.test(text)) return 'refused';
  if (/tls: |http: server gave HTTP response to HTTPS client|remote error: tls|SSL_ERROR|gnutls_handshake/.test(text)) return 'tls-handshake';
  if (/network is unreachable|no route to host|host is down|host is unreachable/.test(text)) return 'unreachable';
  if (/connection reset by peer|unexpected EOF|: EOF$|: EOF\n|broken pipe|forcibly closed|connection was aborted|early EOF|RPC failed/m.test(text)) return 'reset';
  return undefined;
}

/** The finding family of a URL role: where the request was going decides which layer is broken. */
function family(role: UrlRole | undefined): 'proxy' | 'sumdb' | 'module' {
  return role === 'sumdb' ? 'sumdb' : role === 'direct' ? 'module' : 'proxy';
}

const AUTH_BODY = /terminal prompts disabled|could not read (?:Username|Password)|Cannot prompt because user interactivity has been disabled|Permission denied \(publickey|authentication required|Authentication failed|invalid username or password|HTTP Basic: Access denied/i;

/** The host of a URL, or the host named in a DNS/dial error when the URL is not known. */
function hostOf(ctx: ShapeContext): string | undefined {
  if (ctx.url?.host) return ctx.url.host;
  const lookup = /lookup ([^\s:]+)(?: on [^:]+:\d+)?: /.exec(ctx.text);
  if (lookup) return lookup[1];
  const dial = /dial tcp ([^\s:]+|\[[^\]]+\]):\d+/.exec(ctx.text);
  return dial?.[1];
}

/** The `server response:` block of an HTTP error, joined into one line. */
function serverResponse(text: string): string | undefined {
  const m = /server response:\s*([\s\S]*)$/.exec(text);
  if (!m) return undefined;
  return m[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
    .slice(0, 400);
}

function subjectArgs(ctx: ShapeContext, module = ctx.url?.module ?? ctx.module, version = ctx.url?.version ?? ctx.version) {
  return { module, version };
}

/** Network failure → proxy.<kind>, sumdb.<kind>, module.unreachable (direct) or toolchain.download-failed. */
function networkDraft(kind: NetKind, ctx: ShapeContext, detail: string): Draft {
  const fam = family(ctx.url?.role);
  const host = hostOf(ctx);
  const { module, version } = subjectArgs(ctx);
  const evidence = { kind, url: ctx.url?.url, detail };
  const reason = `x.reason.${kind}` as MessageKey;
  if (ctx.toolchain) {
    return {
      code: 'toolchain.download-failed',
      message: 'x.toolchain.download-failed',
      fix: 'x.fix.toolchain.download-failed',
      args: { toolchain: ctx.toolchain, reason: `{${reason}}` },
      host,
      evidence,
    };
  }
  const fixKey: MessageKey =
    fam === 'sumdb' && (kind === 'dns' || kind === 'timeout' || kind === 'refused' || kind === 'unreachable') ? 'x.fix.net.sumdb-blocked' : (`x.fix.net.${kind}` as MessageKey);
  if (fam === 'module') {
    return { code: 'module.unreachable', message: 'x.net.direct', fix: fixKey, args: { reason: `{${reason}}` }, module, version, host, evidence };
  }
  return {
    code: `${fam}.${kind}`,
    message: fam === 'sumdb' ? 'x.net.sumdb' : 'x.net.proxy',
    fix: fixKey,
    args: { reason: `{${reason}}` },
    module,
    version,
    host,
    evidence,
  };
}

/** An HTTP status from a proxy, checksum database or go-get discovery (`reading <URL>: <status>`). */
function statusDraft(status: number, ctx: ShapeContext, statusText: string): Draft | undefined {
  const fam = family(ctx.url?.role);
  const body = serverResponse(ctx.text);
  const host = ctx.url?.host || undefined;
  const { module, version } = subjectArgs(ctx);
  const evidence: Record<string, unknown> = { status, url: ctx.url?.url, statusText };
  if (body) evidence.serverResponse = body;
  const base = { module, version, host, evidence };
  if (ctx.toolchain) {
    const reason: MessageKey = status === 404 || status === 410 ? 'x.reason.http-not-found' : 'x.reason.http-status';
    return {
      ...base,
      code: status === 404 || status === 410 ? 'toolchain.not-available' : 'toolchain.download-failed',
      message: status === 404 || status === 410 ? 'x.toolchain.not-available' : 'x.toolchain.download-failed',
      fix: status === 404 || status === 410 ? 'x.fix.toolchain.not-available' : 'x.fix.toolchain.download-failed',
      args: { toolchain: ctx.toolchain, reason: `{${reason}}`, status: String(status) },
    };
  }
  if (status === 404 || status === 410) {
    if (body && AUTH_BODY.test(body)) {
      const where = fam === 'sumdb' ? 'x.private-public.sumdb' : 'x.private-public.proxy';
      return { ...base, code: 'module.private-public', message: where, fix: 'x.fix.private-public', args: { pattern: privatePattern(module) } };
    }
    if (body && /fetch timed out/.test(body)) {
      return { ...base, code: 'proxy.upstream-timeout', severity: 'error', message: 'x.proxy.upstream-timeout', fix: 'x.fix.proxy.upstream-timeout' };
    }
    if (body && /unknown revision (\S+)/.test(body)) {
      return { ...base, code: 'module.unknown-revision', message: 'x.module.unknown-revision', fix: 'x.fix.module.unknown-revision', args: { revision: /unknown revision (\S+)/.exec(body)![1] } };
    }
    if (body && /invalid (?:pseudo-)?version/.test(body)) {
      return { ...base, code: 'module.invalid-version', message: 'x.module.invalid-version', fix: 'x.fix.module.invalid-version', args: { reason: /invalid (?:pseudo-)?version:?\s*(.*)$/.exec(body)![1] || body } };
    }
    if (fam === 'sumdb') return { ...base, code: 'sumdb.not-found', message: 'x.sumdb.not-found', fix: 'x.fix.sumdb.not-found', args: { pattern: privatePattern(module) } };
    if (fam === 'module') return { ...base, code: 'module.not-found', message: 'x.module.not-found.direct', fix: 'x.fix.module.not-found.direct' };
    return { ...base, code: 'module.not-found', message: ctx.url?.url.endsWith('/@v/list') || !version ? 'x.module.not-found.module' : 'x.module.not-found', fix: 'x.fix.module.not-found' };
  }
  const code = fam === 'module' ? 'module.unreachable' : undefined;
  if (status === 401 || status === 407) {
    return { ...base, code: code ?? `${fam}.auth-required`, message: `x.http.401.${fam}` as MessageKey, fix: 'x.fix.http.401' };
  }
  if (status === 403) return { ...base, code: code ?? `${fam}.http-4xx`, message: `x.http.403.${fam}` as MessageKey, fix: 'x.fix.http.403', args: { status: String(status) } };
  if (status === 429) return { ...base, code: code ?? `${fam}.http-4xx`, message: 'x.http.429', fix: 'x.fix.http.429', args: { status: String(status) } };
  if (status >= 500) return { ...base, code: code ?? `${fam}.http-5xx`, message: 'x.http.5xx', fix: 'x.fix.http.5xx', args: { status: `${status} ${statusText}`.trim() } };
  if (status >= 400) return { ...base, code: code ?? `${fam}.http-4xx`, message: 'x.http.4xx', fix: 'x.fix.http.4xx', args: { status: `${status} ${statusText}`.trim() } };
  return undefined;
}

/**
 * The GOPRIVATE pattern to suggest for a module: its first two path elements for the big code hosts
 * (github.com/org), else its first element (git.corp.example). Glob characters are kept out.
 */
export function privatePattern(module: string | undefined): string {
  if (!module) return '<module path prefix>';
  const parts = module.split('/');
  const hosts = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com', 'dev.azure.com', 'codeberg.org']);
  return hosts.has(parts[0]) && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0];
}

function fileLine(file: string, line: string): { file: string; line: number } {
  return { file, line: Number(line) };
}

export const SHAPES: Shape[] = [
  // ---------- checksums and go.sum (§7.5) ----------
  {
    id: 'gosum-mismatch',
    re: /verifying (\S+?)@(\S+?)(\/go\.mod)?: checksum mismatch\n\s*downloaded: (h1:\S+)\n\s*(\S*go(?:\.work)?\.sum):\s+(h1:\S+)/,
    build: (m) => ({
      code: 'gosum.mismatch',
      message: 'x.gosum.mismatch',
      fix: 'x.fix.gosum.mismatch',
      module: m[1],
      version: m[2],
      fixId: `cache:clear-version:${m[1]}@${m[2]}`,
      args: { sumfile: m[5] },
      evidence: { downloaded: m[4], recorded: m[6], file: m[5], goMod: m[3] !== undefined },
    }),
  },
  {
    id: 'sumdb-mismatch',
    re: /verifying (module|go\.mod): checksum mismatch\n\s*downloaded: (h1:\S+)\n\s*(\S+): (h1:\S+)/,
    build: (m, ctx) => ({
      code: 'sumdb.mismatch',
      message: 'x.sumdb.mismatch',
      fix: 'x.fix.sumdb.mismatch',
      module: ctx.module,
      version: ctx.version?.replace(/\/go\.mod$/, ''),
      args: { sumdb: m[3], pattern: privatePattern(ctx.module) },
      evidence: { downloaded: m[2], sumdb: m[3], expected: m[4], what: m[1] },
    }),
  },
  {
    id: 'sumdb-missing-record',
    re: /checksum missing from sumdb response|cannot authenticate record data in server response|cannot validate record \d+/,
    build: (_m, ctx) => ({ code: 'sumdb.bad-record', message: 'x.sumdb.bad-record', fix: 'x.fix.sumdb.bad-record', module: ctx.module, version: ctx.version, host: ctx.url?.host || undefined }),
  },
  {
    id: 'sumdb-misbehavior',
    re: /go\.sum database server misbehavior detected|security error: misbehaving server|checking tree#\d+/,
    build: (_m, ctx) => ({ code: 'sumdb.inconsistent', message: 'x.sumdb.inconsistent', fix: 'x.fix.sumdb.inconsistent', host: ctx.url?.host || undefined }),
  },
  {
    id: 'sumdb-note',
    re: /reading tree note: (invalid signature for key (\S+)|note has no verifiable signatures|malformed note|unknown key)/,
    build: (m, ctx) => {
      const unknown = /no verifiable signatures|unknown key/.test(m[1]);
      return {
        code: unknown ? 'sumdb.unknown-key' : 'sumdb.bad-signature',
        message: unknown ? 'x.sumdb.unknown-key' : 'x.sumdb.bad-signature',
        fix: 'x.fix.sumdb.signature',
        module: ctx.module,
        version: ctx.version?.replace(/\/go\.mod$/, ''),
        host: ctx.url?.host || undefined,
        evidence: { detail: m[1] },
      };
    },
  },
  {
    id: 'gosum-unknown-hash',
    re: /verifying (\S+?)@(\S+?): unknown hashes in go\.sum/,
    build: (m) => ({ code: 'gosum.unknown-hash', severity: 'warning', message: 'x.gosum.unknown-hash', fix: 'x.fix.gosum.unknown-hash', module: m[1], version: m[2] }),
  },
  {
    id: 'gosum-malformed',
    re: /(\S*go(?:\.work)?\.sum):(\d+): (wrong number of fields \d+|malformed [^\n]+|unknown hash[^\n]*)/,
    build: (m) => ({ code: 'gosum.syntax', message: 'x.gosum.syntax', fix: 'x.fix.gosum.syntax', ...fileLine(m[1], m[2]), args: { detail: m[3] } }),
  },
  {
    id: 'gosum-missing-package',
    re: /missing go\.sum entry for module providing package (\S+)(?: \(imported by (\S+)\))?/,
    build: (m, ctx) => ({
      code: 'gosum.missing',
      message: 'x.gosum.missing.package',
      fix: 'x.fix.gosum.missing',
      args: { package: m[1], command: addCommand(ctx.text) ?? 'go mod tidy' },
      fixId: 'go:mod tidy',
      key: m[1],
      evidence: { package: m[1], importedBy: m[2] },
    }),
  },
  {
    id: 'gosum-missing-gomod',
    re: /(\S+?)@(\S+?): missing go\.sum entry for go\.mod file/,
    build: (m, ctx) => ({
      code: 'gosum.missing',
      message: 'x.gosum.missing.gomod',
      fix: 'x.fix.gosum.missing',
      module: m[1].replace(/^go: /, ''),
      version: m[2],
      args: { command: addCommand(ctx.text) ?? `go mod download ${m[1]}` },
      fixId: 'go:mod tidy',
    }),
  },
  {
    id: 'gosum-missing-verify',
    re: /missing go\.sum entry needed to verify package (\S+)/,
    build: (m, ctx) => ({ code: 'gosum.missing', message: 'x.gosum.missing.verify', fix: 'x.fix.gosum.missing', args: { package: m[1], command: addCommand(ctx.text) ?? 'go mod tidy' }, fixId: 'go:mod tidy', key: m[1] }),
  },
  {
    id: 'gosum-updates-needed',
    re: /updates to go\.sum needed, disabled by -mod=(\w+)/,
    build: (m) => ({ code: 'gosum.missing', message: 'x.gosum.updates-needed', fix: 'x.fix.gosum.missing', args: { mode: m[1], command: 'go mod tidy' }, fixId: 'go:mod tidy' }),
  },
  {
    id: 'gosum-missing-generic',
    re: /missing go\.sum entry(?: for (\S+?))?(?:;|:|$)/m,
    build: (m, ctx) => ({
      code: 'gosum.missing',
      message: 'x.gosum.missing.module',
      fix: 'x.fix.gosum.missing',
      module: m[1]?.split('@')[0] ?? ctx.module,
      version: m[1]?.split('@')[1] ?? ctx.version,
      args: { command: addCommand(ctx.text) ?? 'go mod tidy' },
      fixId: 'go:mod tidy',
    }),
  },
  {
    id: 'gomod-updates-needed',
    re: /updates to go\.mod needed/,
    build: () => ({ code: 'gomod.update-needed', message: 'x.gomod.update-needed', fix: 'x.fix.gomod.update-needed', fixId: 'go:mod tidy' }),
  },

  // ---------- go env, GOPROXY, GOSUMDB (§7.2, §7.5, §7.6) ----------
  {
    id: 'goproxy-empty',
    re: /GOPROXY list is not the empty string, but contains no entries/,
    build: (_m, ctx) => ({ code: 'env.goproxy-empty', message: 'x.env.goproxy-empty', fix: 'x.fix.env.goproxy-empty', variable: 'GOPROXY', module: ctx.module, version: ctx.version, fixId: 'env:set:GOPROXY=https://proxy.golang.org,direct' }),
  },
  {
    id: 'goproxy-invalid',
    re: /invalid (?:file:\/\/ )?proxy URL[^:\n]*: (\S+)/,
    build: (m) => ({ code: 'env.goproxy-invalid', message: 'x.env.goproxy-invalid', fix: 'x.fix.env.goproxy-invalid', variable: 'GOPROXY', args: { entry: m[1] } }),
  },
  {
    id: 'goproxy-off',
    re: /(?:module|import) lookup disabled by GOPROXY=off/,
    build: (_m, ctx) => ({ code: 'env.goproxy-off', message: 'x.env.goproxy-off', fix: 'x.fix.env.goproxy-off', variable: 'GOPROXY', module: ctx.module, version: ctx.version }),
  },
  {
    id: 'vendor',
    re: /inconsistent vendoring|(?:module|import) lookup disabled by -mod=vendor/,
    build: () => ({ code: 'module.vendor-inconsistent', message: 'x.module.vendor-inconsistent', fix: 'x.fix.module.vendor-inconsistent', fixId: 'go:mod vendor' }),
  },
  {
    id: 'gosumdb-off',
    re: /checksum database disabled by GOSUMDB=off/,
    build: (_m, ctx) => ({ code: 'env.gosumdb-off', message: 'x.env.gosumdb-off', fix: 'x.fix.env.gosumdb-off', variable: 'GOSUMDB', module: ctx.module, version: ctx.version, args: { toolchain: ctx.toolchain ?? '' } }),
  },
  {
    id: 'gosumdb-missing',
    re: /verifying (?:module|go\.mod): missing GOSUMDB|^go: missing GOSUMDB/m,
    build: (_m, ctx) => ({ code: 'env.gosumdb-invalid', message: 'x.env.gosumdb-missing', fix: 'x.fix.env.gosumdb-missing', variable: 'GOSUMDB', module: ctx.module, version: ctx.version, fixId: 'env:set:GOSUMDB=sum.golang.org' }),
  },
  {
    id: 'gosumdb-invalid',
    re: /invalid GOSUMDB(?: URL)?: ([^\n]+)|invalid sumdb name \(must be host\[\/path\]\): (\S+)/,
    build: (m, ctx) => ({ code: 'env.gosumdb-invalid', message: 'x.env.gosumdb-invalid', fix: 'x.fix.env.gosumdb-invalid', variable: 'GOSUMDB', module: ctx.module, version: ctx.version, args: { detail: m[1] ?? m[2] } }),
  },

  // ---------- toolchain (§7.7) ----------
  {
    id: 'toolchain-not-available',
    re: /download (go1[^\s:]*) for (\S+): toolchain not available/,
    build: (m) => ({ code: 'toolchain.not-available', message: 'x.toolchain.not-available', fix: 'x.fix.toolchain.not-available', args: { toolchain: m[1], platform: m[2] } }),
  },
  {
    id: 'toolchain-too-old',
    re: /(\S+) requires go >= (\S+) \(running go (\S+?); GOTOOLCHAIN=([^;)]+)(?:; ([^)]*))?\)/,
    build: (m) => {
      const at = /^(.+?)@(v\S+)$/.exec(m[1]);
      return {
        code: 'toolchain.too-old',
        message: at ? 'x.toolchain.too-old.dependency' : 'x.toolchain.too-old',
        fix: m[4] === 'local' ? 'x.fix.toolchain.too-old.local' : 'x.fix.toolchain.too-old',
        module: at?.[1],
        version: at?.[2],
        file: at ? undefined : m[1].replace(/^go: /, ''),
        variable: 'GOTOOLCHAIN',
        args: { what: m[1].replace(/^go: /, ''), need: m[2], have: m[3], gotoolchain: m[4] },
      };
    },
  },
  {
    id: 'toolchain-not-in-path',
    re: /cannot find "(go1[^"]*)" in PATH/,
    build: (m) => ({ code: 'toolchain.not-in-path', message: 'x.toolchain.not-in-path', fix: 'x.fix.toolchain.not-in-path', variable: 'GOTOOLCHAIN', args: { toolchain: m[1] } }),
  },
  {
    id: 'gotoolchain-invalid',
    re: /invalid GOTOOLCHAIN "([^"]*)"/,
    build: (m) => ({ code: 'env.gotoolchain-invalid', message: 'x.env.gotoolchain-invalid', fix: 'x.fix.env.gotoolchain-invalid', variable: 'GOTOOLCHAIN', args: { value: m[1] } }),
  },
  {
    id: 'toolchain-loop',
    re: /too many toolchain switches/,
    build: () => ({ code: 'toolchain.switch-loop', message: 'x.toolchain.switch-loop', fix: 'x.fix.toolchain.switch-loop', variable: 'GOTOOLCHAIN' }),
  },

  // ---------- proxy answers (§7.2) ----------
  {
    id: 'http-status',
    re: /reading ((?:https?):\/\/\S+?): (\d{3})(?: ([^\n]*))?$/m,
    build: (m, ctx) => statusDraft(Number(m[2]), { ...ctx, url: classifyUrl(m[1]) }, m[3] ?? ''),
  },
  {
    id: 'file-proxy-missing',
    re: /reading (file:\/\/\S+?): (?:no such file or directory|The system cannot find the (?:file|path) specified\.?)/,
    build: (m, ctx) => {
      const url = classifyUrl(m[1]);
      const module = url.module ?? ctx.module;
      const version = url.version ?? ctx.version;
      const list = m[1].endsWith('/@v/list');
      return {
        code: 'module.not-found',
        message: list || !version ? 'x.module.not-found.module' : 'x.module.not-found',
        fix: 'x.fix.module.not-found',
        module,
        version,
        args: { host: url.base ?? m[1] },
        evidence: { url: m[1] },
      };
    },
  },
  {
    id: 'invalid-proxy-response',
    re: /invalid response from proxy "([^"]+)": ([^\n]+)/,
    build: (m, ctx) => {
      const html = /invalid character '<'/.test(m[2]);
      return {
        code: html ? 'proxy.html' : 'proxy.bad-json',
        message: html ? 'x.proxy.html' : 'x.proxy.bad-json',
        fix: 'x.fix.proxy.bad-response',
        module: ctx.module,
        version: ctx.version,
        host: classifyUrl(m[1]).host || undefined,
        args: { proxy: m[1], detail: m[2] },
        evidence: { proxy: m[1], detail: m[2] },
      };
    },
  },
  {
    id: 'proxy-wrong-version',
    re: /proxy returned info for version (\S+) instead of requested version/,
    build: (m, ctx) => ({ code: 'proxy.wrong-version', message: 'x.proxy.wrong-version', fix: 'x.fix.proxy.wrong-version', module: ctx.module, version: ctx.version, args: { got: m[1] } }),
  },
  {
    id: 'redirect-loop',
    re: /stopped after (\d+) redirects/,
    build: (m, ctx) => ({ code: `${family(ctx.url?.role)}.redirect-loop`, message: 'x.redirect-loop', fix: 'x.fix.redirect-loop', module: ctx.module, version: ctx.version, host: ctx.url?.host || undefined, args: { count: m[1] } }),
  },
  {
    id: 'insecure-redirect',
    re: /redirected from secure URL (\S+) to insecure URL (\S+)/,
    build: (m, ctx) => {
      const url = classifyUrl(m[1]);
      return { code: `${family(url.role)}.insecure-redirect`, message: 'x.insecure-redirect', fix: 'x.fix.insecure-redirect', module: ctx.module, version: ctx.version, host: url.host || undefined, args: { from: m[1], to: m[2] } };
    },
  },

  // ---------- direct VCS fetches (§7.3) ----------
  {
    id: 'git-credentials',
    re: /terminal prompts disabled|could not read (?:Username|Password) for '([^']+)'|Cannot prompt because user interactivity has been disabled/,
    build: (m, ctx) => {
      const host = m[1] ? safeHost(m[1]) : undefined;
      return { code: 'module.private-public', message: 'x.private-public.direct', fix: 'x.fix.private-public.direct', module: ctx.module, version: ctx.version, host, args: { pattern: privatePattern(ctx.module) } };
    },
  },
  {
    id: 'ssh-auth',
    re: /Permission denied \(publickey[^)]*\)|Host key verification failed|ssh: Could not resolve hostname ([^\s:]+)/,
    build: (m, ctx) => ({ code: 'module.vcs-auth', message: 'x.module.vcs-auth', fix: 'x.fix.module.vcs-auth', module: ctx.module, version: ctx.version, host: m[1], args: { detail: m[0] } }),
  },
  {
    id: 'repo-not-found',
    re: /fatal: repository '[^']+' not found|remote: Repository not found|remote: The project you were looking for could not be found/,
    build: (_m, ctx) => {
      const repo = /repository '([^']+)'/.exec(ctx.text)?.[1];
      return { code: 'module.not-found', message: 'x.module.not-found.repo', fix: 'x.fix.module.not-found.repo', module: ctx.module, version: ctx.version, host: repo ? safeHost(repo) : undefined, args: { pattern: privatePattern(ctx.module) } };
    },
  },
  {
    id: 'govcs',
    re: /GOVCS disallows using (\S+) for (public|private) (\S+?);/,
    build: (m) => ({ code: 'env.govcs-refused', message: 'x.env.govcs-refused', fix: 'x.fix.env.govcs-refused', variable: 'GOVCS', module: m[3], args: { vcs: m[1], kind: m[2] } }),
  },
  {
    id: 'no-secure-protocol',
    re: /no secure protocol found for repository/,
    build: (_m, ctx) => ({ code: 'module.unreachable', message: 'x.module.no-secure-protocol', fix: 'x.fix.module.no-secure-protocol', module: ctx.module, version: ctx.version }),
  },
  {
    id: 'no-go-import',
    re: /unrecognized import path "([^"]+)"[\s\S]*?no go-import meta tags/,
    build: (m) => ({ code: 'module.no-go-import', message: 'x.module.no-go-import', fix: 'x.fix.module.no-go-import', module: m[1], host: m[1].split('/')[0], args: { pattern: privatePattern(m[1]) } }),
  },

  // ---------- network and transport (§7.1) ----------
  {
    id: 'network',
    re: /(?:Get|read|fetch) "?[^"\s]*"?:[^\n]*|dial tcp[^\n]*|lookup \S+[^\n]*no such host|x509: [^\n]*|tls: [^\n]*|unexpected EOF|connection reset by peer|proxyconnect tcp[^\n]*|i\/o timeout/,
    build: (m, ctx) => {
      const kind = netKind(ctx.text);
      if (!kind) return undefined;
      return networkDraft(kind, ctx, m[0]);
    },
  },

  // ---------- paths, go.mod and queries (§7.4) ----------
  {
    id: 'path-mismatch',
    re: /module declares its path as: (\S+)\s+but was required as: (\S+)/,
    build: (m, ctx) => ({ code: 'module.path-mismatch', message: 'x.module.path-mismatch', fix: 'x.fix.module.path-mismatch', module: m[2], version: ctx.version, args: { declared: m[1], required: m[2] } }),
  },
  {
    id: 'path-malformed',
    re: /malformed (module|import) path "([^"]*)": ([^\n]+)/,
    build: (m) => ({ code: 'module.path-invalid', message: 'x.module.path-invalid', fix: 'x.fix.module.path-invalid', module: m[2], args: { kind: m[1], reason: m[3] } }),
  },
  {
    id: 'unknown-revision',
    re: /unknown revision (\S+)/,
    build: (m, ctx) => ({ code: 'module.unknown-revision', message: 'x.module.unknown-revision', fix: 'x.fix.module.unknown-revision', module: ctx.module, version: ctx.version, args: { revision: m[1] } }),
  },
  {
    id: 'gomod-major',
    re: /(\S*go\.(?:mod|work)):(\d+)(?::\d+)?: (?:\w+ )?(\S+): version "([^"]+)" invalid: should be (v\d+(?: or v1)?), not (v\d+)/,
    build: (m) => ({ code: 'gomod.major-mismatch', message: 'x.gomod.major-mismatch', fix: 'x.fix.gomod.major-mismatch', ...fileLine(m[1], m[2]), module: m[3], version: m[4], args: { want: m[5], got: m[6] } }),
  },
  {
    id: 'gomod-go-version',
    re: /(\S*go\.(?:mod|work)):(\d+)(?::\d+)?: invalid (go|toolchain) version '([^']*)'/,
    build: (m) => ({ code: 'gomod.version-invalid', message: 'x.gomod.go-version-invalid', fix: 'x.fix.gomod.go-version-invalid', ...fileLine(m[1], m[2]), args: { what: m[3], value: m[4] } }),
  },
  {
    id: 'invalid-version',
    re: /(?:invalid (?:pseudo-)?version|version "[^"]+" invalid): ([^\n]+)/,
    build: (m, ctx) => ({ code: 'module.invalid-version', message: 'x.module.invalid-version', fix: 'x.fix.module.invalid-version', module: ctx.module, version: ctx.version, args: { reason: m[1] } }),
  },
  {
    id: 'no-matching-versions',
    re: /no matching versions for query "([^"]+)"(?: \(current version is (\S+)\))?/,
    build: (m, ctx) => ({ code: 'module.no-matching-versions', message: 'x.module.no-matching-versions', fix: 'x.fix.module.no-matching-versions', module: ctx.module, args: { query: m[1] }, evidence: { current: m[2] } }),
  },
  {
    id: 'package-missing',
    re: /module (\S+?)@(\S+) found(?: \((\S+)\))?, but does not contain package(?:s matching)? (\S+)/,
    build: (m) => ({ code: 'module.package-missing', message: 'x.module.package-missing', fix: 'x.fix.module.package-missing', module: m[1], version: m[3] ?? m[2], args: { package: m[4] } }),
  },
  {
    id: 'no-required-module',
    re: /no required module provides package (\S+?)(?:;|$)/m,
    build: (m) => ({ code: 'module.missing-requirement', message: 'x.module.missing-requirement', fix: 'x.fix.module.missing-requirement', args: { package: m[1] }, fixId: `go:get ${m[1]}`, key: m[1] }),
  },
  {
    id: 'cannot-find-module',
    re: /cannot find module providing package (\S+?)(?::|$)/m,
    build: (m) => ({ code: 'module.package-not-found', message: 'x.module.package-not-found', fix: 'x.fix.module.package-not-found', args: { package: m[1] }, key: m[1] }),
  },
  {
    id: 'main-module-version',
    re: /can't request version "([^"]+)" of (?:the main module|pattern)[^\n]*|is in the main module, so can't request version (\S+)/,
    build: (m) => ({ code: 'module.main-module-version', message: 'x.module.main-module-version', fix: 'x.fix.module.main-module-version', args: { query: m[1] ?? m[2] } }),
  },
  {
    id: 'bad-zip',
    re: /zip for (\S+?)@(\S+) has unexpected file (\S+)|downloaded zip file too large|module source tree too large|zip: not a valid zip file|malformed file path "[^"]*": /,
    build: (m, ctx) => ({ code: 'module.bad-zip', message: 'x.module.bad-zip', fix: 'x.fix.module.bad-zip', module: m[1] ?? ctx.module, version: m[2] ?? ctx.version, fixId: m[1] ? `cache:clear-version:${m[1]}@${m[2]}` : undefined, args: { detail: m[0] } }),
  },

  // ---------- module cache and build cache (§6, §7.6) ----------
  {
    id: 'disk-full',
    re: /no space left on device|There is not enough space on the disk|disk quota exceeded/,
    build: (_m, ctx) => ({ code: 'cache.disk-full', message: 'x.cache.disk-full', fix: 'x.fix.cache.disk-full', args: { path: pathIn(ctx.text) ?? '' }, fixId: 'cache:plan' }),
  },
  {
    id: 'modcache-not-configured',
    re: /cannot clean -modcache without a module cache|module cache not found: neither GOMODCACHE nor GOPATH is set|build cache is required, but could not be located: (?!GOCACHE is not an absolute path)/,
    build: () => ({ code: 'cache.not-configured', message: 'x.cache.not-configured', fix: 'x.fix.cache.not-configured', variable: 'GOMODCACHE' }),
  },
  {
    id: 'path-relative',
    re: /(GOMODCACHE|GOPATH) entry is relative; must be absolute path: "([^"]*)"|(GOCACHE) is not an absolute path|(GOPATH) entry cannot start with shell metacharacter/,
    build: (m) => {
      const variable = m[1] ?? m[3] ?? m[4];
      return { code: 'env.path-relative', message: 'x.env.path-relative', fix: 'x.fix.env.path-relative', variable, args: { name: variable } };
    },
  },
  {
    id: 'gocache-off',
    re: /build cache is disabled by GOCACHE=off/,
    build: () => ({ code: 'cache.gocache-off', message: 'x.cache.gocache-off', fix: 'x.fix.cache.gocache-off', variable: 'GOCACHE', fixId: 'env:unset:GOCACHE' }),
  },
  {
    id: 'cache-not-directory',
    re: /(?:could not create module cache|failed to initialize build cache at \S+): (?:stat|mkdir) (\S+): not a directory/,
    build: (m) => ({ code: 'cache.not-directory', message: 'x.cache.not-directory', fix: 'x.fix.cache.not-directory', args: { path: m[1] } }),
  },
  {
    id: 'cache-not-writable',
    re: /(?:(?:mkdir|open|write|remove|unlinkat|chmod|creat) (\S+?)|(?:rename|link) \S+ (\S+?)): (permission denied|read-only file system|operation not permitted|Access is denied\.?)/,
    build: (m, ctx) => {
      const p = m[1] ?? m[2];
      // Only the caches: a permission error on go.mod or a source file is not a cache problem.
      if (!/\/pkg\/mod\b|go-build|\/cache\b|\\cache\\/.test(p) && !/module cache|build cache|stat cache|go\.mod cache/.test(ctx.text)) return undefined;
      return { code: 'cache.not-writable', message: 'x.cache.not-writable', fix: /read-only/.test(m[3]) ? 'x.fix.cache.read-only-fs' : 'x.fix.cache.not-writable', args: { path: p, detail: m[3] } };
    },
  },

  // ---------- go env (§7.6) ----------
  {
    id: 'env-unknown-variable',
    re: /unknown go command variable (\S+)/,
    build: (m) => ({ code: 'env.unknown-variable', message: 'x.env.unknown-variable', fix: 'x.fix.env.unknown-variable', variable: m[1], args: { name: m[1] } }),
  },
  {
    id: 'env-shadowed',
    re: /go env -w (\w+)=\.\.\. does not override conflicting OS environment variable/,
    build: (m) => ({ code: 'env.shadowed-envfile', severity: 'warning', message: 'x.env.shadowed', fix: 'x.fix.env.shadowed', variable: m[1], args: { name: m[1] } }),
  },
  {
    id: 'env-file',
    re: /(?:reading|writing) go env config: ([^\n]+)|cannot find go env config: ([^\n]+)|GOENV=off/,
    build: (m) => ({ code: 'env.envfile-error', message: 'x.env.envfile-error', fix: 'x.fix.env.envfile-error', variable: 'GOENV', args: { detail: m[1] ?? m[2] ?? m[0] } }),
  },

  {
    id: 'toolchain-download-failed',
    re: /download (go1[^\s:]*)(?: for \S+)?: ([^\n]+)/,
    build: (m) => ({ code: 'toolchain.download-failed', message: 'x.toolchain.download-failed', fix: 'x.fix.toolchain.download-failed', variable: 'GOTOOLCHAIN', args: { toolchain: m[1], reason: m[2] } }),
  },

  // ---------- go.mod itself ----------
  {
    id: 'gomod-missing',
    re: /go\.mod file not found in current directory or any parent directory|cannot find main module/,
    build: () => ({ code: 'gomod.missing', message: 'x.gomod.missing', fix: 'x.fix.gomod.missing' }),
  },
  {
    id: 'gomod-syntax',
    re: /(\S*go\.(?:mod|work)):(\d+)(?::\d+)?: ([^\n]+)/,
    build: (m) => ({ code: 'gomod.syntax', message: 'x.gomod.syntax', fix: 'x.fix.gomod.syntax', ...fileLine(m[1], m[2]), args: { detail: m[3] } }),
  },
];

/** The `go get …` / `go mod download …` command the go command suggests after "to add:". */
function addCommand(text: string): string | undefined {
  return /to add(?: it)?:\n\s*(go (?:get|mod download|mod tidy)[^\n]*)/.exec(text)?.[1]?.trim();
}

/** The first absolute file path in a text (for disk-full errors). */
function pathIn(text: string): string | undefined {
  return /(?:write|open|mkdir|rename) ((?:\/|[A-Za-z]:\\)\S+?):/.exec(text)?.[1];
}

/** host[:port] of a URL quoted in git output, without userinfo. */
function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export { urlsIn, hostName };
