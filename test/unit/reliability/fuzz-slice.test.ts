// The seeded slice of the fuzz run (test/fuzz/run.ts has the full 100 000): the same generators and checks on
// 2 000 inputs, the huge-file cases that are cheap enough for every run, fix ids, and the bugs the fuzzer found.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { diagnoseText, SIZE_LIMITS } from '../../../src/core/diagnose/local';
import { setLanguage } from '../../../src/core/i18n';
import { parseGoMod } from '../../../src/core/modfile';
import {
  calibrate, checkFixId, checkInput, fixIdArb, fuzz, HUGE_CASES, inputArb, loadCorpus, newStats, type FuzzInput,
} from '../../fuzz/harness';

const SEED = 20_240_611;
const SLICE = 2_000;

function describeFailures(failures: Array<{ input: FuzzInput; kind?: string; problem: string }>): string {
  return failures
    .slice(0, 5)
    .map((f) => `[${f.input.source}${f.kind ? ' as ' + f.kind : ''}] ${f.problem.split('\n')[0]}\n  input: ${JSON.stringify(f.input.text.slice(0, 300))}`)
    .join('\n');
}

describe('reliability: fuzz slice (seeded)', function () {
  this.timeout(60_000);
  const corpus = loadCorpus();

  before(() => {
    calibrate(corpus);
  });

  it(`${SLICE} generated and mutated inputs: no exception, findings well-formed, ranges inside the text, within the time budget`, () => {
    const stats = newStats();
    fuzz(inputArb(corpus), SLICE, SEED, stats);
    assert.equal(stats.inputs, SLICE);
    assert.ok(corpus.length === 0 || (stats.bySource.mutation ?? 0) > SLICE / 5, 'the corpus mutations are part of the mix');
    // A time over budget is measured again after recalibrating: a load spike on a shared machine is not a finding.
    calibrate(corpus);
    const failures = stats.failures.filter((f) => !f.problem.startsWith('took') || checkInput(f.input).failure);
    assert.deepEqual(failures.length, 0, describeFailures(failures));
  });

  it('huge files are refused with one finding or handled within the budget', () => {
    const cheap = HUGE_CASES.filter((c) => /10 MB|comment line|go\.sum line|module path|unterminated/.test(c.name));
    assert.ok(cheap.length >= 8);
    for (const c of cheap) {
      const input: FuzzInput = { source: 'raw', kinds: [c.kind], text: c.make(), origin: c.name };
      const r = checkInput(input);
      assert.equal(r.failure, undefined, `${c.name}: ${r.failure?.problem}`);
    }
  });

  it('a file over the limit gets one clear finding; one just under it is checked', () => {
    setLanguage('en');
    const line = 'require example.com/m v1.0.0\n';
    const over = 'module x\n' + line.repeat(Math.ceil(SIZE_LIMITS['go.mod'] / line.length));
    const f = diagnoseText('go.mod', over, { file: '/w/go.mod' });
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'gomod.too-large');
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /go\.mod is 1\.0 MiB, above the 1 MiB/);
    assert.deepEqual(f[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const under = 'module x\n' + 'require example.com/m v1.0.0 // ' + 'c'.repeat(SIZE_LIMITS['go.mod'] - 60) + '\n';
    assert.ok(under.length <= SIZE_LIMITS['go.mod']);
    assert.deepEqual(diagnoseText('go.mod', under, { file: '/w/go.mod' }), []);
    const sum = `example.com/m v1.0.0 h1:bad\n`.repeat(Math.ceil((SIZE_LIMITS['go.sum'] + 1) / 28));
    assert.deepEqual(diagnoseText('go.sum', sum, { file: '/w/go.work.sum' }).map((x) => x.code), ['gosum.too-large']);
    assert.deepEqual(diagnoseText('go.work', 'go 1.22\n' + ' '.repeat(SIZE_LIMITS['go.work']), { file: '/w/go.work' }).map((x) => x.code), ['gowork.too-large']);
  });

  it('fix ids from a client never throw and never give a download fix with blank parts', () => {
    const problems = fc.sample(fixIdArb, { seed: SEED, numRuns: 2_000 }).map(checkFixId).filter(Boolean);
    assert.deepEqual(problems, []);
  });

  // Found by the fuzzer: the LF of a CRLF that ends an unterminated string was reported one past the end of the line.
  it('an unterminated string before CRLF is reported inside its line', () => {
    const mod = parseGoMod('module `a b\r\nrequire x v1.0.0\n');
    assert.equal(mod.errors[0].message, 'unexpected newline in string');
    assert.deepEqual(mod.errors[0].range, { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
  });

  // A replacement directory whose go.mod is a FIFO must not block the check (reading it would wait forever).
  it('a FIFO named go.mod in a replacement directory does not block', function () {
    if (process.platform === 'win32' || spawnSync('mkfifo', ['--help']).error) this.skip();
    const root = mkdtempSync(join(tmpdir(), 'gmd-fifo-'));
    try {
      mkdirSync(join(root, 'dep'));
      assert.equal(spawnSync('mkfifo', [join(root, 'dep', 'go.mod')]).status, 0);
      const started = performance.now();
      const f = diagnoseText('go.mod', 'module x\nrequire example.com/dep v1.0.0\nreplace example.com/dep => ./dep\n', { file: join(root, 'go.mod') });
      assert.ok(performance.now() - started < 2_000);
      assert.deepEqual(f.map((x) => x.code), ['gomod.replace-dir-no-gomod']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a replacement go.mod over the size limit is not parsed (no mismatch can be claimed)', () => {
    const root = mkdtempSync(join(tmpdir(), 'gmd-bigdep-'));
    try {
      mkdirSync(join(root, 'dep'));
      writeFileSync(join(root, 'dep', 'go.mod'), 'module example.com/other\n' + '//\n'.repeat(SIZE_LIMITS['go.mod'] / 3 + 1));
      const f = diagnoseText('go.mod', 'module x\nrequire example.com/dep v1.0.0\nreplace example.com/dep => ./dep\n', { file: join(root, 'go.mod') });
      assert.deepEqual(f, []);
      writeFileSync(join(root, 'dep', 'go.mod'), 'module example.com/other\n');
      const g = diagnoseText('go.mod', 'module x\nrequire example.com/dep v1.0.0\nreplace example.com/dep => ./dep\n', { file: join(root, 'go.mod') });
      assert.deepEqual(g.map((x) => x.code), ['gomod.replace-dir-module-mismatch']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
