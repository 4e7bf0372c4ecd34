// GOPROXY lists as cmd/go's proxyList parses them: separators, direct/off, implicit https://, URL checks.
import { redactSecrets } from '../report/redact';

export type ProxyEntryKind = 'url' | 'direct' | 'off' | 'noproxy';

export interface ProxyEntry {
  kind: ProxyEntryKind;
  /** The URL for kind "url" (after the implicit "https://" was added). */
  url?: string;
  /**
   * How the go command moves on after this entry fails: true for "|" (on any error), false for "," or the end of
   * the list (only on 404/410 and other not-found errors).
   */
  fallbackOnError: boolean;
  /** The trimmed text as written (for url entries before "https://" was added). */
  raw?: string;
}

export interface ParsedGoproxy {
  /** The entries in order, without the implicit "noproxy" (see proxyList). */
  entries: ProxyEntry[];
  /** Entries after "direct" or "off" that the go command ignores. */
  ignored: string[];
  /** The first entry the go command rejects; when set, every lookup fails with `error`. */
  invalid?: { raw: string; url: string; error: string };
  /** Set when the go command refuses the whole list (an invalid entry, or no entries at all). */
  error?: string;
}

export const NO_ENTRIES_ERROR = 'GOPROXY list is not the empty string, but contains no entries';

function isAbsPath(s: string, platform: NodeJS.Platform): boolean {
  if (s.startsWith('/')) return true; // path.IsAbs, checked on every platform
  return platform === 'win32' && (/^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\'));
}

export interface GoUrl {
  scheme: string;
  userinfo?: string;
  host: string;
  path: string;
  opaque?: string;
  query?: string;
  fragment?: string;
  hasAuthority: boolean;
}

const HOST_OK = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]%]*$/;
const USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

/** A subset of Go's url.Parse that reproduces the errors GOPROXY and GOSUMDB values run into. */
export function parseGoUrl(raw: string): { url?: GoUrl; error?: string } {
  const fail = (why: string) => ({ error: `parse "${redactSecrets(raw)}": ${why}` });
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail('net/url: invalid control character in URL');
  let rest = raw;
  let scheme = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) return fail('missing protocol scheme');
      scheme = raw.slice(0, i).toLowerCase();
      rest = raw.slice(i + 1);
    }
    break;
  }
  let fragment: string | undefined;
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    fragment = rest.slice(hashAt + 1);
    rest = rest.slice(0, hashAt);
  }
  let query: string | undefined;
  const qAt = rest.indexOf('?');
  if (qAt >= 0) {
    query = rest.slice(qAt + 1);
    rest = rest.slice(0, qAt);
  }
  if (scheme && !rest.startsWith('/')) {
    return { url: { scheme, host: '', path: '', opaque: rest, query, fragment, hasAuthority: false } };
  }
  if (!scheme && rest.includes(':') && !rest.slice(0, rest.indexOf(':')).includes('/')) {
    return fail('first path segment in URL cannot contain colon');
  }
  let host = '';
  let userinfo: string | undefined;
  let hasAuthority = false;
  if (rest.startsWith('//') && (scheme !== '' || !rest.startsWith('///'))) {
    hasAuthority = true;
    const after = rest.slice(2);
    const slash = after.indexOf('/');
    let authority = slash >= 0 ? after.slice(0, slash) : after;
    rest = slash >= 0 ? after.slice(slash) : '';
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      userinfo = authority.slice(0, at);
      authority = authority.slice(at + 1);
      if (!USERINFO_OK.test(userinfo)) return fail('net/url: invalid userinfo');
    }
    host = authority;
    if (host.startsWith('[')) {
      const close = host.indexOf(']');
      if (close < 0) return fail('missing \']\' in host');
      const port = host.slice(close + 1);
      if (port !== '' && !/^:[0-9]*$/.test(port)) return fail(`invalid port "${port}" after host`);
    } else {
      const colon = host.lastIndexOf(':');
      if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon))) return fail(`invalid port "${host.slice(colon)}" after host`);
    }
    const bad = [...host].find((c) => c.charCodeAt(0) < 0x80 && !HOST_OK.test(c));
    if (bad !== undefined) return fail(`invalid character "${bad}" in host name`);
    if (/%(?![0-9A-Fa-f]{2})/.test(host)) return fail(`invalid URL escape "${host.slice(host.indexOf('%'), host.indexOf('%') + 3)}"`);
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(rest)) return fail(`invalid URL escape "${rest.slice(rest.indexOf('%'), rest.indexOf('%') + 3)}"`);
  return { url: { scheme, userinfo, host, path: rest, query, fragment, hasAuthority } };
}

