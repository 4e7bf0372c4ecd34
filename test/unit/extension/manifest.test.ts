// The contributions in package.json agree with the code: every command the extension registers is contributed with
// the category, hidden from the palette where it makes no sense, settings have scopes and descriptions, the
// walkthrough's command links lead to real commands.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_COMMANDS } from '../../../src/protocol';

const root = join(__dirname, '..', '..', '..', '..');

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: { commandPalette: Array<{ command: string; when?: string }> };
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; description?: string }> };
    walkthroughs: Array<{ id: string; title: string; steps: Array<{ id: string; description: string; completionEvents?: string[] }> }>;
  };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributed = new Map(manifest.contributes.commands.map((c) => [c.command, c]));
const palette = new Map(manifest.contributes.menus.commandPalette.map((m) => [m.command, m.when ?? '']));

/** Command ids registered with vscode.commands.registerCommand / register(…) in src/extension (not panel-internal). */
function registeredIds(): string[] {
  const dir = join(root, 'src', 'extension');
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(join(dir, name), 'utf8');
    for (const m of src.matchAll(/(?:registerCommand|register)\(\s*'(gomodDoctor\.[\w.]+)'/g)) ids.add(m[1]);
    for (const m of src.matchAll(/'(gomodDoctor\.\w+)':\s*'(?:modcache|buildcache|prune)'/g)) ids.add(m[1]);
    for (const m of src.matchAll(/export const SHOW_PANEL = '(gomodDoctor\.\w+)'/g)) ids.add(m[1]);
  }
  return [...ids].sort();
}

/** The commands that run go, touch the network or write: hidden from the palette in Restricted Mode. */
const NEEDS_TRUST = [
  'gomodDoctor.recheck',
  'gomodDoctor.switchProxy',
  'gomodDoctor.setSumdb',
  'gomodDoctor.addPrivate',
  'gomodDoctor.undoEnvWrite',
  'gomodDoctor.cleanModuleCache',
  'gomodDoctor.cleanBuildCache',
  'gomodDoctor.pruneModuleCache',
  'gomodDoctor.runDownload',
];

describe('extension: package.json contributions', () => {
  it('every command the extension registers is contributed, with the category "Go Mod Doctor" and a translated title', () => {
    const ids = registeredIds();
    assert.ok(ids.length >= 12, `only found ${ids.join(', ')}`);
    for (const id of [...ids, SERVER_COMMANDS.recheck, SERVER_COMMANDS.undoEnvWrite]) {
      const c = contributed.get(id);
      assert.ok(c, `${id} is not contributed`);
      assert.equal(c.category, 'Go Mod Doctor', id);
      assert.match(c.title, /^%command\.\w+%$/, id);
      assert.ok(nls[c.title.slice(1, -1)], `${id}: no English title`);
    }
  });

  it('the issue\'s commands are all there', () => {
    for (const id of [
      'showPanel', 'recheck', 'switchProxy', 'setSumdb', 'addPrivate', 'showEnv', 'undoEnvWrite',
      'cleanModuleCache', 'cleanBuildCache', 'pruneModuleCache', 'runDownload', 'copyReport',
    ]) {
      assert.ok(contributed.has(`gomodDoctor.${id}`), id);
    }
  });

  it('commands that need trust are hidden from the palette in Restricted Mode; all but the log need a Go workspace', () => {
    for (const c of manifest.contributes.commands) {
      const when = palette.get(c.command);
      if (c.command === 'gomodDoctor.showLog') continue;
      assert.ok(when !== undefined, `${c.command} has no commandPalette entry`);
      assert.ok(when.includes('gomodDoctor.moduleWorkspace'), `${c.command}: ${when}`);
      assert.equal(when.includes('isWorkspaceTrusted'), NEEDS_TRUST.includes(c.command), `${c.command}: ${when}`);
    }
    // Commands with arguments only the code passes stay out of the palette (they are not contributed at all).
    assert.ok(!contributed.has(SERVER_COMMANDS.applyEnvFix));
    assert.ok(!contributed.has(SERVER_COMMANDS.downloadSums));
  });

  it('settings have a scope and a markdown description; path-like ones are restricted when untrusted', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of [
      'gomodDoctor.probeTimeoutMs', 'gomodDoctor.concurrency', 'gomodDoctor.backgroundIntervalMinutes', 'gomodDoctor.networkProbes',
      'gomodDoctor.mirrors', 'gomodDoctor.goPath', 'gomodDoctor.trace.server',
    ]) {
      const p = props[key];
      assert.ok(p, `${key} missing`);
      assert.ok(p.scope, `${key} has no scope`);
      assert.match(p.markdownDescription ?? '', /^%config\.[\w.]+%$/, key);
    }
    assert.equal(props['gomodDoctor.goPath'].scope, 'machine-overridable');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), ['gomodDoctor.goPath', 'gomodDoctor.mirrors']);
  });

  it('docs/vscode.md documents every contributed command and setting', () => {
    const doc = readFileSync(join(root, 'docs', 'vscode.md'), 'utf8');
    for (const c of manifest.contributes.commands) {
      assert.ok(doc.includes(`\`${c.command}\``), `${c.command} is not in docs/vscode.md`);
      assert.ok(doc.includes(`| ${nls[c.title.slice(1, -1)]} |`), `the title of ${c.command} is not in docs/vscode.md`);
    }
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(doc.includes(`\`${key}\``), `${key} is not in docs/vscode.md`);
  });

  it('the panel\'s serializer can activate the extension', () => {
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:gomodDoctor.health'));
  });

  it('the walkthrough has the four steps, each with a command link to a contributed command (in both languages)', () => {
    const [w] = manifest.contributes.walkthroughs;
    assert.ok(w, 'no walkthrough');
    assert.deepEqual(w.steps.map((s) => s.id), ['check', 'mirror', 'private', 'cache']);
    const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    for (const bundle of [nls, zh]) {
      for (const step of w.steps) {
        const text = bundle[step.description.slice(1, -1)];
        const links = [...text.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
        assert.ok(links.length > 0, `${step.id}: no command link in ${text}`);
        for (const id of links) assert.ok(contributed.has(id), `${step.id} links to ${id}, which is not contributed`);
        for (const e of step.completionEvents ?? []) assert.ok(contributed.has(e.replace(/^onCommand:/, '')), e);
      }
    }
  });
});
