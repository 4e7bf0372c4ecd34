// Differential test of the go.mod / go.work parser against the real go command: every corpus file and a few
// hundred random variants go through `go mod edit -json` / `go work edit -json` and through our parser; when go
// accepts a file our JSON must equal its stdout byte for byte, when it rejects one our first error must name the
// same line (and we count how many error texts match go's stderr exactly).
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import fc from 'fast-check';
import { runGo } from '../../src/core/gocmd/run';
import { formatEditJson, formatGoError, parseGoMod, parseGoWork, toEditJson, workToEditJson } from '../../src/core/modfile';
import type { ParseError } from '../../src/core/modfile';
import { modEdgeCases, workEdgeCases } from '../fixtures/modfile/edge-cases';
import { corpusEdit, generatedFile, Variant } from '../fixtures/modfile/variants';

function findRepoRoot(dir: string): string {
  let d = dir;
  while (!existsSync(join(d, 'tsconfig.json'))) {
    const up = resolve(d, '..');
    if (up === d) throw new Error('tsconfig.json not found above ' + dir);
    d = up;
  }
  return d;
}

const corpusDir = resolve(findRepoRoot(__dirname), '..', 'shared', 'corpus');

interface CorpusFile {
  kind: 'go.mod' | 'go.work';
  name: string;
  text: string;
}

function listCorpus(dir: string): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      out.push(...listCorpus(p));
      continue;
    }
    const m = /^go\.(mod|work)(@[0-9a-f]+)?$/.exec(basename(p).split('__').pop()!);
    if (m) out.push({ kind: m[1] === 'mod' ? 'go.mod' : 'go.work', name: p.slice(corpusDir.length + 1), text: readFileSync(p, 'utf8') });
  }
  return out;
}

interface GoAnswer {
  code: number | null;
  stdout: string;
  stderr: string;
}

let scratch = '';
let counter = 0;

async function goEditJson(kind: Variant['kind'], text: string): Promise<GoAnswer> {
  const dir = join(scratch, String(counter++));
  mkdirSync(dir);
  try {
    writeFileSync(join(dir, kind), text);
    const args = kind === 'go.mod' ? ['mod', 'edit', '-json', 'go.mod'] : ['work', 'edit', '-json', 'go.work'];
    const env = {
      GOTOOLCHAIN: 'local', GOPROXY: 'off', GOFLAGS: '', GOWORK: kind === 'go.mod' ? 'off' : '', GOENV: 'off',
      GOPATH: join(scratch, 'gopath'), GOMODCACHE: join(scratch, 'gopath', 'pkg', 'mod'), XDG_CONFIG_HOME: join(scratch, 'config'),
      GOTELEMETRY: 'off',
    };
    const r = await runGo(args, { cwd: dir, env, timeoutMs: 20_000 });
    if (r.timedOut) throw new Error(`go ${args.join(' ')} timed out`);
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs fn over items with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface Verdict {
  agree: boolean;
  /** Rejected by both, and our error text equals go's stderr exactly. */
  exact?: boolean;
  detail: string;
}

function judge(kind: Variant['kind'], text: string, go: GoAnswer): Verdict {
  const parsed = kind === 'go.mod' ? parseGoMod(text) : parseGoWork(text);
  const errors: ParseError[] = parsed.errors;
  const ours = errors.map((e) => formatGoError(kind, e)).join('\n');
  if (go.code === 0) {
    if (errors.length) return { agree: false, detail: `go accepts, we reject:\n${ours}` };
    const json = formatEditJson(parsed.kind === 'go.mod' ? toEditJson(parsed) : workToEditJson(parsed));
    return json === go.stdout ? { agree: true, detail: '' } : { agree: false, detail: `JSON differs.\ngo:\n${go.stdout}\nours:\n${json}` };
  }
  const goFirst = new RegExp(`^${kind.replace('.', '\\.')}:(\\d+)(?::\\d+)?: `, 'm').exec(go.stderr);
  if (!goFirst) return { agree: false, detail: `go failed unexpectedly:\n${go.stderr}` };
  if (!errors.length) return { agree: false, detail: `go rejects, we accept. go says:\n${go.stderr}` };
  const header = kind === 'go.mod' ? 'go: errors parsing go.mod:\n' : 'go: errors parsing go.work:\nerrors parsing go.work:\n';
  const exact = go.stderr === header + ours + '\n';
  const agree = errors[0].line === Number(goFirst[1]);
  return { agree, exact, detail: `go says:\n${go.stderr}ours:\n${ours}` };
}

const summary = { corpus: [0, 0], edge: [0, 0], variants: [0, 0], variantsAccepted: 0, rejected: 0, exact: 0 };

function check(cases: { kind: Variant['kind']; origin: string; text: string }[], answers: GoAnswer[], tally: number[]): string[] {
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const v = judge(c.kind, c.text, answers[i]);
    tally[1]++;
    if (v.exact !== undefined) {
      summary.rejected++;
      if (v.exact) summary.exact++;
    }
    if (v.agree) tally[0]++;
    else failures.push(`${c.origin} (${c.kind})\ninput: ${JSON.stringify(c.text)}\n${v.detail}`);
  });
  return failures;
}

