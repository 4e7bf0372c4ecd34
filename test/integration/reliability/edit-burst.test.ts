// The user typing in go.mod while module checks wait on a slow proxy: bursts of didChange (full and incremental,
// seeded) against the real language server. No error in its log, every published range fits the text of the
// version it was published for, and the diagnostics it settles on equal those of a fresh server that only ever
// saw the final text.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliPath } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { LspClient } from '../../support/lspClient';
import { moduleFixture } from '../../support/modules';
import { prng } from '../goenv/support';
import { removeTree, sealedGoEnv, tempRoot } from '../modules/support';

interface Diag {
  code: string;
  severity: number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface Message {
  method?: string;
  params?: unknown;
}

const HEAD = 'module example.com/app\n\ngo 1.21\n';
// Lines a user might have in the require block at any moment: present, absent, a version the proxy lacks…
const REQUIRES = ['example.com/present v1.0.0', 'example.com/other v0.1.0', 'example.com/absent v1.0.0', 'example.com/other v0.9.9', 'example.com/gone v0.0.1'];
// …and half-typed ones that make the file unparsable for a moment (no module checks until it parses again).
const HALF_TYPED = ['example.com/pres', 'example.com/present v1.', 'example.com/absent v2.0.0'];

function textFrom(rand: () => number, halfTyped = true): string {
  const lines = [...REQUIRES.filter(() => rand() < 0.5), ...(halfTyped ? HALF_TYPED.filter(() => rand() < 0.1) : [])];
  const lead = rand() < 0.3 ? '// comment\n'.repeat(1 + Math.floor(rand() * 3)) : '';
  return `${lead}${HEAD}${lines.length ? `\nrequire (\n${lines.map((l) => `\t${l}\n`).join('')})\n` : ''}`;
}

/** Where a range points in a text, or undefined when it does not fit. */
function slice(text: string, r: Diag['range']): string | undefined {
  const lines = text.split('\n');
  const a = lines[r.start.line];
  const b = lines[r.end.line];
  if (a === undefined || b === undefined || r.start.character > a.length || r.end.character > b.length) return undefined;
  if (r.start.line === r.end.line) return a.slice(r.start.character, r.end.character);
  return [a.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), b.slice(0, r.end.character)].join('\n');
}

const isPublish = (m: Message) => m.method === 'textDocument/publishDiagnostics';

/**
 * Takes every notification until `settled` holds for what came so far and then none has come for quietMs
 * (bounded by maxMs): a loaded machine may pause longer than quietMs before the checks even finish.
 */
async function drainUntilSettled(c: LspClient, settled: (got: Message[]) => boolean, quietMs: number, maxMs: number): Promise<Message[]> {
  const got: Message[] = [];
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    try {
      got.push(await c.waitFor(() => true, quietMs));
    } catch {
      if (settled(got)) return got;
    }
  }
  return got;
}

/** A publish for this version that carries module findings: the checks of that text have reported. */
const checked = (version: number) => (got: Message[]) =>
  got.some((m) => isPublish(m) && (m.params as { version?: number; diagnostics: Diag[] }).version === version && (m.params as { diagnostics: Diag[] }).diagnostics.some((d) => d.code.startsWith('module.')));

function errorsIn(messages: Message[], stderr: string): string[] {
  const logged = messages
    .filter((m) => m.method === 'window/logMessage' || m.method === 'window/showMessage')
    .map((m) => m.params as { type: number; message: string })
    .filter((p) => p.type === 1 || /failed|exception|TypeError|RangeError|\n\s+at /i.test(p.message))
    .map((p) => p.message);
  return [...logged, ...(/error|exception|\n\s+at /i.test(stderr) ? [stderr] : [])];
}

