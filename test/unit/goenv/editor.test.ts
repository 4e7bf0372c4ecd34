import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorSettingsError, JsonSettingsFileTarget, readGoExtensionSettings, scanTopLevel } from '../../../src/core/goenv/editor';

describe('goenv/editor: settings.json target', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gmd-editor-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file and the property when missing', async () => {
    const f = join(dir, 'settings.json');
    const t = new JsonSettingsFileTarget(f);
    await t.write('GOPROXY', 'https://goproxy.cn,direct');
    assert.deepEqual(JSON.parse(readFileSync(f, 'utf8')), { 'go.toolsEnvVars': { GOPROXY: 'https://goproxy.cn,direct' } });
    assert.deepEqual(await t.read(), { GOPROXY: 'https://goproxy.cn,direct' });
  });

  it('edits only its property and keeps comments and other settings', async () => {
    const f = join(dir, 'settings.json');
    const text = '{\n  // my editor\n  "editor.fontSize": 14, /* keep */\n  "go.toolsEnvVars": {\n    "GOFLAGS": "-mod=mod", // flags\n  },\n  "files.eol": "\\n",\n}\n';
    writeFileSync(f, text);
    const t = new JsonSettingsFileTarget(f, ['go.toolsEnvVars', 'terminal.integrated.env.linux']);
    await t.write('GOPROXY', 'https://goproxy.cn,direct');
    const out = readFileSync(f, 'utf8');
    assert.ok(out.includes('// my editor') && out.includes('/* keep */') && out.includes('"files.eol"'));
    assert.deepEqual(await t.read(), { GOFLAGS: '-mod=mod', GOPROXY: 'https://goproxy.cn,direct' });
    assert.deepEqual(await new JsonSettingsFileTarget(f, ['terminal.integrated.env.linux']).read(), { GOPROXY: 'https://goproxy.cn,direct' });
    await t.write('GOPROXY', undefined);
    assert.deepEqual(await t.read(), { GOFLAGS: '-mod=mod' });
    scanTopLevel(readFileSync(f, 'utf8'));
  });

  it('fails without touching an unparsable file', async () => {
    const f = join(dir, 'settings.json');
    writeFileSync(f, '{ "a": 1,, }');
    const t = new JsonSettingsFileTarget(f);
    await assert.rejects(t.write('GOPROXY', 'x'), EditorSettingsError);
    await assert.rejects(t.read(), EditorSettingsError);
    assert.equal(readFileSync(f, 'utf8'), '{ "a": 1,, }');
    writeFileSync(f, '{ "go.toolsEnvVars": [1] }');
    await assert.rejects(t.write('GOPROXY', 'x'), /not an object/);
  });

  it('reads go.goroot and go.alternateTools for finding the go binary', () => {
    const f = join(dir, 'settings.json');
    writeFileSync(f, '{ "go.goroot": "/opt/go", "go.alternateTools": { "go": "go1.22", "gopls": 3 }, "go.toolsEnvVars": { "GOPROXY": "off" } }');
    assert.deepEqual(readGoExtensionSettings(f), { toolsEnvVars: { GOPROXY: 'off' }, goroot: '/opt/go', alternateTools: { go: 'go1.22' } });
    assert.deepEqual(readGoExtensionSettings(join(dir, 'missing.json')), { toolsEnvVars: {} });
  });
});
