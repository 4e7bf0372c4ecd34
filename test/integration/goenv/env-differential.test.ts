// Differential test: our effective value for every go-reported module variable must equal `go env -json`'s,
// across combinations of editor / process / env-file / $GOROOT/go.env layers (unset, set empty, set).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGo } from '../../../src/core/gocmd/run';
import { loadEnvSnapshot } from '../../../src/core/goenv/load';
import { resolveEnv } from '../../../src/core/goenv/resolve';
import { GO_REPORTED_VARIABLES } from '../../../src/core/goenv/vars';
import { fakeGoroot, pick, pool, prng, quietHome, removeTree, sealedEnv, tempDir, writeText } from './support';

type State = 'absent' | 'empty' | 'value';
const STATES: State[] = ['absent', 'empty', 'value'];
type LayerName = 'editor' | 'process' | 'envfile' | 'rootA' | 'rootB';

/** Variables whose values are free-form in every stored layer. */
const FREE_VARS = GO_REPORTED_VARIABLES.filter((n) => n !== 'GOENV' && n !== 'GOROOT');

interface Slot {
  base: string;
  rootA: string;
  goBin: string;
  rootB: string;
  home: string;
  xdgConfig: string;
  xdgCache: string;
  altEnvFile: string;
  workDir: string;
  noWorkDir: string;
}

interface Combo {
  label: string;
  process: Record<string, string | undefined>;
  editor?: Record<string, string>;
  envFile: Record<string, string | undefined>;
  rootA: Record<string, string | undefined>;
  rootB: Record<string, string | undefined>;
  inWorkspace: boolean;
  extraEnvFileLines?: string;
}

function valueFor(name: string, layer: LayerName, slot: Slot, rand: () => number): string {
  const tag = layer;
  switch (name) {
    case 'GO111MODULE':
      return pick(rand, ['on', 'off', 'auto']);
    case 'GOTOOLCHAIN':
      // Only values that can never select another toolchain (a version name would make go download it).
      return pick(rand, ['local', 'auto', 'path', 'local+auto', 'local+path']);
    case 'GOFLAGS':
      return pick(rand, ['-mod=mod', '-modcacherw', '-trimpath -modcacherw', `-tags=${tag}`]);
    case 'GOPATH':
      return pick(rand, [`${slot.base}/${tag}-gopath`, `${slot.base}/${tag}-a:${slot.base}/b`, `:${slot.base}/${tag}-second`]);
    case 'GOMODCACHE':
      return `${slot.base}/${tag}-modcache`;
    case 'GOCACHE':
      return pick(rand, [`${slot.base}/${tag}-cache`, `${slot.base}/${tag}-cache/`, 'off', `rel-${tag}-cache`]);
    case 'GOWORK':
      return pick(rand, ['off', 'auto', `${slot.base}/${tag}/go.work`]);
    case 'GOPROXY':
      return pick(rand, [`https://${tag}.proxy.example`, `https://${tag}.proxy.example,direct`, 'off', 'direct', ` https://${tag}.example | direct `]);
    case 'GOSUMDB':
      return pick(rand, [`${tag}.sumdb.example`, 'off', 'sum.golang.google.cn']);
    case 'GOAUTH':
      return pick(rand, ['off', 'netrc', `git ${slot.base}`]);
    case 'GOVCS':
      return `public:git,private:${tag}`;
    default:
      return pick(rand, [`${tag}.corp.example/${name.toLowerCase()}`, `*.${tag}.example,${tag}.example/x`, `${tag}.example/sp ace`]);
  }
}

function assign(combo: Combo, layer: LayerName, name: string, state: State, slot: Slot, rand: () => number): void {
  if (state === 'absent') return;
  const v = state === 'empty' ? '' : valueFor(name, layer, slot, rand);
  if (layer === 'editor') (combo.editor ??= {})[name] = v;
  else if (layer === 'envfile') combo.envFile[name] = v;
  else combo[layer][name] = v;
}

function envFileText(vars: Record<string, string | undefined>, extra = ''): string | undefined {
  const entries = Object.entries(vars).filter(([, v]) => v !== undefined);
  if (entries.length === 0 && !extra) return undefined;
  return entries.map(([k, v]) => `${k}=${v}\n`).join('') + extra;
}