/** What newProxyRepo says about a proxy URL: undefined when the go command accepts it. */
export function checkProxyUrl(url: string): string | undefined {
  const parsed = parseGoUrl(url);
  if (parsed.error) return parsed.error;
  const u = parsed.url!;
  const shown = redactSecrets(url);
  switch (u.scheme) {
    case 'http':
    case 'https':
      return undefined;
    case 'file':
      if (u.opaque !== undefined || u.userinfo !== undefined || u.host !== '' || u.query !== undefined || u.fragment !== undefined) {
        return `invalid file:// proxy URL with non-path elements: ${shown}`;
      }
      return undefined;
    case '':
      return `invalid proxy URL missing scheme: ${shown}`;
    default:
      return `invalid proxy URL scheme (must be https, http, file): ${shown}`;
  }
}

/** Parses GOPROXY exactly as proxyList does, without the implicit noproxy entry. */
export function parseGoproxy(value: string, platform: NodeJS.Platform = process.platform): ParsedGoproxy {
  const entries: ProxyEntry[] = [];
  const ignored: string[] = [];
  let rest = value;
  let stopped = false;
  let invalid: ParsedGoproxy['invalid'];
  while (rest !== '') {
    const i = rest.search(/[,|]/);
    let token: string;
    let fallbackOnError = false;
    if (i >= 0) {
      token = rest.slice(0, i);
      fallbackOnError = rest[i] === '|';
      rest = rest.slice(i + 1);
    } else {
      token = rest;
      rest = '';
    }
    const trimmed = token.trim();
    if (trimmed === '') continue;
    if (stopped) {
      ignored.push(trimmed);
      continue;
    }
    if (trimmed === 'off' || trimmed === 'direct') {
      entries.push({ kind: trimmed, fallbackOnError, raw: trimmed });
      stopped = true;
      continue;
    }
    let url = trimmed;
    if (/[.:/]/.test(url) && !url.includes(':/') && !isAbsPath(url, platform)) url = 'https://' + url;
    const err = checkProxyUrl(url);
    if (err && !invalid) invalid = { raw: trimmed, url, error: err };
    entries.push({ kind: 'url', url, fallbackOnError, raw: trimmed });
  }
  const out: ParsedGoproxy = { entries, ignored };
  if (invalid) {
    out.invalid = invalid;
    out.error = invalid.error;
  } else if (entries.length === 0) {
    out.error = NO_ENTRIES_ERROR;
  }
  return out;
}

/**
 * The list the go command walks for a module fetch: an implicit "noproxy" first when GONOPROXY is non-empty and
 * GOPROXY is not exactly "direct", then the parsed entries.
 */
export function proxyList(goproxy: string, gonoproxy: string, platform: NodeJS.Platform = process.platform): { list: ProxyEntry[]; parsed: ParsedGoproxy; error?: string } {
  const parsed = parseGoproxy(goproxy, platform);
  const list: ProxyEntry[] = [];
  if (gonoproxy !== '' && goproxy !== 'direct') list.push({ kind: 'noproxy', fallbackOnError: false });
  list.push(...parsed.entries);
  return { list, parsed, error: parsed.error };
}

/** Host (and port) of a proxy URL, for display and for matching recorded traffic; undefined for file:// URLs. */
export function proxyHost(url: string): string | undefined {
  const p = parseGoUrl(url).url;
  return p && p.host ? p.host.toLowerCase() : undefined;
}

/** Formats entries back into a GOPROXY value (used by fixes that drop or re-join entries). */
export function formatGoproxy(entries: Array<Pick<ProxyEntry, 'kind' | 'url' | 'fallbackOnError' | 'raw'>>): string {
  let out = '';
  entries.forEach((e, i) => {
    out += e.kind === 'url' ? e.raw ?? e.url ?? '' : e.kind;
    if (i < entries.length - 1) out += e.fallbackOnError ? '|' : ',';
  });
  return out;
}
