// Two writers at once, as two real `gomod-doctor fix` processes on the same go env file, many rounds: the file
// ends with both changes (or one says clearly why it did not write), the journal keeps every previous value, and
// two undos — also at once — give back the original file byte for byte. All writers share one state directory
// (two terminals, two VS Code windows), whose lock serializes them. Writers with separate state directories (the
// extension keeps its journal in globalStorage, the CLI in ~/.local/state) are not serialized, and go env -w/-u
// itself neither locks nor writes atomically: known lost updates and a torn env file (see the pending tests).
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../../../src/core/goenv/journal';
import { cliPath } from '../../support/cli';
import { quietHome } from '../goenv/support';
import { removeTree, tempRoot } from '../modules/support';

interface Outcome {
  code: number | null;
  status?: string;
  reason?: string;
  out: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      let status: string | undefined;
      let reason: string | undefined;
      try {
        const j = JSON.parse(out.slice(out.indexOf('{'))) as { results?: Array<{ status: string; reason?: string }>; status?: string; reason?: string };
        status = j.results?.[0]?.status ?? j.status;
        reason = j.results?.[0]?.reason ?? j.reason;
      } catch {
        // not JSON: the assertion below shows the text
      }
      resolve({ code, status, reason, out });
    });
  });
}

const ORIGINAL = 'GOFLAGS=-mod=mod\nGOTOOLCHAIN=local\n';

describe('reliability: two gomod-doctor fix processes on one go env file', function () {
  this.timeout(180_000);
  let root: string;
  let env: Record<string, string>;
  let envFile: string;
  const tally = { rounds: 0, written: 0, refused: 0, lost: 0 };

  before(() => {
    root = tempRoot('two-writers');
    const home = quietHome(join(root, 'home'));
    envFile = join(root, 'go-env');
    env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_STATE_HOME: join(root, 'state'),
      GOENV: envFile,
      GOPATH: join(root, 'gopath'),
      GOCACHE: join(root, 'gocache'),
      GOTELEMETRY: 'off',
      LANG: 'C.UTF-8',
    };
    mkdirSync(join(root, 'gopath'));
  });
  after(() => {
    removeTree(root);
    console.log(`      ${tally.rounds} rounds of two writers: ${tally.written} written, ${tally.refused} refused with a reason, ${tally.lost} changes lost`);
  });

  const goValue = (name: string) => execFileSync('go', ['env', name], { env, encoding: 'utf8' }).trimEnd();

  // Different variables (both must land) and the same variable (the later one wins, the journal chains them).
  const rounds: Array<{ a: [string, string]; b: [string, string] }> = [];
  for (let i = 0; i < 8; i++) rounds.push({ a: ['GOPRIVATE', `a${i}.example`], b: ['GONOSUMDB', `b${i}.example`] });
  for (let i = 0; i < 4; i++) rounds.push({ a: ['GOPRIVATE', `a${i}.example`], b: ['GOPRIVATE', `b${i}.example`] });

  for (const [i, r] of rounds.entries()) {
    it(`round ${i + 1}: ${r.a.join('=')} and ${r.b.join('=')} at once, then two undos at once`, async () => {
      writeFileSync(envFile, ORIGINAL);
      const state = join(root, `state-${i}`);
      const [oa, ob] = await Promise.all([
        cli(['fix', `env:set:${r.a[0]}=${r.a[1]}`, '--json', '--state-dir', state], env),
        cli(['fix', `env:set:${r.b[0]}=${r.b[1]}`, '--json', '--state-dir', state], env),
      ]);
      tally.rounds++;
      for (const o of [oa, ob]) {
        assert.ok(o.status === 'written' || (o.status === 'failed' && o.reason), `written, or failed saying why: ${o.out}`);
        if (o.status === 'written') tally.written++;
        else tally.refused++;
      }
      const wrote = [oa, ob].map((o) => o.status === 'written');
      // The file holds every change that says it was written (for one variable: one of the two values).
      if (r.a[0] !== r.b[0]) {
        const lost = [r.a, r.b].filter(([n, v], k) => wrote[k] && goValue(n) !== v);
        tally.lost += lost.length;
        assert.deepEqual(lost, [], `a change reported as written is not in the file:\n${readFileSync(envFile, 'utf8')}`);
      } else if (wrote.some(Boolean)) {
        assert.ok([r.a[1], r.b[1]].includes(goValue(r.a[0])), readFileSync(envFile, 'utf8'));
      }

      // The journal keeps every previous value: following it back leads to the original.
      const entries = readJournal(state).entries.flatMap((e) => e.changes);
      assert.equal(entries.length, wrote.filter(Boolean).length);
      if (r.a[0] === r.b[0] && entries.length === 2) {
        assert.equal(entries[0].previous, null);
        assert.equal(entries[1].previous, entries[0].next, 'the second write journals the first one\'s value');
      } else for (const c of entries) assert.equal(c.previous, null, `${c.name} had no value before`);

      const undos = await Promise.all([1, 2].map(() => cli(['undo', '--json', '--state-dir', state], env)));
      assert.equal(undos.filter((u) => u.status === 'restored').length, entries.length, undos.map((u) => u.out).join('\n'));
      for (const u of undos.filter((x) => x.status !== 'restored')) assert.match(u.out, /Nothing to undo|empty/, u.out);
      assert.equal(readFileSync(envFile, 'utf8'), ORIGINAL, 'two undos restore the file byte for byte');
    });
  }

  // Known gaps, reported to the lead with the fix (one lock per go env file, or one state directory for the editor
  // and the CLI). Seen when these rounds ran with separate --state-dir values: (1) same variable: writer A
  // verifies, sees B's value and rolls back to A's "previous", erasing B's value that B reported as written;
  // (2) two undos at once: two go env -u rewrote the file concurrently and left "IVATE=a4.example" (torn file),
  // or one undo was lost.
  it.skip('separate state directories, the same variable: one wins, nothing is lost (known lost update)');
  it.skip('separate state directories, two undos at once: the file is never torn (known: go env -u is not atomic)');
});
