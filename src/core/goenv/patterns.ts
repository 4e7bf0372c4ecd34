// GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE pattern lists: Go's path.Match applied to path-element
// prefixes (golang.org/x/mod module.MatchPrefixPatterns).

class BadPattern extends Error {}

/** path.Match: `*` and `?` never match "/", `[...]` classes with ranges and `^`, `\` escapes. Whole-string match. */
export function pathMatch(pattern: string, name: string): { matched: boolean; bad: boolean } {
  try {
    return { matched: match([...pattern], [...name]), bad: false };
  } catch (e) {
    if (e instanceof BadPattern) return { matched: false, bad: true };
    throw e;
  }
}

function scanChunk(p: string[]): { star: boolean; chunk: string[]; rest: string[] } {
  let star = false;
  while (p.length > 0 && p[0] === '*') {
    p = p.slice(1);
    star = true;
  }
  let inrange = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (i + 1 < p.length) i++;
    } else if (c === '[') inrange = true;
    else if (c === ']') inrange = false;
    else if (c === '*' && !inrange) return { star, chunk: p.slice(0, i), rest: p.slice(i) };
  }
  return { star, chunk: p, rest: [] };
}

function getEsc(chunk: string[]): { r: string; rest: string[] } {
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new BadPattern();
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new BadPattern();
  }
  const r = chunk[0];
  const rest = chunk.slice(1);
  if (rest.length === 0) throw new BadPattern();
  return { r, rest };
}

/** matchChunk: single-character operators only; returns the rest of s after a match, or undefined. */
function matchChunk(chunk: string[], s: string[]): string[] | undefined {
  let failed = false;
  while (chunk.length > 0) {
    failed = failed || s.length === 0;
    const c = chunk[0];
    if (c === '[') {
      let r = '';
      if (!failed) {
        r = s[0];
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === '^') {
        negated = true;
        chunk = chunk.slice(1);
      }
      let matched = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        const lo = getEsc(chunk);
        chunk = lo.rest;
        let hi = lo.r;
        if (chunk[0] === '-') {
          const h = getEsc(chunk.slice(1));
          hi = h.r;
          chunk = h.rest;
        }
        const cp = r.codePointAt(0) ?? -1;
        if ((lo.r.codePointAt(0) ?? 0) <= cp && cp <= (hi.codePointAt(0) ?? 0)) matched = true;
        nrange++;
      }
      failed = failed || matched === negated;
    } else if (c === '?') {
      if (!failed) {
        failed = s[0] === '/';
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    } else {
      if (c === '\\') {
        chunk = chunk.slice(1);
        if (chunk.length === 0) throw new BadPattern();
      }
      if (!failed) {
        failed = chunk[0] !== s[0];
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    }
  }
  return failed ? undefined : s;
}

function match(pattern: string[], name: string[]): boolean {
  outer: while (pattern.length > 0) {
    const { star, chunk, rest } = scanChunk(pattern);
    pattern = rest;
    if (star && chunk.length === 0) return !name.includes('/');
    const t = matchChunk(chunk, name);
    if (t !== undefined && (t.length === 0 || pattern.length > 0)) {
      name = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < name.length && name[i] !== '/'; i++) {
        const t2 = matchChunk(chunk, name.slice(i + 1));
        if (t2 !== undefined) {
          if (pattern.length === 0 && t2.length > 0) continue;
          name = t2;
          continue outer;
        }
      }
    }
    // Before returning false, check the rest of the pattern is well-formed (a bad pattern is an error).
    while (pattern.length > 0) {
      const next = scanChunk(pattern);
      pattern = next.rest;
      matchChunk(next.chunk, []);
    }
    return false;
  }
  return name.length === 0;
}

/** The patterns of a comma-separated list as the go command sees them (one trailing "/" trimmed, empties dropped). */
export function splitPatterns(globs: string): string[] {
  return globs
    .split(',')
    .map((g) => (g.endsWith('/') ? g.slice(0, -1) : g))
    .filter((g) => g !== '');
}

/** The first pattern of `globs` that matches a path-element prefix of `target`, or undefined. */
export function matchingPattern(globs: string, target: string): string | undefined {
  for (const glob of splitPatterns(globs)) {
    let n = [...glob].filter((c) => c === '/').length;
    let prefix = target;
    for (let i = 0; i < target.length; i++) {
      if (target[i] === '/') {
        if (n === 0) {
          prefix = target.slice(0, i);
          break;
        }
        n--;
      }
    }
    if (n > 0) continue;
    if (pathMatch(glob, prefix).matched) return glob;
  }
  return undefined;
}

/** module.MatchPrefixPatterns: whether any pattern matches a path-element prefix of target. */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  return matchingPattern(globs, target) !== undefined;
}
