// The fuzzing harness shared by the full run (test/fuzz/run.ts, `npm run fuzz`) and the seeded slice in
// `npm test` (test/unit/reliability/fuzz-slice.test.ts). Inputs come from four generators (mutated corpus files,
// grammar-shaped go.mod/go.work lines, go.sum lines, raw strings); each input goes through the parsers and the
// local rules, and must: throw nothing, give findings with a known family, a severity, a message and a range
// inside the text, and take no more than a few milliseconds per KB.
import fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnoseText, exceedsSizeLimit, moduleFileKind, SIZE_LIMITS, type ModuleFileKind } from '../../src/core/diagnose/local';
import { moduleFixEdits, parseModuleFixId } from '../../src/core/diagnose/modules/fixes';
import type { Finding, Range } from '../../src/core/finding';
import { parseFixId } from '../../src/core/goenv/fixid';
import { parseGoMod, parseGoSum, parseGoWork, toEditJson, workToEditJson } from '../../src/core/modfile';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus');
export const KINDS: ModuleFileKind[] = ['go.mod', 'go.work', 'go.sum'];

/**
 * Time budget of one input (all parsers and rules it goes through): a fixed part plus a few ms per KB. On a loaded
 * machine everything is slower, so the per-KB part is at least SLOWDOWN_ALLOWED times what the real corpus files
 * cost right now (calibrate()): a pathological input (quadratic, backtracking) is far beyond that either way.
 */
export const BUDGET_BASE_MS = 25;
export const BUDGET_MIN_MS_PER_KB = 5;
export const SLOWDOWN_ALLOWED = 10;
let budgetMsPerKb = BUDGET_MIN_MS_PER_KB;

export interface CorpusFile {
  name: string;
  kind: ModuleFileKind;
  text: string;
}

/** The real go.mod / go.work / go.sum files of shared/corpus (INDEX.tsv names them); [] when the corpus is absent. */
export function loadCorpus(): CorpusFile[] {
  const index = join(corpusDir, 'INDEX.tsv');
  if (!existsSync(index)) return [];
  const rows = readFileSync(index, 'utf8').split('\n').slice(1).filter(Boolean);
  const out: CorpusFile[] = [];
  for (const row of rows) {
    const file = row.split('\t').pop()!;
    const kind = moduleFileKind(file);
    const path = join(corpusDir, file);
    if (kind && existsSync(path)) out.push({ name: file, kind, text: readFileSync(path, 'utf8') });
  }
  return out;
}

// ---------- generators ----------

export interface FuzzInput {
  source: 'mutation' | 'grammar' | 'gosum' | 'raw';
  /** The kinds whose parser and rules see this text. */
  kinds: ModuleFileKind[];
  text: string;
  origin?: string;
}

const verbs = ['module', 'go', 'toolchain', 'require', 'exclude', 'replace', 'retract', 'use', 'godebug', 'tool', 'ignore', 'frobnicate'];
const paths = [
  'example.com/a', 'golang.org/x/mod', 'gopkg.in/yaml.v2', 'example.com/m/v2', 'github.com/A/B', 'rsc.io/quote/v3',
  'git.corp.example/secret/repo', '-modfile=../evil', '--help', '$(touch /tmp/pwn)', '`id`', 'a;rm -rf /', 'a|b&c',
  '../../../../etc', './local', '/abs/dir', 'C:\\dir', '\\\\server\\share', '"example.com/q"', '"a\\"b"', '"\\u00e9"',
  '`raw path`', '<script>alert(1)</script>', 'é.com/x', 'a\u0000b', 'x\ud800y', '😀.io/m', 'con.example/aux', 'a~1',
  'example.com/..', '.', '..', 'example.com//x', 'EXAMPLE.COM/X', '%2e%2e/x', 'http://user:pass@h.example/x',
];
const versions = [
  'v1.2.3', 'v1.2', 'v1', 'v0.0.0-20240101000000-abcdefabcdef', 'v2.0.0+incompatible', 'v1.2.3-pre.1+build', 'master',
  '1.21', '1.21.0', '1.22rc1', 'go1.22.3', 'default', 'local', 'v99999999999999999999.0.0', 'v1.2.3\u0000', '"v1.0.0"',
  'v1.0.0;id', '$(id)', 'v1.0.0/../../x', 'latest', '', 'v0.0.0-00010101000000-000000000000', 'v1.9.9-0.20240101000000-abc',
];
const punct = ['(', ')', '[', ']', ',', '=>', '{', '}', '//', '// indirect', '// Deprecated: use b', '/*', '*/', '"', '`', '\\', '=', 'key=value'];
const spaces = [' ', ' ', ' ', '\t', '  ', '\r', '\u00a0', '\ufeff', '\u2028', '\u0085'];
const newlines = ['\n', '\n', '\n', '\r\n', '\r', '\n\n'];

const tokenArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...verbs) },
  { weight: 4, arbitrary: fc.constantFrom(...paths) },
  { weight: 4, arbitrary: fc.constantFrom(...versions) },
  { weight: 3, arbitrary: fc.constantFrom(...punct) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const lineArb = fc
  .tuple(fc.array(tokenArb, { minLength: 0, maxLength: 7 }), fc.array(fc.constantFrom(...spaces), { minLength: 7, maxLength: 7 }), fc.constantFrom(...newlines))
  .map(([tokens, seps, nl]) => tokens.map((t, i) => (i === 0 ? t : seps[i] + t)).join('') + nl);

/** go.mod / go.work shaped text: lines of directive-like tokens (valid, near-valid and hostile). */
export const grammarArb: fc.Arbitrary<FuzzInput> = fc
  .array(lineArb, { minLength: 0, maxLength: 40 })
  .map((lines) => ({ source: 'grammar' as const, kinds: KINDS, text: lines.join('') }));

const hashArb = fc.oneof(
  fc.constant('h1:' + 'A'.repeat(43) + '='),
  fc.base64String({ minLength: 0, maxLength: 48 }).map((s) => 'h1:' + s),
  fc.constantFrom('h1:', 'h2:abc', 'sha256:xyz', 'h1:' + 'A'.repeat(44), ''),
);
const sumLineArb = fc
  .tuple(fc.constantFrom(...paths), fc.constantFrom(...versions), fc.boolean(), hashArb, fc.constantFrom(' ', '  ', '\t'), fc.constantFrom(...newlines), fc.nat(9))
  .map(([p, v, goMod, h, sp, nl, drop]) => {
    const fields = [p, goMod ? `${v}/go.mod` : v, h];
    if (drop === 0) fields.pop();
    if (drop === 1) fields.push('extra');
    return fields.join(sp) + nl;
  });

/** go.sum shaped text. */
export const gosumArb: fc.Arbitrary<FuzzInput> = fc
  .array(sumLineArb, { minLength: 0, maxLength: 60 })
  .map((lines) => ({ source: 'gosum' as const, kinds: ['go.sum'] as ModuleFileKind[], text: lines.join('') }));

/** Arbitrary text: UTF-16 units including lone surrogates, and ASCII with control characters. */
export const rawArb: fc.Arbitrary<FuzzInput> = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme-ascii', maxLength: 600 }), fc.string({ maxLength: 400 }))
  .map((text) => ({ source: 'raw' as const, kinds: KINDS, text }));

type Mutation = [op: number, a: number, b: number, fragment: string];
const fragmentArb = fc.oneof(tokenArb, fc.constantFrom(...newlines), fc.constantFrom(...spaces), lineArb);

function applyMutation(text: string, [op, a, b, fragment]: Mutation): string {
  const n = text.length;
  const i = n === 0 ? 0 : a % (n + 1);
  const j = n === 0 ? 0 : Math.min(n, i + (b % 64));
  switch (op % 8) {
    case 0: // insert a fragment
      return text.slice(0, i) + fragment + text.slice(i);
    case 1: // delete a span
      return text.slice(0, i) + text.slice(j);
    case 2: // replace a span
      return text.slice(0, i) + fragment + text.slice(j);
    case 3: // duplicate a span
      return text.slice(0, j) + text.slice(i, j) + text.slice(j);
    case 4: // truncate
      return text.slice(0, i);
    case 5: {
      // swap two lines
      const lines = text.split('\n');
      const x = a % lines.length;
      const y = b % lines.length;
      [lines[x], lines[y]] = [lines[y], lines[x]];
      return lines.join('\n');
    }
    case 6: // flip one UTF-16 unit
      return n === 0 ? fragment : text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) ^ (1 << (b % 16))) & 0xffff) + text.slice(i + 1);
    default: // repeat a fragment many times (deep comment runs, nested blocks)
      return text.slice(0, i) + fragment.repeat(1 + (b % 200)) + text.slice(i);
  }
}

/** A window of at most maxChars of a long file, starting at a line, so big go.sum files stay cheap to mutate. */
function window(text: string, start: number, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let from = start % (text.length - maxChars);
  const nl = text.lastIndexOf('\n', from);
  from = nl < 0 ? 0 : nl + 1;
  return text.slice(from, from + maxChars);
}

