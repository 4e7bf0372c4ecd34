// Tokenizes every real go.mod, go.work and go.sum in the shared corpus: no invalid.illegal scope on these valid
// files, every line finishes within the per-line time limit, and the whole corpus is quick. Each field is also
// checked against what a small reader written from the go command's rules (not from the grammar) says it is.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import semver from 'semver';
import { repoRoot, tokenize, tokensInRange, type TokenizedLine } from './grammar-files.test';

const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');

type Kind = 'go.mod' | 'go.work' | 'go.sum';

/** Corpus files are named "<path with / as __>", with "@<commit>" for historical versions. */
function kindOf(file: string): Kind | undefined {
  const base = path.basename(file).replace(/@[0-9a-f]+$/, '');
  if (base.endsWith('go.mod')) return 'go.mod';
  if (base.endsWith('go.work')) return 'go.work';
  if (base.endsWith('go.sum')) return 'go.sum';
  return undefined;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

// ---- the go command's rules, written out independently of the grammar ----

// x/mod module.IsPseudoVersion (regular expression quoted in go-modules-reference.md §3.8)
const PSEUDO = /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
// x/mod modfile: strict go version format
const GO_VERSION = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;

function isDirectoryPath(ns: string): boolean {
  return (
    ns === '.' || ns.startsWith('./') || ns.startsWith('.\\') ||
    ns === '..' || ns.startsWith('../') || ns.startsWith('..\\') ||
    ns.startsWith('/') || ns.startsWith('\\') ||
    (ns.length >= 2 && /[A-Za-z]/.test(ns[0] ?? '') && ns[1] === ':')
  );
}

function isIndirect(suffixComment: string): boolean {
  const f = suffixComment.replace(/^\/\//, '').trim().split(/\s+/).filter(Boolean);
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}

function versionScope(v: string): string {
  if (PSEUDO.test(v)) return 'constant.numeric.version.pseudo.go.mod';
  // canonical module versions are "v" + strict semver (node-semver, not our regex)
  if (v.startsWith('v') && semver.valid(v.slice(1)) !== null) return 'constant.numeric.version.go.mod';
  return 'constant.other.version.go.mod';
}

interface Field {
  text: string;
  start: number;
}

/** Whitespace-separated fields of the code part of a line, with their columns. */
function fieldsOf(code: string): Field[] {
  return [...code.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
}

class Checker {
  checked = 0;
  constructor(
    private readonly file: string,
    readonly line: TokenizedLine,
    private readonly lineNo: number,
  ) {}

  expect(start: number, end: number, scope: string): void {
    const where = `${path.relative(corpusDir, this.file)}:${this.lineNo + 1}`;
    let tokens;
    try {
      tokens = tokensInRange(this.line, start, end);
    } catch (err) {
      assert.fail(`${where}: ${(err as Error).message}`);
    }
    for (const t of tokens) {
      assert.ok(t.scopes.includes(scope), `${where}: ${JSON.stringify(t.text)} should have ${scope}; has ${t.scopes.join(' ')}`);
    }
    this.checked++;
  }

  field(f: Field | undefined, scope: string): void {
    assert.ok(f, `${this.file}:${this.lineNo + 1}: missing field for ${scope}`);
    this.expect(f.start, f.start + f.text.length, scope);
  }

  version(f: Field | undefined): void {
    assert.ok(f, `${this.file}:${this.lineNo + 1}: missing version`);
    this.field(f, versionScope(f.text));
    if (f.text.endsWith('+incompatible')) {
      const end = f.start + f.text.length;
      this.expect(end - '+incompatible'.length, end, 'storage.modifier.incompatible.go.mod');
    }
  }
}

const VERBS = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore', 'use']);

/** Checks one go.mod / go.work file; returns how many fields were checked. */
function checkModFile(file: string, lines: TokenizedLine[]): number {
  let block: string | undefined;
  let checked = 0;
  for (const [lineNo, line] of lines.entries()) {
    const c = new Checker(file, line, lineNo);
    // corpus directives hold no quoted strings, so the first // starts the comment
    const slash = line.text.indexOf('//');
    const code = slash >= 0 ? line.text.slice(0, slash) : line.text;
    const comment = slash >= 0 ? line.text.slice(slash) : '';
    if (comment) c.expect(slash, line.text.length, 'comment.line.double-slash.go.mod');

    let fields = fieldsOf(code);
    let verb = block;
    if (block === undefined) {
      const head = fields[0];
      if (!head) {
        checked += c.checked;
        continue;
      }
      assert.ok(VERBS.has(head.text), `${file}:${lineNo + 1}: unexpected verb ${head.text}`);
      c.field(head, `keyword.control.${head.text}.go.mod`);
      if (fields[1]?.text === '(') {
        c.field(fields[1], 'punctuation.section.block.begin.go.mod');
        block = head.text;
        checked += c.checked;
        continue;
      }
      verb = head.text;
      fields = fields.slice(1);
    } else if (fields[0]?.text === ')') {
      c.field(fields[0], 'punctuation.section.block.end.go.mod');
      block = undefined;
      checked += c.checked;
      continue;
    }
    if (fields.length > 0) checkArguments(c, verb ?? '', fields, comment);
    else if (comment) assert.ok(!line.tokens.some((t) => t.scopes.includes('keyword.other.indirect.go.mod')));
    checked += c.checked;
  }
  assert.equal(block, undefined, `${file}: a block is still open at the end`);
  return checked;
}

function checkArguments(c: Checker, verb: string, args: Field[], comment: string): void {
  const [first, second] = args;
  switch (verb) {
    case 'module':
      c.field(first, 'entity.name.type.module.go.mod');
      break;
    case 'go':
      c.field(first, GO_VERSION.test(first?.text ?? '') ? 'constant.numeric.go-version.go.mod' : 'constant.other.go-version.go.mod');
      break;
    case 'toolchain':
      c.field(first, first?.text === 'default' ? 'constant.language.default.go.mod' : 'constant.other.toolchain.go.mod');
      break;
    case 'godebug': {
      assert.ok(first);
      const eq = first.text.indexOf('=');
      assert.ok(eq > 0, `godebug without key=value: ${first.text}`);
      c.expect(first.start, first.start + eq, 'variable.other.key.go.mod');
      c.expect(first.start + eq, first.start + eq + 1, 'keyword.operator.assignment.go.mod');
      c.expect(first.start + eq + 1, first.start + first.text.length, 'constant.other.value.go.mod');
      break;
    }
    case 'require':
    case 'exclude':
      c.field(first, 'entity.name.type.module.go.mod');
      c.version(second);
      break;
    case 'replace': {
      const arrow = args.findIndex((f) => f.text === '=>');
      assert.ok(arrow === 1 || arrow === 2, `replace without => in the right place`);
      c.field(first, 'entity.name.type.module.go.mod');
      if (arrow === 2) c.version(second);
      c.field(args[arrow], 'keyword.operator.arrow.go.mod');
      const target = args[arrow + 1];
      assert.ok(target);
      if (isDirectoryPath(target.text)) {
        c.field(target, 'string.unquoted.directory.go.mod');
      } else {
        c.field(target, 'entity.name.type.module.go.mod');
        c.version(args[arrow + 2]);
      }
      break;
    }
    case 'retract':
      if (first?.text.startsWith('[')) {
        const text = args.map((f) => f.text).join(' ');
        assert.match(text, /^\[\S+, \S+\]$/);
        const open = first.start;
        c.expect(open, open + 1, 'punctuation.section.brackets.begin.go.mod');
        const low = { text: first.text.slice(1, -1), start: open + 1 };
        const high = { text: (second?.text ?? '').slice(0, -1), start: second?.start ?? -1 };
        c.version(low);
        c.version(high);
      } else {
        c.version(first);
      }
      break;
    case 'tool':
      c.field(first, 'entity.name.type.package.go.mod');
      break;
    case 'ignore':
    case 'use':
      c.field(first, 'string.unquoted.directory.go.mod');
      break;
    default:
      assert.fail(`unexpected verb ${verb}`);
  }
  // x/mod isIndirect applies to require lines only
  const markedIndirect = c.line.tokens.some((t) => t.scopes.includes('keyword.other.indirect.go.mod'));
  assert.equal(markedIndirect, verb === 'require' && comment !== '' && isIndirect(comment), `indirect marking: ${c.line.text}`);
}

function checkSumFile(file: string, lines: TokenizedLine[]): number {
  let checked = 0;
  for (const [lineNo, line] of lines.entries()) {
    const fields = fieldsOf(line.text);
    if (fields.length === 0) continue;
    assert.equal(fields.length, 3, `${file}:${lineNo + 1}: go.sum lines have three fields`);
    const [mod, ver, hash] = fields as [Field, Field, Field];
    const c = new Checker(file, line, lineNo);
    c.field(mod, 'entity.name.type.module.go.sum');
    const goMod = ver.text.endsWith('/go.mod');
    const version = goMod ? ver.text.slice(0, -'/go.mod'.length) : ver.text;
    c.expect(ver.start, ver.start + version.length, versionScope(version).replace(/\.go\.mod$/, '.go.sum'));
    if (goMod) c.expect(ver.start + version.length, ver.start + ver.text.length, 'storage.modifier.go-mod.go.sum');
    assert.match(hash.text, /^h1:[A-Za-z0-9+/]{43}=$/, `${file}:${lineNo + 1}: h1 hash`);
    c.expect(hash.start, hash.start + 2, 'storage.type.hash-algorithm.go.sum');
    c.expect(hash.start + 3, hash.start + hash.text.length, 'constant.other.hash.go.sum');
    checked += c.checked;
  }
  return checked;
}

function invalidScopes(lines: TokenizedLine[]): string[] {
  return lines.flatMap((line, i) =>
    line.tokens.flatMap((t) =>
      t.scopes.filter((s) => s.startsWith('invalid.')).map((s) => `${i + 1}: ${s} ${JSON.stringify(t.text)}`),
    ),
  );
}

// Budgets are generous (about 20x what this takes on a 2-core machine) so only a real regression trips them.
const TOTAL_BUDGET_MS = 8000;
const PER_LINE_LIMIT_MS = 500;

describe('grammars on the shared corpus', function () {
  this.timeout(60_000);

  it('finds the corpus', () => {
    assert.ok(existsSync(corpusDir), `corpus not found at ${corpusDir}`);
  });

  it('tokenizes every go.mod, go.work and go.sum quickly, with no invalid scope, and every field as the go command reads it', async () => {
    const files = listFiles(corpusDir).flatMap((file) => {
      const kind = kindOf(file);
      return kind ? [{ file, kind }] : [];
    });
    const counts = { 'go.mod': 0, 'go.work': 0, 'go.sum': 0 };
    for (const { kind } of files) counts[kind]++;
    assert.ok(counts['go.mod'] >= 10 && counts['go.work'] >= 3 && counts['go.sum'] >= 3, JSON.stringify(counts));

    let totalMs = 0;
    let lineCount = 0;
    let fieldCount = 0;
    let slowest = { file: '', ms: 0, lines: 0 };
    for (const { file, kind } of files) {
      const text = readFileSync(file, 'utf8');
      const started = performance.now();
      const result = await tokenize(kind === 'go.sum' ? 'go.sum' : 'go.mod', text, PER_LINE_LIMIT_MS);
      const ms = performance.now() - started;
      totalMs += ms;
      lineCount += result.lines.length;
      if (ms > slowest.ms) slowest = { file: path.relative(corpusDir, file), ms, lines: result.lines.length };

      assert.equal(result.stoppedEarly, false, `${file}: a line hit the ${PER_LINE_LIMIT_MS} ms limit`);
      assert.deepEqual(invalidScopes(result.lines), [], `${file} is valid but got invalid scopes`);
      fieldCount += kind === 'go.sum' ? checkSumFile(file, result.lines) : checkModFile(file, result.lines);
    }
    console.log(
      `      corpus: ${counts['go.mod']} go.mod, ${counts['go.work']} go.work, ${counts['go.sum']} go.sum; ` +
        `${lineCount} lines, ${fieldCount} fields checked in ${totalMs.toFixed(0)} ms ` +
        `(slowest ${slowest.file}: ${slowest.lines} lines, ${slowest.ms.toFixed(0)} ms)`,
    );
    assert.ok(totalMs < TOTAL_BUDGET_MS, `tokenizing the corpus took ${totalMs.toFixed(0)} ms`);
  });

  it('does flag the same files once they are broken (the invalid check is not vacuous)', async () => {
    const mod = readFileSync(path.join(corpusDir, 'grpc__grpc-go', 'go.mod'), 'utf8');
    const broken = mod.replace(/^require \(/m, 'require ( /* not allowed */');
    assert.notEqual(broken, mod);
    const modResult = await tokenize('go.mod', broken);
    assert.equal(invalidScopes(modResult.lines).length > 0, true);

    const sum = readFileSync(path.join(corpusDir, 'spf13__cobra', 'go.sum'), 'utf8');
    const brokenSum = sum.replace(/ h1:\S+/, ''); // one line loses its hash field
    const sumResult = await tokenize('go.sum', brokenSum);
    assert.deepEqual(
      invalidScopes(sumResult.lines).map((s) => s.split(' ')[1]),
      ['invalid.illegal.wrong-field-count.go.sum'],
    );
  });
});
