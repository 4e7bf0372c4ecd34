// Captured go error texts (test/fixtures/go-errors/*.txt): each file says where the text comes from and which
// findings, in order, it must produce. Texts captured from the real go here and texts in the go command's
// documented formats for what cannot be produced offline (DNS, firewalls, git credentials, SSH).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { explainGoError } from '../../../src/core/diagnose/explain';
import { setLanguage } from '../../../src/core/i18n';

const dir = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'go-errors');

interface Fixture {
  name: string;
  source: string;
  expects: Array<Record<string, string>>;
  text: string;
}

function load(file: string): Fixture {
  const raw = readFileSync(path.join(dir, file), 'utf8');
  const sep = raw.indexOf('\n---\n');
  const head = raw.slice(0, sep).split('\n');
  const expects = head
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => {
      const [code, ...kv] = l.slice('# expect: '.length).trim().split(/\s+/);
      const e: Record<string, string> = { code };
      for (const pair of kv) {
        const i = pair.indexOf('=');
        e[pair.slice(0, i)] = pair.slice(i + 1);
      }
      return e;
    });
  return { name: file, source: head.find((l) => l.startsWith('# source: '))?.slice(10) ?? '', expects, text: raw.slice(sep + 5) };
}

describe('explain: captured go error texts', () => {
  before(() => setLanguage('en'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const shapes = new Set<string>();

  after(() => console.log(`      ${files.length} fixtures, ${shapes.size} distinct shapes`));

  it('has fixtures, each with a source and an expectation', () => {
    assert.ok(files.length >= 30, String(files.length));
    for (const f of files.map(load)) {
      assert.ok(f.source.length > 10, `${f.name}: no source`);
      assert.ok(f.expects.length > 0, `${f.name}: no expectation`);
    }
  });

  for (const file of files) {
    it(file, () => {
      const f = load(file);
      const r = explainGoError(f.text);
      const got = r.findings.map((x) => `${x.code} module=${x.module ?? ''} version=${x.version ?? ''} host=${x.host ?? ''} severity=${x.severity}`);
      assert.equal(r.findings.length, f.expects.length, `findings: ${got.join(' | ')}; unrecognized: ${r.unrecognized.join(' | ')}`);
      f.expects.forEach((e, i) => {
        const x = r.findings[i];
        assert.equal(x.code, e.code, got[i]);
        for (const key of ['module', 'version', 'host', 'severity'] as const) if (e[key] !== undefined) assert.equal(x[key], e[key], `${key}: ${got[i]}`);
        assert.ok(x.fixes && x.fixes.length > 0 && x.fixes[0].title.length > 10, 'every finding says what to do');
        assert.ok(!/s3cr3t|t0ken/.test(JSON.stringify(x)), 'credentials never leave the translator');
        shapes.add(r.shapes[i]);
      });
      assert.deepEqual(r.unrecognized, []);
    });
  }

  it('speaks Chinese with the same facts', () => {
    const f = load('git-terminal-prompts.txt');
    const en = explainGoError(f.text, { lang: 'en' }).findings[0];
    const zh = explainGoError(f.text, { lang: 'zh-cn' }).findings[0];
    assert.equal(zh.code, en.code);
    assert.equal(zh.module, en.module);
    assert.match(zh.message, /[\u4e00-\u9fff]/);
    assert.match(zh.message, /github\.com\/acme\/private/);
    assert.match(zh.fixes![0].title, /GOPRIVATE=github\.com\/acme/);
    setLanguage('zh-cn');
    try {
      assert.match(explainGoError(f.text).findings[0].message, /[\u4e00-\u9fff]/, 'follows the current language');
    } finally {
      setLanguage('en');
    }
  });

  it('leaves lines it does not know as unrecognized instead of guessing', () => {
    const r = explainGoError('something completely different happened\nrc=1\n');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.unrecognized, ['something completely different happened', 'rc=1']);
  });

  it('reports the same cause once', () => {
    const f = load('disk-full.txt');
    assert.equal(explainGoError(f.text + f.text).findings.length, 1);
  });
});