/** Corpus files with 1–8 mutations; the text goes through its own kind's parser and rules. */
export function mutationArb(corpus: CorpusFile[]): fc.Arbitrary<FuzzInput> {
  return fc
    .tuple(fc.nat(corpus.length - 1), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fragmentArb), { minLength: 1, maxLength: 8 }))
    .map(([k, start, ops]) => {
      const f = corpus[k];
      const text = ops.reduce(applyMutation, window(f.text, start, 16 * 1024));
      return { source: 'mutation' as const, kinds: [f.kind], text, origin: f.name };
    });
}

/** The generator mix: mutation 40%, grammar 30%, go.sum 15%, raw 15% (no corpus: grammar gets its share). */
export function inputArb(corpus: CorpusFile[]): fc.Arbitrary<FuzzInput> {
  const parts = [
    { weight: 30, arbitrary: grammarArb },
    { weight: 15, arbitrary: gosumArb },
    { weight: 15, arbitrary: rawArb },
  ];
  if (corpus.length > 0) parts.push({ weight: 40, arbitrary: mutationArb(corpus) });
  return fc.oneof(...parts);
}

// ---------- checking one input ----------

/** Lengths of the text's lines as LSP counts them (LF, CRLF and a lone CR end a line). */
function lspLineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function rangeProblem(r: Range | undefined, lines: number[]): string | undefined {
  if (!r) return undefined;
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line];
  if (!inside(r.start) || !inside(r.end)) return `range outside the text: ${JSON.stringify(r)}`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `range ends before it starts: ${JSON.stringify(r)}`;
  return undefined;
}

const families: Record<ModuleFileKind, string> = { 'go.mod': 'gomod', 'go.work': 'gowork', 'go.sum': 'gosum' };
const severities = new Set(['error', 'warning', 'info', 'hint']);

function findingProblem(f: Finding, kind: ModuleFileKind, lines: number[]): string | undefined {
  if (!new RegExp(`^${families[kind]}\\.[a-z0-9-]+$`).test(f.code)) return `unexpected code ${JSON.stringify(f.code)}`;
  if (!severities.has(f.severity)) return `${f.code}: bad severity ${String(f.severity)}`;
  if (typeof f.message !== 'string' || f.message.trim() === '') return `${f.code}: empty message`;
  const r = rangeProblem(f.range, lines);
  return r ? `${f.code}: ${r}` : undefined;
}

/** Everything one input goes through for one kind; returns a problem or undefined. Throws only if the code does. */
function exercise(kind: ModuleFileKind, text: string, lines: number[]): string | undefined {
  const file = `/nonexistent-fuzz-root/ws/${kind}`;
  if (exceedsSizeLimit(kind, text)) {
    // Refused: exactly one too-large finding, and nothing parsed.
    const findings = diagnoseText(kind, text, { file, localGoVersion: '1.22.0' });
    if (findings.length !== 1 || !findings[0].code.endsWith('.too-large')) return `a text over ${SIZE_LIMITS[kind]} chars gave ${findings.map((f) => f.code).join(', ') || 'no finding'}`;
    return findingProblem(findings[0], kind, lines);
  }
  if (kind === 'go.mod') {
    const mod = parseGoMod(text);
    for (const e of mod.errors) {
      const p = rangeProblem(e.range, lines);
      if (p) return `parse error ${JSON.stringify(e.message)}: ${p}`;
    }
    if (mod.errors.length === 0) JSON.stringify(toEditJson(mod));
    // The fixes' edits of this text stay inside it.
    for (const r of mod.require.slice(0, 1)) {
      for (const e of moduleFixEdits({ kind: 'upgrade', module: r.path.value, version: 'v9.9.9' }, text, 'go.mod')) {
        const p = rangeProblem(e.range, lines);
        if (p) return `upgrade edit: ${p}`;
      }
    }
    for (const r of mod.replace.slice(0, 1)) {
      for (const e of moduleFixEdits({ kind: 'remove-replace', module: r.old.path.value }, text, 'go.mod')) {
        // a whole-line deletion may end at the start of the line after the last one
        const p = rangeProblem({ start: e.range.start, end: e.range.end.line === lines.length ? { line: lines.length - 1, character: 0 } : e.range.end }, lines);
        if (p) return `remove-replace edit: ${p}`;
      }
    }
  } else if (kind === 'go.work') {
    const work = parseGoWork(text);
    for (const e of work.errors) {
      const p = rangeProblem(e.range, lines);
      if (p) return `parse error ${JSON.stringify(e.message)}: ${p}`;
    }
    if (work.errors.length === 0) JSON.stringify(workToEditJson(work));
  } else {
    const sum = parseGoSum(text);
    for (const e of sum.errors) {
      const p = rangeProblem(e.range, lines);
      if (p) return `parse error ${JSON.stringify(e.message)}: ${p}`;
    }
  }
  const findings = diagnoseText(kind, text, { file, localGoVersion: '1.22.0' });
  for (const f of findings) {
    const p = findingProblem(f, kind, lines);
    if (p) return p;
  }
  return undefined;
}

