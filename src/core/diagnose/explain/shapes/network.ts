// Network and transport failures (§7.1): netKind() and the drafts of proxy.*, sumdb.*, module.unreachable and toolchain.
import type { MessageKey } from '../../../i18n';
import { family, subjectArgs } from './common';
import type { Draft, Shape, ShapeContext } from './types';

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

/** The host of a URL, or the host named in a DNS/dial error when the URL is not known. */
function hostOf(ctx: ShapeContext): string | undefined {
  if (ctx.url?.host) return ctx.url.host;
  const lookup = /lookup ([^\s:]+)(?: on [^:]+:\d+)?: /.exec(ctx.text);
  if (lookup) return lookup[1];
  const dial = /dial tcp ([^\s:]+|\[[^\]]+\]):\d+/.exec(ctx.text);
  return dial?.[1];
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

export const NETWORK_SHAPES: Shape[] = [
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
];
