// Proxy answers (§7.2): HTTP statuses from a proxy, checksum database or go-get discovery, bad responses, redirects.
import type { MessageKey } from '../../../i18n';
import { classifyUrl } from '../urls';
import { family, privatePattern, subjectArgs } from './common';
import type { Draft, Shape, ShapeContext } from './types';

const AUTH_BODY = /terminal prompts disabled|could not read (?:Username|Password)|Cannot prompt because user interactivity has been disabled|Permission denied \(publickey|authentication required|Authentication failed|invalid username or password|HTTP Basic: Access denied/i;

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

export const PROXY_SHAPES: Shape[] = [
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
];
