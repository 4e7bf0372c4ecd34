// What a URL in the go command's output was for: a GOPROXY request, a checksum-database request, or a direct
// (go-get discovery) request; and which module and version it names. The family of a network finding follows
// from this role (proxy.* / sumdb.* / module.*).
import { unescapePath, unescapeVersion } from '../../modfile/module';

export type UrlRole = 'proxy' | 'sumdb' | 'direct' | 'unknown';

export interface UrlFacts {
  url: string;
  /** host[:port] as written in the URL; empty for file:// URLs. */
  host: string;
  role: UrlRole;
  /** The GOPROXY entry (or GOSUMDB URL) the request went to: the URL up to the module path or sumdb suffix. */
  base?: string;
  module?: string;
  version?: string;
  /** The checksum database name for "<proxy>/sumdb/<name>/..." URLs. */
  sumdb?: string;
}

/** "!"-decoding that never fails: the strict decoder first, then a lenient one for odd input. */
function unescape(s: string, strict: (x: string) => string | undefined): string {
  return strict(s) ?? s.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Classifies a URL printed by the go command (already credential-redacted by go; we never print userinfo). */
export function classifyUrl(raw: string): UrlFacts {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { url: raw, host: '', role: 'unknown' };
  }
  const host = u.host;
  const url = raw;
  const path = decodeURIComponent(u.pathname);
  if (u.searchParams.get('go-get') === '1') {
    const module = path.replace(/^\/+/, '');
    return { url, host, role: 'direct', module: host + (module ? '/' + module : '') };
  }
  // <proxy>/sumdb/<name>/{supported,latest,lookup/<m>@<v>,tile/...}
  let m = /^(.*?)\/sumdb\/([^/]+)\/(supported|latest|lookup\/(.+)|tile\/.*)$/.exec(path);
  if (m) {
    const facts: UrlFacts = { url, host, role: 'sumdb', base: `${u.protocol}//${u.host}${m[1]}`, sumdb: m[2] };
    if (m[4]) Object.assign(facts, splitModuleVersion(m[4]));
    return facts;
  }
  // A checksum database reached at its own URL: <db>/lookup/<m>@<v>, <db>/tile/..., <db>/latest.
  m = /^(.*?)\/(lookup\/(.+)|tile\/\d+\/(?:data|\d+)\/.*|latest)$/.exec(path);
  if (m && !path.includes('/@v/')) {
    const facts: UrlFacts = { url, host, role: 'sumdb', base: `${u.protocol}//${u.host}${m[1]}` };
    if (m[3]) Object.assign(facts, splitModuleVersion(m[3]));
    return facts;
  }
  // <proxy>/<escaped module>/@v/list, /@v/<escaped version>.{info,mod,zip}, /@latest
  m = /^(.*?)\/(?:@v\/(?:list|(.+)\.(?:info|mod|zip))|@latest)$/.exec(path);
  if (m) {
    const { module, base } = splitProxyPath(m[1]);
    const origin = u.protocol === 'file:' ? 'file://' : `${u.protocol}//${u.host}`;
    const out: UrlFacts = { url, host, role: 'proxy', base: origin + base, module };
    if (m[2]) out.version = unescape(m[2], unescapeVersion);
    return out;
  }
  return { url, host, role: 'unknown' };
}

/**
 * Splits "<proxy path>/<escaped module path>": the module path starts at the first segment with a dot, as every
 * module path's first element has one ("/goproxy/github.com/x/y" → "/goproxy" + "github.com/x/y").
 */
function splitProxyPath(p: string): { module: string; base: string } {
  const segments = p.split('/').filter((s) => s !== '');
  let start = segments.findIndex((s) => s.includes('.'));
  if (start < 0) start = 0;
  return { module: unescape(segments.slice(start).join('/'), unescapePath), base: segments.slice(0, start).map((s) => '/' + s).join('') };
}

function splitModuleVersion(s: string): { module?: string; version?: string } {
  const at = s.lastIndexOf('@');
  if (at <= 0) return { module: unescape(s, unescapePath) };
  return { module: unescape(s.slice(0, at), unescapePath), version: unescape(s.slice(at + 1), unescapeVersion) };
}

/** The URLs named in a piece of go output: `reading <URL>`, `Get "<URL>"`, `read "<URL>"`, `# get <URL>`. */
export function urlsIn(text: string): string[] {
  const out: string[] = [];
  // Go ≥ 1.14 quotes the URL in `Get "<URL>": …`; older releases wrote `Get <URL>: …`.
  const re = /(?:reading |Get "?|read "|fetch "|# get |parse |invalid response from proxy ")((?:https?|file):\/\/[^\s"]+?)(?=":|: |"|\s|$)/g;
  for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** The host name without the port, for messages and probes. */
export function hostName(hostPort: string): string {
  if (hostPort.startsWith('[')) return hostPort.slice(1, hostPort.indexOf(']'));
  const i = hostPort.lastIndexOf(':');
  return i > 0 && /^\d+$/.test(hostPort.slice(i + 1)) ? hostPort.slice(0, i) : hostPort;
}