function goEnvText(vars: Record<string, string | undefined>, marker: string): string {
  return `# go.env of ${marker}\n` + Object.entries(vars).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}\n`).join('');
}

function baseProcess(slot: Slot): Record<string, string | undefined> {
  return sealedEnv({ HOME: slot.home, XDG_CONFIG_HOME: slot.xdgConfig, XDG_CACHE_HOME: slot.xdgCache, GOTOOLCHAIN: undefined });
}

/** Every combination of the four layers' states, the same for all free variables in one run. */
function systematicCombos(slot: Slot): Combo[] {
  const out: Combo[] = [];
  const rand = prng(7);
  for (let c = 0; c < 81; c++) {
    const st = [c % 3, Math.floor(c / 3) % 3, Math.floor(c / 9) % 3, Math.floor(c / 27) % 3].map((i) => STATES[i]);
    const combo: Combo = { label: `systematic#${c} editor=${st[0]} process=${st[1]} envfile=${st[2]} goroot=${st[3]}`, process: baseProcess(slot), envFile: {}, rootA: {}, rootB: {}, inWorkspace: c % 2 === 0 };
    for (const name of FREE_VARS) {
      assign(combo, 'editor', name, st[0], slot, rand);
      assign(combo, 'process', name, st[1], slot, rand);
      assign(combo, 'envfile', name, st[2], slot, rand);
      assign(combo, 'rootA', name, st[3], slot, rand);
    }
    out.push(combo);
  }
  return out;
}

/** Independent random states per variable, plus random GOROOT / GOENV / HOME / XDG situations. */
function randomCombos(slot: Slot, count: number, seed: number): Combo[] {
  const out: Combo[] = [];
  for (let i = 0; i < count; i++) {
    const rand = prng(seed + i);
    const combo: Combo = { label: `random seed=${seed + i}`, process: baseProcess(slot), envFile: {}, rootA: {}, rootB: {}, inWorkspace: rand() < 0.5 };
    for (const name of FREE_VARS) {
      for (const layer of ['editor', 'process', 'envfile', 'rootA', 'rootB'] as LayerName[]) {
        assign(combo, layer, name, pick(rand, layer === 'editor' ? ['absent', 'absent', 'empty', 'value'] as State[] : STATES), slot, rand);
      }
    }
    // Where the env file is: default location, XDG unset (→ $HOME/.config), GOENV=path, GOENV=off, GOENV empty.
    switch (pick(rand, ['default', 'no-xdg', 'goenv', 'goenv-off', 'goenv-empty', 'no-home'])) {
      case 'no-xdg':
        combo.process.XDG_CONFIG_HOME = undefined;
        combo.process.XDG_CACHE_HOME = undefined;
        break;
      case 'goenv':
        combo.process.GOENV = slot.altEnvFile;
        break;
      case 'goenv-off':
        combo.process.GOENV = 'off';
        break;
      case 'goenv-empty':
        combo.process.GOENV = '';
        break;
      case 'no-home':
        combo.process.HOME = undefined;
        combo.process.XDG_CONFIG_HOME = undefined;
        combo.process.XDG_CACHE_HOME = undefined;
        break;
    }
    if (rand() < 0.2) (combo.editor ??= {}).GOENV = pick(rand, [slot.altEnvFile, '', 'off']);
    // GOROOT: unset, from the OS (clean or with a trailing slash), from the env file, or both (they can differ).
    const rootCase = pick(rand, ['none', 'os', 'os-slash', 'file', 'file-empty', 'both']);
    if (rootCase === 'os' || rootCase === 'both') combo.process.GOROOT = slot.rootB;
    if (rootCase === 'os-slash') combo.process.GOROOT = slot.rootB + '/';
    if (rootCase === 'file') combo.envFile.GOROOT = slot.rootB;
    if (rootCase === 'file-empty') combo.envFile.GOROOT = '';
    if (rootCase === 'both') combo.envFile.GOROOT = slot.rootA + '/';
    if (rand() < 0.3) combo.envFile.GOENV = `${slot.base}/ignored-env`;
    if (rand() < 0.3) combo.extraEnvFileLines = pick(rand, ['# comment\n', ' GOPROXY=indented-is-ignored\n', 'gOPROXY=lower\n', 'NOEQUALS\n', 'GOPROXY=dup-last-wins\n', 'GOFLAGS=-mod=mod\r\n']);
    out.push(combo);
  }
  return out;
}

