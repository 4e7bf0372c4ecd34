// Go toolchain/language versions ("1.21", "1.21rc1", "1.21.0"), ordered as cmd/go's gover.Compare orders them.
// Not semver: 1.21 (the language) < 1.21rc1 < 1.21.0 (the first release), and before 1.21 "1.20" means 1.20.0.

/** The strict format of the `go` line (x/mod GoVersionRE). */
const goLineRe = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;

/** The format a `toolchain` line must have (x/mod ToolchainRE). */
const toolchainLineRe = /^default$|^go1($|\.)/;

export function isValidGoVersion(v: string): boolean {
  return goLineRe.test(v);
}

export function isValidToolchainName(name: string): boolean {
  return toolchainLineRe.test(name);
}

interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  kind: string; // "", "alpha", "beta", "rc", …
  pre: string;
}

const none: GoVersion = { major: '', minor: '', patch: '', kind: '', pre: '' };

function cutInt(x: string): [string, string] | undefined {
  const m = /^[0-9]+/.exec(x);
  if (!m || (m[0][0] === '0' && m[0].length > 1)) return undefined;
  return [m[0], x.slice(m[0].length)];
}

function cmpInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

/** internal/gover.Parse; every field empty when invalid. */
function parseGoVersion(x: string): GoVersion {
  const major = cutInt(x);
  if (!major) return none;
  const v: GoVersion = { ...none, major: major[0] };
  let rest = major[1];
  if (rest === '') return { ...v, minor: '0', patch: '0' };
  if (rest[0] !== '.') return none;
  const minor = cutInt(rest.slice(1));
  if (!minor) return none;
  v.minor = minor[0];
  rest = minor[1];
  if (rest === '') {
    if (cmpInt(v.minor, '21') < 0) v.patch = '0';
    return v;
  }
  if (rest[0] === '.') {
    const patch = cutInt(rest.slice(1));
    if (!patch || patch[1] !== '') return none;
    return { ...v, patch: patch[0] };
  }
  const kind = /^[a-z]+/.exec(rest);
  if (!kind) return none;
  v.kind = kind[0];
  rest = rest.slice(kind[0].length);
  if (rest === '') return v;
  const pre = cutInt(rest);
  if (!pre || pre[1] !== '') return none;
  v.pre = pre[0];
  return v;
}

/** True for any version cmd/go understands (gover.IsValid), e.g. "1.21", "1.21rc1", "1.21.3", "1". */
export function isGoVersion(v: string): boolean {
  return parseGoVersion(v).major !== '';
}

/** gover.Compare: -1, 0 or 1. Invalid versions compare equal to each other and below every valid one. */
export function compareGoVersions(a: string, b: string): -1 | 0 | 1 {
  const x = parseGoVersion(a);
  const y = parseGoVersion(b);
  const c =
    cmpInt(x.major, y.major) || cmpInt(x.minor, y.minor) || cmpInt(x.patch, y.patch) ||
    (x.kind === y.kind ? 0 : x.kind < y.kind ? -1 : 1) || cmpInt(x.pre, y.pre);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** gover.Lang: "1.21.3" → "1.21", "1.21rc1" → "1.21", "1" → "1". */
export function goLanguageVersion(v: string): string {
  const p = parseGoVersion(v);
  if (p.minor === '' || (p.major === '1' && p.minor === '0')) return p.major;
  return `${p.major}.${p.minor}`;
}

/**
 * gover.FromToolchain: the Go version a toolchain name stands for: "go1.22.3-custom" → "1.22.3".
 * undefined for "default", "local", path-like or otherwise invalid names.
 */
export function goVersionOfToolchain(name: string): string | undefined {
  if (/[\\/]/.test(name) || !name.startsWith('go')) return undefined;
  let v = name.slice(2);
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return isGoVersion(v) ? v : undefined;
}