describe('modfile differential against the real go command', function () {
  this.timeout(180_000);

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'gmd-modfile-diff-'));
  });

  after(() => {
    rmSync(scratch, { recursive: true, force: true });
    console.log(
      `modfile differential: corpus ${summary.corpus[0]}/${summary.corpus[1]} agree, ` +
        `edge cases ${summary.edge[0]}/${summary.edge[1]} agree, ` +
        `variants ${summary.variants[0]}/${summary.variants[1]} agree (${summary.variantsAccepted} accepted by go), ` +
        `error texts identical to go's stderr in ${summary.exact}/${summary.rejected} rejected files`,
    );
  });

  const corpus = existsSync(corpusDir) ? listCorpus(corpusDir) : [];

  it('agrees on every go.mod and go.work of the corpus', async () => {
    assert.ok(corpus.length > 0, `no corpus files under ${corpusDir}`);
    const cases = corpus.map((f) => ({ kind: f.kind, origin: f.name, text: f.text }));
    const answers = await pool(cases, 2, (c) => goEditJson(c.kind, c.text));
    const failures = check(cases, answers, summary.corpus);
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  it('agrees on hand-written edge cases', async () => {
    const cases = [
      ...modEdgeCases.map((text, i) => ({ kind: 'go.mod' as const, origin: `go.mod edge case ${i}`, text })),
      ...workEdgeCases.map((text, i) => ({ kind: 'go.work' as const, origin: `go.work edge case ${i}`, text })),
    ];
    const answers = await pool(cases, 2, (c) => goEditJson(c.kind, c.text));
    const failures = check(cases, answers, summary.edge);
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  it('agrees on generated variants (blocks, comments, quoting, CRLF, BOM, invalid input)', async () => {
    const runs = Number(process.env.GOMOD_DOCTOR_FUZZ_RUNS) || 300;
    const variants = fc.oneof(
      { weight: 4, arbitrary: generatedFile('go.mod') },
      { weight: 1, arbitrary: generatedFile('go.work') },
      { weight: 5, arbitrary: corpusEdit(corpus) },
    );
    const cases = fc.sample(variants, { seed: 20260613, numRuns: runs });
    const answers = await pool(cases, 2, (c) => goEditJson(c.kind, c.text));
    const failures = check(cases, answers, summary.variants);
    const accepted = answers.filter((a) => a.code === 0).length;
    summary.variantsAccepted = accepted;
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} disagreements; first ones:\n\n${failures.slice(0, 5).join('\n\n')}`);
    // Both outcomes must be well represented, or the comparison says little.
    assert.ok(accepted >= runs / 4 && runs - accepted >= runs / 4, `go accepted ${accepted} of ${runs} variants`);
  });
});