async function runCombo(combo: Combo, slot: Slot): Promise<{ compared: number; mismatches: string[] }> {
  const text = envFileText(combo.envFile, combo.extraEnvFileLines);
  // Write the env file everywhere the go command might look; it reads exactly one of them (or none).
  for (const f of [slot.altEnvFile, join(slot.xdgConfig, 'go', 'env'), join(slot.home, '.config', 'go', 'env')]) writeText(f, text);
  writeText(join(slot.rootA, 'go.env'), goEnvText(combo.rootA, 'rootA'));
  writeText(join(slot.rootB, 'go.env'), goEnvText(combo.rootB, 'rootB'));
  const cwd = combo.inWorkspace ? slot.workDir : slot.noWorkDir;

  const snapshot = await loadEnvSnapshot({ goPath: slot.goBin, env: combo.process, editor: combo.editor, cwd, platform: 'linux' });
  const ours = resolveEnv(snapshot).values;
  const r = await runGo(['env', '-json', ...GO_REPORTED_VARIABLES], {
    goPath: slot.goBin,
    baseEnv: { ...combo.process, ...(combo.editor ?? {}) },
    toolchainLocal: false,
    cwd,
    timeoutMs: 30_000,
  });
  if (r.code !== 0) return { compared: 0, mismatches: [`${combo.label}: go env failed: ${r.stderr.trim()}`] };
  const theirs = JSON.parse(r.stdout) as Record<string, string>;
  const mismatches: string[] = [];
  for (const name of GO_REPORTED_VARIABLES) {
    if (ours[name] !== theirs[name]) {
      mismatches.push(
        `${combo.label}: ${name}: ours=${JSON.stringify(ours[name])} go=${JSON.stringify(theirs[name])}\n` +
          `  process=${JSON.stringify(combo.process[name])} editor=${JSON.stringify(combo.editor?.[name])} envfile=${JSON.stringify(combo.envFile[name])} ` +
          `rootA=${JSON.stringify(combo.rootA[name])} rootB=${JSON.stringify(combo.rootB[name])} GOROOT(os)=${JSON.stringify(combo.process.GOROOT)} ` +
          `GOROOT(file)=${JSON.stringify(combo.envFile.GOROOT)} GOENV=${JSON.stringify(combo.process.GOENV)}/${JSON.stringify(combo.editor?.GOENV)} HOME=${JSON.stringify(combo.process.HOME)}`,
      );
    }
  }
  return { compared: GO_REPORTED_VARIABLES.length, mismatches };
}

describe('goenv: effective values vs `go env -json` (differential)', function () {
  this.timeout(120_000);
  const slots: Slot[] = [];
  let top = '';

  before(() => {
    top = tempDir('envdiff');
    for (let s = 0; s < 2; s++) {
      const base = join(top, `slot${s}`);
      const a = fakeGoroot(join(base, 'rootA'), true);
      const b = fakeGoroot(join(base, 'rootB'), false);
      const slot: Slot = {
        base,
        rootA: a.dir,
        goBin: a.bin!,
        rootB: b.dir,
        home: join(base, 'home'),
        xdgConfig: join(base, 'xdg-config'),
        xdgCache: join(base, 'xdg-cache'),
        altEnvFile: join(base, 'alt', 'goenv'),
        workDir: join(base, 'ws', 'sub', 'dir'),
        noWorkDir: join(base, 'plain', 'dir'),
      };
      for (const d of [slot.home, slot.xdgConfig, slot.xdgCache, slot.workDir, slot.noWorkDir]) mkdirSync(d, { recursive: true });
      quietHome(slot.home, slot.xdgConfig);
      writeFileSync(join(base, 'ws', 'go.work'), 'go 1.21\n');
      slots.push(slot);
    }
  });

  after(() => removeTree(top));

  it('matches go for every variable in every combination', async () => {
    // Each slot owns its files, so combos are split by slot and each slot runs its share sequentially.
    const perSlot = slots.map((slot, s) => ({ s, combos: [...systematicCombos(slot).filter((_, i) => i % 2 === s), ...randomCombos(slot, 80, 1000 + s * 1000)] }));
    const results = await pool(perSlot, 2, async ({ s, combos }) => {
      const acc = { runs: 0, compared: 0, mismatches: [] as string[] };
      for (const c of combos) {
        const r = await runCombo(c, slots[s]);
        acc.runs++;
        acc.compared += r.compared;
        acc.mismatches.push(...r.mismatches);
      }
      return acc;
    });
    const runs = results.reduce((n, r) => n + r.runs, 0);
    const compared = results.reduce((n, r) => n + r.compared, 0);
    const mismatches = results.flatMap((r) => r.mismatches);
    console.log(`      env differential: ${runs} go env runs, ${compared} variable comparisons, ${mismatches.length} mismatches`);
    assert.equal(mismatches.length, 0, mismatches.slice(0, 15).join('\n'));
    assert.ok(compared >= 2500, `expected at least 2500 comparisons, got ${compared}`);
  });
});
