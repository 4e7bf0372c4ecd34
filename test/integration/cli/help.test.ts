// The CLI's own manners: per-command help with examples (en + zh), --version from anywhere, usage errors with exit
// status 2 and no stack trace, --debug for internals, the language from --lang or the locale.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_NAMES } from '../../../src/cli/help';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { setLanguage } from '../../../src/core/i18n';
import { repoRoot, runCli } from '../../support/cli';
import { removeTree, tempRoot } from './support';

async function run(argv: string[], env: NodeJS.ProcessEnv = { LANG: 'C' }, cwd = repoRoot): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => (out += s), err: (s) => (err += s), env, cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Options named in the example lines of a help text (the part before ` -- `, which belongs to go). */
function exampleOptions(help: string): string[] {
  const examples = help.slice(help.search(/^(Examples|示例)[:：]/m)).split('\n').slice(1);
  const lines = examples.filter((l) => /^ {2}\S/.test(l) && l.includes('gomod-doctor'));
  return lines.flatMap((l) => [...l.split(' -- ')[0].matchAll(/(?<=\s)--[a-z-]+/g)].map((m) => m[0]));
}

describe('gomod-doctor help, version, usage errors, --debug, language', function () {
  this.timeout(30_000);
  afterEach(() => setLanguage('en'));

  it('every command has help with examples, the same for `<cmd> --help`, `<cmd> -h` and `help <cmd>`, exit 0', async () => {
    for (const cmd of COMMAND_NAMES) {
      const a = await run([cmd, '--help']);
      assert.equal(a.code, 0, cmd);
      assert.equal(a.err, '');
      assert.ok(a.out.startsWith(`Usage: gomod-doctor ${cmd}`), `${cmd}: ${a.out.slice(0, 60)}`);
      const examples = a.out.slice(a.out.indexOf('\nExamples:\n'));
      assert.match(examples, new RegExp(`\\n {2}(npx )?gomod-doctor ${cmd}\\b|\\| gomod-doctor ${cmd}\\b|; gomod-doctor ${cmd}\\b`), `${cmd} has an example`);
      assert.match(a.out, /\nExit status: /, `${cmd} states its exit status`);
      // Options used in the examples are documented in the same text (or are global ones).
      for (const opt of exampleOptions(a.out)) assert.ok(a.out.includes(`  ${opt} `) || a.out.includes(`  ${opt}=`) || ['--lang', '--debug'].includes(opt), `${cmd}: example option ${opt} is not documented`);
      assert.deepEqual(await run(['help', cmd]), a);
      assert.deepEqual(await run([cmd, '-h']), a);
    }
  });

  it('and in Chinese: translated text, the same example commands', async () => {
    for (const cmd of COMMAND_NAMES) {
      const en = await run([cmd, '--help']);
      const zh = await run([cmd, '--help', '--lang', 'zh-cn']);
      assert.equal(zh.code, 0);
      assert.ok(zh.out.startsWith(`用法：gomod-doctor ${cmd}`), `${cmd}: ${zh.out.slice(0, 40)}`);
      assert.match(zh.out, /\n示例：\n/);
      const exampleLines = (s: string) => s.split('\n').filter((l) => /^ {2}\S/.test(l) && l.includes(`gomod-doctor ${cmd}`));
      assert.deepEqual(exampleLines(zh.out), exampleLines(en.out), cmd);
    }
    const zh = await run(['--help'], { LANG: 'zh_CN.UTF-8' });
    assert.match(zh.out, /^用法：gomod-doctor <命令>/);
  });

  it('the bundle answers --help and --version from any directory, like an installed command', async () => {
    const dir = tempRoot('version');
    try {
      const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
      const v = await runCli(['--version'], { cwd: dir });
      assert.equal(v.code, 0);
      assert.equal(v.stdout, `gomod-doctor ${pkg.version}\n`);
      const h = await runCli(['check', '--help'], { cwd: dir });
      assert.equal(h.code, 0);
      assert.ok(h.stdout.startsWith('Usage: gomod-doctor check'));
    } finally {
      removeTree(dir);
    }
  });

  it('usage mistakes: exit 2, one line saying what is wrong and where to read more, never a stack trace', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /^Usage: gomod-doctor <command>/],
      [['frobnicate'], /^gomod-doctor: unknown command "frobnicate"\nUsage: gomod-doctor/],
      [['help', 'frobnicate'], /^gomod-doctor: no help for "frobnicate"/],
      [['check', '--frob'], /^gomod-doctor: unknown option "--frob"\nRun 'gomod-doctor check --help' for its options and examples\.\n$/],
      [['check', '--format', 'yaml'], /^gomod-doctor: unknown format "yaml" \(expected text\|json\|markdown\|sarif\)\n/],
      [['probe', '--timeout-ms', 'soon'], /^gomod-doctor: --timeout-ms needs a positive whole number/],
      [['lsp'], /^gomod-doctor: lsp needs --stdio\nRun 'gomod-doctor lsp --help'/],
      [['check', '--lang', 'fr'], /^gomod-doctor: unknown language "fr" \(expected en or zh-cn\)\n$/],
      [['watch', '--', 'make'], /^gomod-doctor: Usage: gomod-doctor watch/],
    ];
    for (const [argv, want] of cases) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '', argv.join(' '));
      assert.match(r.err, want, argv.join(' '));
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
  });

  it('--help after `--` belongs to the go command, not to gomod-doctor', async () => {
    const r = await run(['watch', '--go', join(repoRoot, 'no-such-go'), '--', 'go', 'mod', '--help']);
    assert.equal(r.code, 127, 'went on to run go (which is missing here) instead of printing help');
    assert.equal(r.out, '');
  });

  it('an internal error is one line; --debug adds the stack trace and timings', async () => {
    const dir = tempRoot('debug');
    try {
      // An environment that fails when the go binary is looked up: a stand-in for any bug inside a command.
      const env = new Proxy({ LANG: 'C' } as NodeJS.ProcessEnv, {
        get: (target, key) => {
          if (key === 'PATH') throw new Error('simulated failure');
          return target[key as string];
        },
      });
      const plain = await run(['check', '--offline'], env, dir);
      assert.equal(plain.code, 2);
      assert.equal(plain.err, 'gomod-doctor: internal error: simulated failure (run with --debug for details)\n');
      const debug = await run(['check', '--offline', '--debug'], env, dir);
      assert.equal(debug.code, 2);
      assert.match(debug.err, /^gomod-doctor: internal error: simulated failure/);
      assert.match(debug.err, /\n\s+at .*check/, 'the stack says where');
      const timings = await run(['check', '--offline', '--debug'], { LANG: 'C', PATH: process.env.PATH, GOENV: 'off', GOPROXY: 'off', GOTOOLCHAIN: 'local' }, dir);
      assert.match(timings.err, /^gomod-doctor: debug: go \S+ \(.*\), environment read after \d+ ms$/m);
      assert.match(timings.err, /^gomod-doctor: debug: 0 module files checked after \d+ ms$/m);
    } finally {
      removeTree(dir);
    }
  });

  it('the language: --lang, else LC_ALL, LC_MESSAGES, LANG (an empty one does not count)', async () => {
    const lang = async (env: NodeJS.ProcessEnv, argv: string[] = []) => ((await run(['frobnicate', ...argv], env)).err.includes('未知命令') ? 'zh' : 'en');
    assert.equal(await lang({ LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(await lang({ LC_ALL: '', LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(await lang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(await lang({ LC_MESSAGES: 'zh_CN', LANG: 'en_US' }), 'zh');
    assert.equal(await lang({ LANG: 'zh_CN.UTF-8' }, ['--lang', 'en']), 'en');
    assert.equal(await lang({ LANG: 'C' }, ['--lang=zh-cn']), 'zh');
  });
});
