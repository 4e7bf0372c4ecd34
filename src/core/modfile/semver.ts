// Semantic versions as Go uses them (golang.org/x/mod/semver and module.CanonicalVersion / pseudo-versions).
// `v` is required; vMAJOR and vMAJOR.MINOR are shorthands; numbers have no leading zeros.
import { goQuote } from './gostrings';

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  /** ".0.0" or ".0" for the shorthand forms, else "". */
  short: string;
  prerelease: string;
  build: string;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isIdentChar = (c: string) => /[0-9A-Za-z-]/.test(c);

/** A decimal without a leading zero at the start of s, or undefined. */
function leadingInt(s: string): string | undefined {
  let i = 0;
  while (isDigit(s[i])) i++;
  if (i === 0 || (s[0] === '0' && i > 1)) return undefined;
  return s.slice(0, i);
}

/** Dot-separated non-empty identifiers after the leading "-" or "+"; numeric pre-release parts have no leading 0. */
function validIdents(s: string, prerelease: boolean): boolean {
  return s.split('.').every((part) => {
    if (part === '' || ![...part].every(isIdentChar)) return false;
    return !(prerelease && /^[0-9]+$/.test(part) && part.length > 1 && part[0] === '0');
  });
}

/** A hand-written scanner (no backtracking regular expressions: tokens can be arbitrarily long). */
function parse(v: string): Parsed | undefined {
  if (v[0] !== 'v') return undefined;
  const major = leadingInt(v.slice(1));
  if (major === undefined) return undefined;
  let rest = v.slice(1 + major.length);
  if (rest === '') return { major, minor: '0', patch: '0', short: '.0.0', prerelease: '', build: '' };
  if (rest[0] !== '.') return undefined;
  const minor = leadingInt(rest.slice(1));
  if (minor === undefined) return undefined;
  rest = rest.slice(1 + minor.length);
  if (rest === '') return { major, minor, patch: '0', short: '.0', prerelease: '', build: '' };
  if (rest[0] !== '.') return undefined;
  const patch = leadingInt(rest.slice(1));
  if (patch === undefined) return undefined;
  rest = rest.slice(1 + patch.length);
  let prerelease = '';
  let build = '';
  if (rest[0] === '-') {
    const plus = rest.indexOf('+');
    prerelease = plus < 0 ? rest : rest.slice(0, plus);
    if (!validIdents(prerelease.slice(1), true)) return undefined;
    rest = rest.slice(prerelease.length);
  }
  if (rest[0] === '+') {
    build = rest;
    if (!validIdents(build.slice(1), false)) return undefined;
    rest = '';
  }
  if (rest !== '') return undefined;
  return { major, minor, patch, short: '', prerelease, build };
}

export function isValidSemver(v: string): boolean {
  return parse(v) !== undefined;
}

/** semver.Canonical: fills in .0 parts and drops build metadata; '' when invalid. */
export function semverCanonical(v: string): string {
  const p = parse(v);
  if (!p) return '';
  if (p.build) return v.slice(0, v.length - p.build.length);
  return v + p.short;
}

/** module.CanonicalVersion: like semver.Canonical but keeps `+incompatible`; '' when invalid. */
export function canonicalVersion(v: string): string {
  const cv = semverCanonical(v);
  return cv && semverBuild(v) === '+incompatible' ? cv + '+incompatible' : cv;
}

/** "v2" for "v2.3.4"; '' when invalid. */
export function semverMajor(v: string): string {
  const p = parse(v);
  return p ? 'v' + p.major : '';
}

export function semverPrerelease(v: string): string {
  return parse(v)?.prerelease ?? '';
}

export function semverBuild(v: string): string {
  return parse(v)?.build ?? '';
}

export function isPrerelease(v: string): boolean {
  return semverPrerelease(v) !== '';
}

function compareInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

const isNum = (s: string) => /^[0-9]*$/.test(s);

function comparePrerelease(x: string, y: string): number {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let i = 0; i < xs.length && i < ys.length; i++) {
    const dx = xs[i];
    const dy = ys[i];
    if (dx === dy) continue;
    const nx = isNum(dx);
    const ny = isNum(dy);
    if (nx !== ny) return nx ? -1 : 1;
    if (nx && dx.length !== dy.length) return dx.length < dy.length ? -1 : 1;
    return dx < dy ? -1 : 1;
  }
  return xs.length < ys.length ? -1 : xs.length > ys.length ? 1 : 0;
}

/** semver.Compare: invalid versions are equal to each other and lower than all valid ones. */
export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return !pa && !pb ? 0 : !pa ? -1 : 1;
  const c =
    compareInt(pa.major, pb.major) || compareInt(pa.minor, pb.minor) || compareInt(pa.patch, pb.patch) ||
    comparePrerelease(pa.prerelease, pb.prerelease);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

const pseudoRe = /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** module.IsPseudoVersion. */
export function isPseudoVersion(v: string): boolean {
  return (v.match(/-/g)?.length ?? 0) >= 2 && isValidSemver(v) && pseudoRe.test(v);
}

function pseudoError(v: string, reason: string): Error {
  return new Error(`pseudo-version ${goQuote(v)} invalid: ${reason}`);
}

/** Decrements a decimal string; '' for "0". */
function decDecimal(d: string): string {
  if (/^0+$/.test(d)) return '';
  const n = BigInt(d) - 1n;
  return n.toString();
}

/**
 * module.PseudoVersionBase: the tagged version a pseudo-version is based on ('' when there is none).
 * Throws an Error with go's text for a malformed pseudo-version.
 */
export function pseudoVersionBase(v: string): string {
  if (!isPseudoVersion(v)) throw pseudoError(v, 'syntax error');
  const build = semverBuild(v);
  let rest = v.slice(0, v.length - build.length);
  rest = rest.slice(0, rest.lastIndexOf('-')); // drop the revision
  const dash = rest.lastIndexOf('-');
  const dot = rest.lastIndexOf('.');
  const base = dot > dash ? rest.slice(0, dot) : rest.slice(0, dash);
  const pre = semverPrerelease(base);
  if (pre === '') {
    if (build !== '') throw pseudoError(v, `lacks base version, but has build metadata ${goQuote(build)}`);
    return '';
  }
  if (pre === '-0') {
    const release = base.slice(0, base.length - 2);
    const i = release.lastIndexOf('.');
    const patch = decDecimal(release.slice(i + 1));
    if (patch === '') throw pseudoError(v, `version before ${release} would have negative patch number`);
    return release.slice(0, i + 1) + patch + build;
  }
  return base.slice(0, base.length - 2) + build; // drop the ".0" before the timestamp
}