export interface Failure {
  input: FuzzInput;
  kind?: ModuleFileKind;
  problem: string;
}

export interface CheckResult {
  failure?: Failure;
  ms: number;
}

function runOnce(input: FuzzInput): CheckResult {
  const lines = lspLineLengths(input.text);
  const t0 = performance.now();
  for (const kind of input.kinds) {
    let problem: string | undefined;
    try {
      problem = exercise(kind, input.text, lines);
    } catch (err) {
      problem = `threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    }
    if (problem) return { failure: { input, kind, problem }, ms: performance.now() - t0 };
  }
  return { ms: performance.now() - t0 };
}

export function budgetMs(text: string): number {
  return BUDGET_BASE_MS + (budgetMsPerKb * text.length) / 1024;
}

/** Measures ms/KB of the corpus go.mod / go.work files as they are (second pass, warmed up) and sets the per-KB budget from it. */
export function calibrate(corpus: CorpusFile[]): { corpusMsPerKb: number; budgetMsPerKb: number } {
  let ms = 0;
  let chars = 0;
  for (let pass = 0; pass < 2; pass++) {
    ms = 0;
    chars = 0;
    for (const f of corpus.filter((c) => c.kind !== 'go.sum')) {
      const input: FuzzInput = { source: 'mutation', kinds: [f.kind], text: f.text };
      ms += runOnce(input).ms;
      chars += f.text.length;
    }
  }
  const corpusMsPerKb = chars ? ms / (chars / 1024) : 0;
  budgetMsPerKb = Math.max(BUDGET_MIN_MS_PER_KB, SLOWDOWN_ALLOWED * corpusMsPerKb);
  return { corpusMsPerKb, budgetMsPerKb };
}

/** Checks one input; an over-budget time is measured twice more (GC pauses) and the best of three counts. */
export function checkInput(input: FuzzInput): CheckResult {
  const first = runOnce(input);
  if (first.failure) return first;
  let ms = first.ms;
  for (let i = 0; i < 2 && ms > budgetMs(input.text); i++) ms = Math.min(ms, runOnce(input).ms);
  if (ms > budgetMs(input.text)) {
    return { ms, failure: { input, problem: `took ${ms.toFixed(1)} ms for ${(input.text.length / 1024).toFixed(1)} KB (budget ${budgetMs(input.text).toFixed(1)} ms)` } };
  }
  return { ms };
}

/** Fix-id parsers take any string from a diagnostic's data (a client can send anything). */
export const fixIdArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.tuple(fc.constantFrom('module.upgrade:', 'module.download:', 'module.remove-replace:', 'env:set:', 'env@editor:set:'), fc.constantFrom(...paths), fc.constantFrom(...versions, '@', '@@'))
    .map(([a, b, c]) => a + b + '@' + c),
);

export function checkFixId(id: string): string | undefined {
  try {
    const mf = parseModuleFixId(id);
    if (mf && mf.kind === 'download' && (/\s/.test(mf.module + mf.version) || mf.module === '')) return `download fix with blank parts from ${JSON.stringify(id)}`;
    parseFixId(id);
  } catch (err) {
    return `fix id ${JSON.stringify(id)} threw: ${String(err)}`;
  }
  return undefined;
}

// ---------- running a batch ----------

export interface Stats {
  inputs: number;
  bySource: Record<string, number>;
  bytes: number;
  totalMs: number;
  /** Largest ms/KB over inputs of at least 1 KB, and the input size it was seen at. */
  maxMsPerKb: number;
  maxMsPerKbAt: number;
  maxMs: number;
  failures: Failure[];
}

export function newStats(): Stats {
  return { inputs: 0, bySource: {}, bytes: 0, totalMs: 0, maxMsPerKb: 0, maxMsPerKbAt: 0, maxMs: 0, failures: [] };
}

export function record(stats: Stats, input: FuzzInput, r: CheckResult): void {
  stats.inputs++;
  stats.bySource[input.source] = (stats.bySource[input.source] ?? 0) + 1;
  stats.bytes += input.text.length;
  stats.totalMs += r.ms;
  stats.maxMs = Math.max(stats.maxMs, r.ms);
  const kb = input.text.length / 1024;
  if (kb >= 1 && r.ms / kb > stats.maxMsPerKb) {
    stats.maxMsPerKb = r.ms / kb;
    stats.maxMsPerKbAt = input.text.length;
  }
  if (r.failure) stats.failures.push(r.failure);
}

/** Runs `count` generated inputs, in chunks with seeds seed, seed+1, … (the same seed gives the same inputs). */
export function fuzz(arb: fc.Arbitrary<FuzzInput>, count: number, seed: number, stats: Stats, onProgress?: (done: number) => void): void {
  const chunk = 500;
  for (let done = 0, i = 0; done < count; i++) {
    const n = Math.min(chunk, count - done);
    for (const input of fc.sample(arb, { seed: seed + i, numRuns: n })) record(stats, input, checkInput(input));
    done += n;
    onProgress?.(done);
  }
}

/** Writes each failing input (text as is) and a JSON note beside it; returns the paths written. */
export function saveFailures(failures: Failure[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return failures.slice(0, 200).map((f, i) => {
    const base = join(dir, `failure-${String(i + 1).padStart(3, '0')}-${f.input.source}`);
    writeFileSync(base + '.txt', f.input.text);
    writeFileSync(base + '.json', JSON.stringify({ problem: f.problem, kind: f.kind, kinds: f.input.kinds, origin: f.input.origin, chars: f.input.text.length }, null, 2) + '\n');
    return base + '.txt';
  });
}

// ---------- huge inputs ----------

export interface HugeCase {
  name: string;
  kind: ModuleFileKind;
  make: () => string;
}

const MB = 1024 * 1024;
/** The big cases of the issue: a 10 MB file, one 1 MB line, deep comment runs, and friends. */
export const HUGE_CASES: HugeCase[] = [
  { name: '10 MB go.mod of requires', kind: 'go.mod', make: () => 'module x\n' + 'require example.com/some/module v1.2.3 // indirect\n'.repeat(Math.ceil((10 * MB) / 51)) },
  { name: '10 MB go.sum', kind: 'go.sum', make: () => `example.com/a v1.0.0 h1:${'A'.repeat(43)}=\n`.repeat(Math.ceil((10 * MB) / 68)) },
  { name: '10 MB go.work', kind: 'go.work', make: () => 'go 1.22\n' + 'use ./nope\n'.repeat(Math.ceil((10 * MB) / 11)) },
  { name: 'one 1 MB version token', kind: 'go.mod', make: () => 'module x\nrequire example.com/a v' + '1'.repeat(MB - 40) + '\n' },
  { name: 'one 1 MB module path', kind: 'go.mod', make: () => 'module x\nrequire example.com/' + 'a'.repeat(MB - 40) + ' v1.0.0\n' },
  { name: 'one 1 MB comment line', kind: 'go.mod', make: () => 'module x\n//' + 'x'.repeat(MB - 20) + '\n' },
  { name: 'one 1 MB go.sum line', kind: 'go.sum', make: () => 'example.com/a v1.0.0 h1:' + 'A'.repeat(MB) + '\n' },
  { name: 'deep comment run (300 000 lines)', kind: 'go.mod', make: () => 'module x\n' + '//\n'.repeat(300_000) },
  { name: 'deep comment run in a block', kind: 'go.mod', make: () => 'module x\nrequire (\n' + '// c\n'.repeat(200_000) + ')\n' },
  { name: '100 000 nested block openings', kind: 'go.mod', make: () => 'module x\n' + 'require (\n'.repeat(100_000) },
  { name: '1 MB of open parens', kind: 'go.mod', make: () => 'module x\n' + '('.repeat(MB - 20) },
  { name: '80 000 replace directories', kind: 'go.mod', make: () => 'module x\n' + Array.from({ length: 80_000 }, (_, i) => `replace a.com/b${i} => ./d${i % 50}\n`).join('').slice(0, MB - 20) },
  { name: '1 MB unterminated string', kind: 'go.mod', make: () => 'module "' + 'a'.repeat(MB - 20) },
  { name: '10 MB of NUL', kind: 'go.mod', make: () => '\0'.repeat(10 * MB) },
];
