// HTTP_PROXY / HTTPS_PROXY / NO_PROXY exactly as Go's net/http applies them (golang.org/x/net/http/httpproxy):
// upper case first, chosen by the request's scheme, never for localhost or loopback IPs, NO_PROXY with
// domains (and their subdomains), ".domain" (subdomains only), "*.", IPs, CIDRs and ports, "*" for all.
import { BlockList, isIP } from 'node:net';
import { parseGoUrl } from '../goenv/goproxy';

export interface ForwardProxy {
  scheme: string;
  host: string;
  port: number;
  /** Decoded "user:password" from the proxy URL's userinfo; sent as Proxy-Authorization, never shown. */
  auth?: string;
  /** The proxy URL without userinfo, for display. */
  display: string;
}

export interface ProxyEnv {
  httpProxy?: ForwardProxy;
  httpsProxy?: ForwardProxy;
  /** REQUEST_METHOD is set: Go refuses HTTP_PROXY for http requests (golang.org/s/cgihttpproxy). */
  cgi: boolean;
  noProxy: string;
  /** Values Go silently ignores because they do not parse. */
  ignored: string[];
}

function getEnvAny(env: Record<string, string | undefined>, ...names: string[]): string {
  for (const n of names) {
    const v = env[n];
    if (v) return v;
  }
  return '';
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, socks5: 1080, socks5h: 1080 };

/** parseProxy: a URL with scheme and host, else "http://" + value; undefined when neither parses. */
export function parseProxyValue(value: string): ForwardProxy | undefined {
  if (value === '') return undefined;
  let parsed = parseGoUrl(value);
  if (parsed.error || !parsed.url?.scheme || !parsed.url.host) {
    const retry = parseGoUrl('http://' + value);
    if (!retry.error) parsed = retry;
  }
  const u = parsed.url;
  if (parsed.error || !u) return undefined;
  let host = u.host;
  let port = DEFAULT_PORTS[u.scheme] ?? 0;
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host);
  if (m) {
    host = m[1].replace(/^\[|\]$/g, '');
    if (m[2]) port = Number(m[2]);
  }
  const out: ForwardProxy = { scheme: u.scheme, host, port, display: `${u.scheme}://${u.host}` };
  if (u.userinfo !== undefined) {
    const [user, ...rest] = u.userinfo.split(':');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    out.auth = rest.length ? `${dec(user)}:${dec(rest.join(':'))}` : dec(user);
  }
  return out;
}

export function proxyEnvFrom(env: Record<string, string | undefined>): ProxyEnv {
  const httpRaw = getEnvAny(env, 'HTTP_PROXY', 'http_proxy');
  const httpsRaw = getEnvAny(env, 'HTTPS_PROXY', 'https_proxy');
  const out: ProxyEnv = {
    httpProxy: parseProxyValue(httpRaw),
    httpsProxy: parseProxyValue(httpsRaw),
    cgi: (env.REQUEST_METHOD ?? '') !== '',
    noProxy: getEnvAny(env, 'NO_PROXY', 'no_proxy'),
    ignored: [],
  };
  if (httpRaw && !out.httpProxy) out.ignored.push('HTTP_PROXY');
  if (httpsRaw && !out.httpsProxy) out.ignored.push('HTTPS_PROXY');
  return out;
}

function isLoopback(host: string): boolean {
  const v = isIP(host);
  if (v === 4) return host.startsWith('127.');
  if (v === 6) {
    const bl = new BlockList();
    bl.addAddress('::1', 'ipv6');
    return bl.check(host, 'ipv6') || /^::ffff:127\./i.test(host);
  }
  return false;
}

function splitHostPort(s: string): { host: string; port: string } | undefined {
  const m = /^\[([^\]]*)\]:(\d*)$/.exec(s) ?? /^([^:[\]]*):(\d*)$/.exec(s);
  return m ? { host: m[1], port: m[2] } : undefined;
}

/** useProxy: false when NO_PROXY (or the loopback rule) exempts host:port. */
export function useProxy(noProxy: string, host: string, port: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || isLoopback(h)) return false;
  const ipVersion = isIP(h);
  for (const raw of noProxy.split(',')) {
    const p = raw.trim().toLowerCase();
    if (p === '') continue;
    if (p === '*') return false;
    const cidr = /^(.+)\/(\d+)$/.exec(p);
    if (cidr && isIP(cidr[1])) {
      if (ipVersion) {
        const fam = isIP(cidr[1]) === 4 ? 'ipv4' : 'ipv6';
        const bl = new BlockList();
        try {
          bl.addSubnet(cidr[1], Number(cidr[2]), fam);
          if (bl.check(h, ipVersion === 4 ? 'ipv4' : 'ipv6')) return false;
        } catch {
          // a malformed CIDR is ignored, as Go ignores entries that do not parse
        }
      }
      continue;
    }
    let phost = p;
    let pport = '';
    const hp = splitHostPort(p);
    if (hp) {
      if (hp.host === '') continue;
      phost = hp.host;
      pport = hp.port;
    }
    if (isIP(phost)) {
      if (ipVersion && isIP(phost) === ipVersion) {
        const bl = new BlockList();
        bl.addAddress(phost, ipVersion === 4 ? 'ipv4' : 'ipv6');
        if (bl.check(h, ipVersion === 4 ? 'ipv4' : 'ipv6') && (pport === '' || pport === port)) return false;
      }
      continue;
    }
    if (phost === '') continue;
    if (ipVersion) continue; // domain entries never match an IP host
    if (phost.startsWith('*.')) phost = phost.slice(1);
    const matchHost = !phost.startsWith('.');
    if (matchHost) phost = '.' + phost;
    if (h.endsWith(phost) || (matchHost && h === phost.slice(1))) {
      if (pport === '' || pport === port) return false;
    }
  }
  return true;
}

/** The forward proxy Go would use for a request URL, or undefined for a direct connection (or an error text). */
export function proxyForUrl(cfg: ProxyEnv, url: URL): { proxy?: ForwardProxy; error?: string } {
  const scheme = url.protocol.replace(/:$/, '');
  let proxy: ForwardProxy | undefined;
  if (scheme === 'https') proxy = cfg.httpsProxy;
  else if (scheme === 'http') {
    proxy = cfg.httpProxy;
    if (proxy && cfg.cgi) return { error: 'refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy' };
  }
  if (!proxy) return {};
  const port = url.port || String(DEFAULT_PORTS[scheme] ?? '');
  if (!useProxy(cfg.noProxy, url.hostname, port)) return {};
  return { proxy };
}
