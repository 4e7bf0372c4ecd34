// Public module mirrors compared with the configured entries (go-modules-reference §9). Configuration only:
// which one is healthy and fastest is measured at run time, never assumed.
export const KNOWN_PUBLIC_MIRRORS: readonly string[] = [
  'https://proxy.golang.org',
  'https://goproxy.cn',
  'https://goproxy.io',
  'https://mirrors.aliyun.com/goproxy/',
];

/** The module asked for by default: public, tagged, served by every mirror. */
export const DEFAULT_PROBE_MODULE = 'golang.org/x/mod';

/** A version of DEFAULT_PROBE_MODULE in sum.golang.org, used when no proxy reported one. */
export const DEFAULT_SUMDB_LOOKUP = { module: 'golang.org/x/mod', version: 'v0.17.0' } as const;

/** Compares proxy URLs the way a person means them: scheme, host and path, without a trailing slash. */
export function sameProxy(a: string, b: string): boolean {
  const norm = (s: string) => {
    try {
      const u = new URL(s);
      return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
    } catch {
      return s.replace(/\/+$/, '');
    }
  };
  return norm(a) === norm(b);
}
