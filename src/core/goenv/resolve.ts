// Effective value and provenance of every module-relevant variable, computed the way cmd/go computes it
// (cfg.Getenv, EnvOrAndChanged, findGOROOT, cache.DefaultDir, FindGoWork), plus the editor layer that VS Code
// injects into the tools it runs.
import { cleanPath, parseEnvFile, pathFor, userCacheDir, userConfigDir, type ParsedEnvFile } from './envfile';
import { MODULE_VARIABLES, type VarSpec } from './vars';

/** Layer names (DESIGN.md §3, contract). Highest precedence first. */
export type Layer = 'editor' | 'process' | 'envfile' | 'goroot' | 'default';
export const LAYERS: readonly Layer[] = ['editor', 'process', 'envfile', 'goroot', 'default'];

export interface LayerValue {
  layer: Layer;
  value: string;
  /** The variable that carried the value when it is not the row's own name (http_proxy for HTTP_PROXY). */
  name?: string;
}

/** Machine-readable remarks about how a value came about; the CLI and panel render them through i18n. */
export type VarNote =
  /** a variable set to "" counts as unset here */
  | 'empty-is-unset'
  /** `KEY=` in the env file hides $GOROOT/go.env's value and leaves the built-in default */
  | 'empty-envfile-masks-goroot'
  /** GONOPROXY/GONOSUMDB took GOPRIVATE's value */
  | 'inherits-goprivate'
  /** only the OS environment (or the editor) can set this variable */
  | 'os-only'
  /** unset here, but the go command sets GIT_TERMINAL_PROMPT=0 for the git it runs */
  | 'set-by-go-for-git'
  /** a relative GOCACHE disables the build cache ("off") */
  | 'gocache-relative'
  /** GOWORK is relative: every go command fails */
  | 'gowork-relative'
  /** GOENV=off or no config dir: no env file is read */
  | 'no-envfile'
  /** GOROOT from the env file chose which go.env is read, but the OS GOROOT is what go reports */
  | 'goroot-split';

export interface ResolvedVar {
  name: string;
  /** The effective value ("" when unset). */
  value: string;
  layer: Layer;
  /** Set when the value was read from another variable (http_proxy, or GOPRIVATE for GONOPROXY). */
  from?: string;
  /** Values in other layers that lose to `layer`. */
  shadowed: LayerValue[];
  /** Values present but treated as unset (empty strings), or present in a layer the go command never reads. */
  ignored: LayerValue[];
  notes: VarNote[];
}

/** Everything the resolver needs; gathered by loadEnvSnapshot (load.ts) or built by tests. */
export interface EnvSnapshot {
  platform: NodeJS.Platform;
  /** The OS environment the go command is started with. */
  process: Record<string, string | undefined>;
  /** Variables VS Code injects into the tools it runs (go.toolsEnvVars and our own settings). */
  editor?: Record<string, string>;
  /** The `go env -w` file: its path (undefined when there is none) and text (undefined when missing). */
  envFile: { path?: string; text?: string; error?: string };
  /** The $GOROOT/go.env the go command reads: the directory and the text (undefined when missing). */
  gorootEnv: { dir?: string; text?: string };
  /** GOROOT as derived from the go binary's location (what go uses when nothing sets GOROOT). */
  exeGoroot?: string;
  /** The working directory chain from cwd upward, and which directories hold a go.work file. */
  workSearch?: Array<{ dir: string; hasGoWork: boolean }>;
}

export interface ResolvedEnv {
  vars: ResolvedVar[];
  /** Lookup by name. */
  get(name: string): ResolvedVar | undefined;
  /** Effective values by name. */
  values: Record<string, string>;
  /** The parsed env file (empty when missing) — lint reads unknown names from it. */
  envFile: ParsedEnvFile & { path?: string; exists: boolean };
  goroot: ParsedEnvFile & { dir?: string; exists: boolean };
  /** The inputs this was resolved from. */
  snapshot: EnvSnapshot;
}

/** The environment a tool started by the editor sees: the OS environment with the editor's variables on top. */
export function combinedOsEnv(snap: Pick<EnvSnapshot, 'process' | 'editor'>): Record<string, string | undefined> {
  return { ...snap.process, ...(snap.editor ?? {}) };
}

