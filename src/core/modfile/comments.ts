// Meaning carried by comments (x/mod rule.go): `// indirect` on requires, `// Deprecated:` on the module line,
// and the rationale of retractions.
import { goFields, goTrimSpace } from './gostrings';
import type { SynBlock, SynLine } from './syntax';

const trimSlashes = (text: string) => (text.startsWith('//') ? text.slice(2) : text);

/** A require is indirect when its first suffix comment is `// indirect` or starts with `// indirect;`. */
export function isIndirect(line: SynLine): boolean {
  if (line.suffix.length === 0) return false;
  const f = goFields(trimSlashes(line.suffix[0].text));
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}

/**
 * The text of the comments on a directive: the whole-line comments above it and its suffix comment, with `//`
 * and surrounding space removed, one per line. A line in a block with no comments of its own uses the block's.
 */
export function directiveComment(block: SynBlock | undefined, line: SynLine): string {
  let groups = [line.before, line.suffix];
  if (block && line.before.length === 0 && line.suffix.length === 0) groups = [block.before, block.suffix];
  const out: string[] = [];
  for (const group of groups) {
    for (const c of group) {
      if (c.text.startsWith('//')) out.push(goTrimSpace(c.text.slice(2)));
    }
  }
  return out.join('\n');
}

const deprecatedRe = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;

/** The deprecation message of a module line: the paragraph starting with "Deprecated:" ('' when none). */
export function deprecation(block: SynBlock | undefined, line: SynLine): string {
  const m = deprecatedRe.exec(directiveComment(block, line));
  return m ? m[1] : '';
}
