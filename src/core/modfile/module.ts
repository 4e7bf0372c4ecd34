// Module paths, import paths and their "!" case-escaping, following golang.org/x/mod/module.
// Error texts are the go command's, e.g. `malformed module path "foo/bar": missing dot in first path element`.
import { goQuote, goQuoteRune, isGoLetter, isWellFormed } from './gostrings';
import { semverBuild, semverMajor } from './semver';

type PathKind = 'module' | 'import' | 'file';

const windowsReserved = new Set([
  'CON', 'PRN', 'AUX', 'NUL',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`]),
]);

const isAsciiAlnum = (cp: number) =>
  (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

function runeOK(cp: number, kind: PathKind): boolean {
  if (kind === 'file') {
    if (cp >= 0x80) return isGoLetter(cp);
    return isAsciiAlnum(cp) || "!#$%&()+,-.=@[]^_{}~ ".includes(String.fromCharCode(cp));
  }
  if (cp >= 0x80) return false;
  return isAsciiAlnum(cp) || '-._~'.includes(String.fromCharCode(cp)) || (kind === 'import' && cp === 0x2b);
}

/** The reason a path element is invalid (without the "malformed … path" wrapper), or undefined. */
function checkElem(elem: string, kind: PathKind): string | undefined {
  if (elem === '') return 'empty path element';
  if (/^\.+$/.test(elem)) return `invalid path element ${goQuote(elem)}`;
  if (elem[0] === '.' && kind === 'module') return 'leading dot in path element';
  if (elem.endsWith('.')) return 'trailing dot in path element';
  for (const ch of elem) {
    const cp = ch.codePointAt(0)!;
    if (!runeOK(cp, kind)) return `invalid char ${goQuoteRune(cp)}`;
  }
  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  if (windowsReserved.has(short.toUpperCase()) && /^[A-Za-z0-9]+$/.test(short)) {
    return `${goQuote(short)} disallowed as path element component on Windows`;
  }
  if (kind === 'file') return undefined;
  const tilde = short.lastIndexOf('~');
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return 'trailing tilde and digits in path element';
  }
  return undefined;
}

function checkPathCommon(path: string, kind: PathKind): string | undefined {
  if (!isWellFormed(path)) return 'invalid UTF-8';
  if (path === '') return 'empty string';
  if (path[0] === '-' && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path.endsWith('/')) return 'trailing slash';
  for (const elem of path.split('/')) {
    const err = checkElem(elem, kind);
    if (err) return err;
  }
  return undefined;
}

const malformed = (kind: PathKind, path: string, reason: string) => `malformed ${kind} path ${goQuote(path)}: ${reason}`;

function checkModulePathReason(path: string): string | undefined {
  const common = checkPathCommon(path, 'module');
  if (common) return common;
  const slash = path.indexOf('/');
  const first = slash < 0 ? path : path.slice(0, slash);
  if (first === '') return 'leading slash';
  if (!first.includes('.')) return 'missing dot in first path element';
  if (path[0] === '-') return 'leading dash in first path element';
  for (const ch of first) {
    if (!/^[-.0-9a-z]$/.test(ch)) return `invalid char ${goQuoteRune(ch.codePointAt(0)!)} in first path element`;
  }
  if (!splitPathVersion(path).ok) return 'invalid version';
  return undefined;
}

/** module.CheckPath: undefined when path is a valid module path, else go's full error text. */
export function checkPath(path: string): string | undefined {
  const reason = checkModulePathReason(path);
  return reason === undefined ? undefined : malformed('module', path, reason);
}

/** module.CheckImportPath: undefined when valid, else go's full error text. */
export function checkImportPath(path: string): string | undefined {
  const reason = checkPathCommon(path, 'import');
  return reason === undefined ? undefined : malformed('import', path, reason);
}

/** module.CheckFilePath: undefined when valid, else go's full error text. */
export function checkFilePath(path: string): string | undefined {
  const reason = checkPathCommon(path, 'file');
  return reason === undefined ? undefined : malformed('file', path, reason);
}

/**
 * module.SplitPathVersion: splits "x.com/m/v2" into prefix "x.com/m" and pathMajor "/v2" (or "gopkg.in/yaml.v3"
 * into "gopkg.in/yaml" and ".v3"). ok is false for a malformed suffix such as /v1, /v0, /v2.1 or /v02.
 */
export function splitPathVersion(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && /[0-9.]/.test(path[i - 1])) {
    if (path[i - 1] === '.') dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') {
    return { prefix: path, pathMajor: '', ok: true };
  }
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

function splitGopkgIn(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && /[0-9]/.test(path[i - 1])) i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return { prefix: path, pathMajor: '', ok: false };
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

/**
 * module.CheckPathMajor: undefined when version v fits the path's major-version suffix, else go's text,
 * e.g. `version "v1.0.0" invalid: should be v2, not v1`. The second argument may be a pathMajor ("/v2", ".v1",
 * "") or a whole module path, from which the suffix is taken.
 */
export function checkPathMajor(v: string, pathOrMajor: string): string | undefined {
  let pathMajor = pathOrMajor;
  if (pathOrMajor !== '' && !/^[/.]v[0-9]+(-unstable)?$/.test(pathOrMajor)) {
    pathMajor = splitPathVersion(pathOrMajor).pathMajor;
  }
  if (pathMajor.startsWith('.v') && pathMajor.endsWith('-unstable')) pathMajor = pathMajor.slice(0, -'-unstable'.length);
  if (v.startsWith('v0.0.0-') && pathMajor === '.v1') return undefined;
  const m = semverMajor(v);
  let want: string;
  if (pathMajor === '') {
    if (m === 'v0' || m === 'v1' || semverBuild(v) === '+incompatible') return undefined;
    want = 'v0 or v1';
  } else {
    if (m === pathMajor.slice(1)) return undefined;
    want = pathMajor.slice(1);
  }
  return `version ${goQuote(v)} invalid: should be ${want}, not ${m}`;
}

const escapeCase = (s: string) => s.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());

/** The strict "!" decoding; undefined for a bare uppercase letter, a bad or trailing "!", or non-ASCII. */
function unescapeCase(s: string): string | undefined {
  if (/[^\x00-\x7f]|[A-Z]|![^a-z]|!$/.test(s)) return undefined;
  return s.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** module.EscapePath: "github.com/BurntSushi/toml" → "github.com/!burnt!sushi/toml"; throws go's error text. */
export function escapePath(path: string): string {
  const err = checkPath(path);
  if (err) throw new Error(err);
  return escapeCase(path);
}

/** module.UnescapePath; undefined when s is not a valid escaped module path. */
export function unescapePath(s: string): string | undefined {
  const path = unescapeCase(s);
  return path !== undefined && checkPath(path) === undefined ? path : undefined;
}

/** module.EscapeVersion; throws `version "…" invalid: disallowed version string`. */
export function escapeVersion(v: string): string {
  if (checkElem(v, 'file') !== undefined || v.includes('!')) {
    throw new Error(`version ${goQuote(v)} invalid: disallowed version string`);
  }
  if (/[^\x00-\x7f]/.test(v)) throw new Error('internal error: inconsistency in EscapePath');
  return escapeCase(v);
}

/** module.UnescapeVersion; undefined when s is not a valid escaped version. */
export function unescapeVersion(s: string): string | undefined {
  const v = unescapeCase(s);
  return v !== undefined && checkElem(v, 'file') === undefined ? v : undefined;
}