/**
 * Which directory's go.env the go command reads (cmd/go findGOROOT called with the env file's GOROOT):
 * the env file's GOROOT if non-empty, else the OS GOROOT, else the binary's own GOROOT. Cleaned.
 */
export function gorootForGoEnv(
  osEnv: Record<string, string | undefined>,
  envFileText: string | undefined,
  exeGoroot: string | undefined,
  platform: NodeJS.Platform,
): string | undefined {
  const fromFile = envFileText !== undefined ? parseEnvFile(envFileText).values.get('GOROOT') ?? '' : '';
  const chosen = fromFile || osEnv.GOROOT || '';
  if (chosen) return cleanPath(chosen, platform);
  return exeGoroot;
}

function specFor(name: string): VarSpec {
  return MODULE_VARIABLES.find((v) => v.name === name) ?? { name, scope: 'go' };
}

/** Resolves every module-relevant variable; `names` limits the list (default: all of MODULE_VARIABLES). */
export function resolveEnv(snap: EnvSnapshot, names: readonly string[] = MODULE_VARIABLES.map((v) => v.name)): ResolvedEnv {
  const platform = snap.platform;
  const api = pathFor(platform);
  const osEnv = combinedOsEnv(snap);
  const envFile = { ...parseEnvFile(snap.envFile.text ?? ''), path: snap.envFile.path, exists: snap.envFile.text !== undefined };
  const goroot = { ...parseEnvFile(snap.gorootEnv.text ?? ''), dir: snap.gorootEnv.dir, exists: snap.gorootEnv.text !== undefined };
  const cache = new Map<string, ResolvedVar>();

  /** Present values of a variable in the four stored layers, highest first. */
  const presence = (name: string, scope: 'go' | 'os'): LayerValue[] => {
    const out: LayerValue[] = [];
    if (snap.editor && name in snap.editor) out.push({ layer: 'editor', value: snap.editor[name] });
    if (snap.process[name] !== undefined) out.push({ layer: 'process', value: snap.process[name]! });
    if (envFile.values.has(name)) out.push({ layer: 'envfile', value: envFile.values.get(name)! });
    if (scope === 'go' && goroot.values.has(name)) out.push({ layer: 'goroot', value: goroot.values.get(name)! });
    return out;
  };

  /**
   * cfg.Getenv plus EnvOrAndChanged(name, def): the OS value if non-empty (the editor's value replaces the
   * process value for tools it starts), else the env file's entry if present (even when empty: it hides
   * go.env), else go.env's entry, else nothing; then `def` when the result is empty.
   */
  const getenv = (name: string, def: () => { value: string; layer?: Layer; from?: string; note?: VarNote }): ResolvedVar => {
    const present = presence(name, 'go');
    const osLayer = present.find((p) => p.layer === 'editor') ?? present.find((p) => p.layer === 'process');
    let winner: LayerValue | undefined;
    const notes: VarNote[] = [];
    if (osLayer && osLayer.value !== '') winner = osLayer;
    else {
      const file = present.find((p) => p.layer === 'envfile');
      const root = present.find((p) => p.layer === 'goroot');
      const raw = file ?? root;
      if (raw && raw.value !== '') winner = raw;
      else if (file && file.value === '' && root && root.value !== '') notes.push('empty-envfile-masks-goroot');
    }
    let value: string;
    let layer: Layer;
    let from: string | undefined;
    if (winner) {
      value = winner.value;
      layer = winner.layer;
    } else {
      const d = def();
      value = d.value;
      layer = d.layer ?? 'default';
      from = d.from;
      if (d.note) notes.push(d.note);
    }
    return finish(name, value, layer, present, notes, from, winner);
  };

  const finish = (
    name: string,
    value: string,
    layer: Layer,
    present: LayerValue[],
    notes: VarNote[],
    from: string | undefined,
    winner: LayerValue | undefined,
  ): ResolvedVar => {
    const shadowed: LayerValue[] = [];
    const ignored: LayerValue[] = [];
    const editorPresent = present.some((p) => p.layer === 'editor');
    for (const p of present) {
      if (p === winner) continue;
      // The editor's value replaces the process value in the tool's environment, even when it is empty.
      if (p.layer === 'process' && editorPresent && p.value !== '') shadowed.push(p);
      else if (p.value === '') ignored.push(p);
      else shadowed.push(p);
    }
    if (ignored.some((p) => p.layer === 'editor' || p.layer === 'process') && !notes.includes('empty-is-unset')) notes.unshift('empty-is-unset');
    const r: ResolvedVar = { name, value, layer, shadowed, ignored, notes };
    if (from) r.from = from;
    return r;
  };

  const homeVar = platform === 'win32' ? 'USERPROFILE' : (platform as string) === 'plan9' ? 'home' : 'HOME';
  const exeRoot = snap.exeGoroot;

  const resolveOne = (name: string): ResolvedVar => {
    const hit = cache.get(name);
    if (hit) return hit;
    const spec = specFor(name);
    let r: ResolvedVar;
    switch (name) {
      case 'GONOPROXY':
      case 'GONOSUMDB':
        r = getenv(name, () => {
          const p = resolveOne('GOPRIVATE');
          return p.value ? { value: p.value, layer: p.layer, from: 'GOPRIVATE', note: 'inherits-goprivate' } : { value: '' };
        });
        break;
      case 'GOAUTH':
        r = getenv(name, () => ({ value: 'netrc' }));
        break;
      case 'GOPATH':
        r = getenv(name, () => {
          const home = osEnv[homeVar];
          if (!home) return { value: '' };
          const def = api.join(home, 'go');
          const runtimeRoot = osEnv.GOROOT || exeRoot;
          if (runtimeRoot && cleanPath(def, platform) === cleanPath(runtimeRoot, platform)) return { value: '' };
          return { value: def };
        });
        break;
      case 'GOMODCACHE':
        r = getenv(name, () => {
          const gopath = resolveOne('GOPATH').value;
          const first = gopath === '' ? '' : gopath.split(platform === 'win32' ? ';' : ':')[0];
          return { value: first ? api.join(first, 'pkg/mod') : '' };
        });
        break;
      case 'GOCACHE': {
        const c = getenv(name, () => {
          const { dir } = userCacheDir(osEnv, platform);
          return { value: dir ? api.join(dir, 'go-build') : 'off' };
        });
        if (c.layer !== 'default' && c.value !== 'off' && !api.isAbsolute(c.value)) {
          c.shadowed.unshift({ layer: c.layer, value: c.value });
          c.value = 'off';
          c.notes.push('gocache-relative');
        }
        r = c;
        break;
      }
      case 'GOENV': {
        const present = presence(name, 'os');
        const osLayer = present.find((p) => p.layer === 'editor') ?? present.find((p) => p.layer === 'process');
        const notes: VarNote[] = ['os-only'];
        if (osLayer && osLayer.value !== '') {
          const off = osLayer.value === 'off';
          if (off) notes.push('no-envfile');
          r = finishOs(name, off ? '' : osLayer.value, osLayer.layer, present, notes, osLayer);
        } else {
          const { dir } = userConfigDir(osEnv, platform);
          if (!dir) notes.push('no-envfile');
          r = finishOs(name, dir ? api.join(dir, 'go/env') : '', 'default', present, notes, undefined);
        }
        break;
      }
      case 'GOROOT': {
        const present = presence(name, 'go').filter((p) => p.layer !== 'goroot');
        const osLayer = present.find((p) => p.layer === 'editor') ?? present.find((p) => p.layer === 'process');
        const file = present.find((p) => p.layer === 'envfile');
        const notes: VarNote[] = [];
        if (osLayer && osLayer.value !== '') {
          if (file && file.value !== '' && cleanPath(file.value, platform) !== cleanPath(osLayer.value, platform)) notes.push('goroot-split');
          r = finish(name, osLayer.value, osLayer.layer, present, notes, undefined, osLayer);
        } else if (file && file.value !== '') {
          r = finish(name, cleanPath(file.value, platform), 'envfile', present, notes, undefined, file);
        } else {
          r = finish(name, exeRoot ?? '', 'default', present, notes, undefined, undefined);
        }
        if (goroot.values.has('GOROOT')) r.ignored.push({ layer: 'goroot', value: goroot.values.get('GOROOT')! });
        break;
      }
      case 'GOWORK': {
        const w = getenv(name, () => ({ value: '' }));
        const raw = w.value;
        if (raw === '' || raw === 'auto') {
          const found = findGoWork(snap.workSearch ?? [], resolveOne('GOROOT').value, platform);
          if (raw === 'auto') w.shadowed.unshift({ layer: w.layer, value: raw });
          w.value = found;
          if (found) w.layer = 'default';
        } else if (raw !== 'off' && !api.isAbsolute(raw)) {
          w.notes.push('gowork-relative');
        }
        r = w;
        break;
      }
      case 'GIT_TERMINAL_PROMPT': {
        const present = presence(name, 'os');
        const osLayer = present.find((p) => p.layer === 'editor') ?? present.find((p) => p.layer === 'process');
        r =
          osLayer && osLayer.value !== ''
            ? finishOs(name, osLayer.value, osLayer.layer, present, ['os-only'], osLayer)
            : finishOs(name, '', 'default', present, ['os-only', 'set-by-go-for-git'], undefined);
        break;
      }
      default:
        if (spec.scope === 'os') r = resolveOsVar(spec);
        else r = getenv(name, () => ({ value: '' }));
    }
    cache.set(name, r);
    return r;
  };

  /** Like finish(), for OS-only variables: env-file entries are never read, so they are listed as ignored. */
  const finishOs = (
    name: string,
    value: string,
    layer: Layer,
    present: LayerValue[],
    notes: VarNote[],
    winner: LayerValue | undefined,
  ): ResolvedVar => {
    const r = finish(name, value, layer, present.filter((p) => p.layer !== 'envfile'), notes, undefined, winner);
    const file = present.find((p) => p.layer === 'envfile');
    if (file) r.ignored.push(file);
    return r;
  };

  /** HTTP_PROXY and friends: the upper-case name if non-empty, else the lower-case one (net/http's order). */
  const resolveOsVar = (spec: VarSpec): ResolvedVar => {
    const names = spec.lowerCaseTwin ? [spec.name, spec.lowerCaseTwin] : [spec.name];
    const all: LayerValue[] = [];
    for (const n of names) for (const p of presence(n, 'os')) all.push(n === spec.name ? p : { ...p, name: n });
    let winner: LayerValue | undefined;
    for (const n of names) {
      const ofName = all.filter((p) => (p.name ?? spec.name) === n && p.layer !== 'envfile');
      const osLayer = ofName.find((p) => p.layer === 'editor') ?? ofName.find((p) => p.layer === 'process');
      if (osLayer && osLayer.value !== '') {
        winner = osLayer;
        break;
      }
    }
    const notes: VarNote[] = ['os-only'];
    const r = winner
      ? finishOs(spec.name, winner.value, winner.layer, all, notes, winner)
      : finishOs(spec.name, '', 'default', all, notes, undefined);
    if (winner?.name) r.from = winner.name;
    // An editor value replaces the process value of the same name only.
    r.shadowed = r.shadowed.filter((p) => p !== winner);
    return r;
  };

  const vars = names.map((n) => resolveOne(n));
  const values: Record<string, string> = {};
  for (const v of vars) values[v.name] = v.value;
  return {
    vars,
    values,
    get: (n: string) => vars.find((v) => v.name === n) ?? (MODULE_VARIABLES.some((s) => s.name === n) ? resolveOne(n) : undefined),
    envFile,
    goroot,
    snapshot: snap,
  };
}

/** FindGoWork's search: the first go.work from cwd upward, not crossing into GOROOT. */
function findGoWork(chain: Array<{ dir: string; hasGoWork: boolean }>, goroot: string, platform: NodeJS.Platform): string {
  const api = pathFor(platform);
  for (let i = 0; i < chain.length; i++) {
    if (chain[i].hasGoWork) return api.join(chain[i].dir, 'go.work');
    const parent = chain[i + 1];
    if (parent && parent.dir === goroot) return '';
  }
  return '';
}
