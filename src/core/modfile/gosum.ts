// parseGoSum: `<module> <version>[/go.mod] <hash>` lines, read as the go command reads them (modfetch readGoSum):
// whitespace-separated fields, blank lines skipped, any other field count is `wrong number of fields N`.
import { isGoSpace } from './gostrings';
import { LineIndex } from './lines';
import type { SumFile, Token } from './types';

/** The hash of an empty go.mod, written by an old bug; the go command drops such lines. */
export const emptyGoModHash = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';

interface Field {
  text: string;
  start: number;
  end: number;
}

/** strings.Fields with offsets. */
function fields(text: string, from: number, to: number): Field[] {
  const out: Field[] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    const space = i === to || isGoSpace(text.charCodeAt(i));
    if (space && start >= 0) {
      out.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    } else if (!space && start < 0) {
      start = i;
    }
  }
  return out;
}

/** Parses go.sum text. Never throws. Unlike the go command, which stops at the first bad line, lists all of them. */
export function parseGoSum(text: string, fileName = 'go.sum'): SumFile {
  void fileName; // errors carry no file name; formatGoError adds it
  const lines = new LineIndex(text);
  const sum: SumFile = { kind: 'go.sum', lines: [], errors: [] };
  const token = (f: Field, end = f.end): Token => ({ raw: text.slice(f.start, end), value: text.slice(f.start, end), range: lines.range(f.start, end) });
  let lineno = 0;
  for (let pos = 0; pos < text.length; ) {
    lineno++;
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const f = fields(text, pos, end);
    pos = end + 1;
    if (f.length === 0) continue;
    const range = lines.range(f[0].start, f[f.length - 1].end);
    if (f.length !== 3) {
      sum.errors.push({ line: lineno, column: 1, message: `wrong number of fields ${f.length}`, range });
      continue;
    }
    const goMod = f[1].text.endsWith('/go.mod');
    const entry = {
      module: token(f[0]),
      version: token(f[1], goMod ? f[1].end - '/go.mod'.length : f[1].end),
      goMod,
      hash: token(f[2]),
      range,
    };
    sum.lines.push(f[2].text === emptyGoModHash ? { ...entry, ignored: true } : entry);
  }
  return sum;
}