describe('reliability: editing go.mod while module checks run', function () {
  this.timeout(120_000);
  let root: string;
  let slow: GoproxyServer;
  let env: NodeJS.ProcessEnv;
  let edits = 0;

  before(async () => {
    root = tempRoot('edit-burst');
    slow = await new GoproxyServer({
      modules: [moduleFixture('example.com/present', 'v1.0.0'), moduleFixture('example.com/present', 'v1.1.0'), moduleFixture('example.com/other', 'v0.1.0')],
      delayMs: 250,
    }).start();
    env = sealedGoEnv(root, { GOPROXY: slow.url, GOSUMDB: 'off', GOFLAGS: '' });
  });
  after(async () => {
    await slow.stop();
    removeTree(root);
    console.log(`      ${edits} edits sent while checks were in flight`);
  });

  async function session(name: string): Promise<{ c: LspClient; uri: string }> {
    const dir = join(root, name);
    mkdirSync(dir);
    const c = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], env);
    await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { stateDir: join(dir, 'state'), debounceMs: 30, timeoutMs: 5_000, mirrors: [] } });
    c.notify('initialized', {});
    return { c, uri: pathToFileURL(join(dir, 'go.mod')).href };
  }

  /** The diagnostics a server settles on for a text it sees once, with the file's directory taken out. */
  async function reference(name: string, text: string): Promise<string[]> {
    const { c, uri } = await session(name);
    try {
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text } });
      const msgs = await drainUntilSettled(c, checked(1), 1_500, 30_000);
      assert.deepEqual(errorsIn(msgs, c.stderr), []);
      const last = msgs.filter(isPublish).at(-1)!.params as { diagnostics: Diag[] };
      return normalize(last.diagnostics, name);
    } finally {
      await c.close();
    }
  }

  const normalize = (ds: Diag[], name: string) =>
    ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message.split(join(root, name)).join('<dir>')}`).sort();

  for (const seed of [1, 2]) {
    it(`burst ${seed}: 25 edits 0–60 ms apart; no error logged, ranges fit their version, the end state equals a fresh check`, async () => {
      const rand = prng(seed * 7919);
      const name = `edited-${seed}`;
      const { c, uri } = await session(name);
      const texts = new Map<number, string>();
      try {
        let text = textFrom(rand);
        texts.set(1, text);
        c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text } });
        await new Promise((r) => setTimeout(r, 300)); // the first checks are now waiting on the proxy
        for (let version = 2; version <= 26; version++) {
          if (version === 26) {
            // The last edit leaves a file that parses and requires what the proxy has and what it lacks.
            text = `${HEAD}\nrequire (\n\t${REQUIRES[0]}\n\t${REQUIRES[2 + (seed % 3)]}\n)\n`;
            c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
          } else if (rand() < 0.3) {
            // Incremental: insert or remove a comment line at the top, shifting every range below.
            const remove = text.startsWith('// x\n') && rand() < 0.5;
            const change = remove
              ? { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }
              : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// x\n' };
            text = remove ? text.slice(5) : '// x\n' + text;
            c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
          } else {
            text = textFrom(rand);
            c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
          }
          texts.set(version, text);
          edits++;
          await new Promise((r) => setTimeout(r, Math.floor(rand() * 60)));
        }
        const msgs = await drainUntilSettled(c, checked(26), 1_500, 40_000);
        assert.deepEqual(errorsIn(msgs, c.stderr), [], 'nothing went wrong in the server');
        const publishes = msgs.filter(isPublish).map((m) => m.params as { version?: number; diagnostics: Diag[] });
        assert.ok(publishes.length > 0);
        for (const p of publishes) {
          const t = texts.get(p.version!);
          assert.ok(t !== undefined, `published for an unknown version ${p.version}`);
          for (const d of p.diagnostics) {
            const s = slice(t, d.range);
            assert.ok(s !== undefined, `${d.code} at ${JSON.stringify(d.range)} does not fit version ${p.version}`);
            // A module finding points at a module path or version written in that very text.
            if (/^(module|gosum)\./.test(d.code) && d.range.start.line === d.range.end.line && s !== '') {
              assert.match(s, /^(example\.com\/[a-z]+|v[0-9][\w.+-]*)$|example\.com/, `${d.code} points at ${JSON.stringify(s)} in version ${p.version}`);
            }
          }
        }
        const final = publishes.at(-1)!;
        assert.equal(final.version, 26, 'the last word is for the last version');
        const settled = normalize(final.diagnostics, name);
        assert.ok(settled.some((d) => d.startsWith('module.')), `module checks ran on the final text: ${settled.join('\n')}`);
        assert.deepEqual(settled, await reference(`fresh-${seed}`, texts.get(26)!), 'the same as a server that saw only the final text');
        const h = await c.request('gomodDoctor/noSuchMethod', {}, 5_000);
        assert.equal((h.error as { code: number }).code, -32601, 'still answering');
      } finally {
        await c.close();
      }
    });
  }
});
