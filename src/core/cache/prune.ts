// Prune: remove only the module versions that no go.mod, go.sum, go.work or go.work.sum of the open workspace
// references — a dry-run list with sizes first, then removal after confirmation. Clear one version: the same
// removal for exactly one module@version (a corrupted download behind a checksum mismatch).
// Toolchain modules (golang.org/toolchain) are kept by default: removing them makes GOTOOLCHAIN switching download
// a whole Go distribution again.
import { promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import { findModuleFiles } from '../diagnose/moduleFiles';
import { parseGoMod, parseGoSum, parseGoWork } from '../modfile';
import { escapePath, escapeVersion } from '../modfile/module';
import type { Finding } from '../finding';
import { t } from '../i18n';
import { causeFix, causeSentence, failureCause } from './failure';
import { parseDownloadName, readModcacheLayout, versionKey, type CachedVersion } from './layout';
import { heldLockFiles } from './locks';
import { removeTrees, type RemoveFailure, type RemoveProgress } from './remove';
import { measureSize } from './walk';

export interface References {
  /** "module@version" keys. */
  keys: Set<string>;
  /** The files they were read from. */
  files: string[];
  /** Files that could not be read or parsed (their references are unknown: prune refuses to run without them). */
  unreadable: string[];
}

/** Every module version the module files below these directories mention. */
export function collectReferences(roots: string[]): References {
  const refs: References = { keys: new Set(), files: [], unreadable: [] };
  const add = (module: string | undefined, version: string | undefined) => {
    if (module && version) refs.keys.add(versionKey(module, version));
  };
  for (const root of roots) {
    for (const file of findModuleFiles(root)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        refs.unreadable.push(file);
        continue;
      }
      refs.files.push(file);
      const name = path.basename(file);
      if (name === 'go.sum' || name === 'go.work.sum') {
        const sum = parseGoSum(text, name);
        for (const l of sum.lines) add(l.module.value, l.version.value);
        if (sum.errors.length > 0 && sum.lines.length === 0) refs.unreadable.push(file);
      } else if (name === 'go.mod') {
        const mod = parseGoMod(text, name);
        for (const r of mod.require) add(r.path.value, r.version.value);
        for (const r of mod.replace) {
          add(r.old.path.value, r.old.version?.value);
          if (!r.isDirectory) add(r.new.path.value, r.new.version?.value);
        }
      } else if (name === 'go.work') {
        const work = parseGoWork(text, name);
        for (const r of work.replace) {
          add(r.old.path.value, r.old.version?.value);
          if (!r.isDirectory) add(r.new.path.value, r.new.version?.value);
        }
      }
    }
  }
  return refs;
}

export interface PruneItem {
  module: string;
  version: string;
  /** Everything that goes: the extracted tree, the download files, leftovers of interrupted downloads. */
  paths: string[];
  bytes: number;
  /** The extracted tree is read-only (write permission is restored before removal). */
  readOnly: boolean;
  /** A process holds this version's lock right now: the item is skipped. */
  busy?: { pid: number; name: string };
}

export interface PrunePlan {
  root: string;
  /** Versions to remove, largest first. */
  items: PruneItem[];
  /** How many cached versions stay because something references them (or they are toolchains). */
  kept: number;
  bytes: number;
  references: { files: string[]; unreadable: string[] };
  /** Download directories (cache/download/<module>/@v) that become empty of versions: their list files go too. */
  emptiedModules: string[];
  /** The cache layout and all sizes were read within the budget. */
  complete: boolean;
}

export interface PrunePlanOptions {
  budgetMs?: number;
  signal?: AbortSignal;
  /** Keep golang.org/toolchain versions (default true). */
  keepToolchains?: boolean;
}

async function itemFor(v: CachedVersion, deadline: number, signal?: AbortSignal): Promise<{ item: PruneItem; complete: boolean }> {
  const paths = [...(v.extractedDir ? [v.extractedDir] : []), ...v.downloadFiles, ...v.partials.filter((p) => p !== v.extractedDir && !v.downloadFiles.includes(p))];
  let bytes = v.downloadBytes;
  let complete = true;
  for (const p of paths) {
    if (v.downloadFiles.includes(p)) continue;
    const size = await measureSize(p, { budgetMs: Math.max(0, deadline - performance.now()), signal });
    bytes += size.bytes;
    complete &&= size.complete;
  }
  return { item: { module: v.module, version: v.version, paths, bytes, readOnly: v.extractedReadOnly === true }, complete };
}

/** The dry run: which cached versions no workspace file references, with their sizes. Removes nothing. */
export async function planPrune(modcache: string, workspaceRoots: string[], opts: PrunePlanOptions = {}): Promise<PrunePlan> {
  const started = performance.now();
  const deadline = started + (opts.budgetMs ?? 30_000);
  const refs = collectReferences(workspaceRoots);
  const layout = await readModcacheLayout(modcache, { budgetMs: opts.budgetMs ?? 30_000, signal: opts.signal });
  const held = (await heldLockFiles(layout.lockFiles)) ?? [];
  const heldBy = new Map(held.map((h) => [h.file, h.holder]));
  const items: PruneItem[] = [];
  let kept = 0;
  let complete = layout.complete;
  const remaining = new Map<string, number>();
  for (const v of layout.versions.values()) remaining.set(v.module, (remaining.get(v.module) ?? 0) + 1);
  for (const v of layout.versions.values()) {
    const toolchain = v.module === 'golang.org/toolchain' && opts.keepToolchains !== false;
    if (refs.keys.has(versionKey(v.module, v.version)) || toolchain) {
      kept++;
      continue;
    }
    const { item, complete: sized } = await itemFor(v, deadline, opts.signal);
    complete &&= sized;
    const holder = v.downloadFiles.map((f) => heldBy.get(f)).find((h) => h !== undefined);
    if (holder) item.busy = { pid: holder.pid, name: holder.name };
    else remaining.set(v.module, (remaining.get(v.module) ?? 1) - 1);
    items.push(item);
  }
  const emptiedModules = [...layout.modules.values()].filter((m) => (remaining.get(m.module) ?? 0) === 0).map((m) => m.downloadDir);
  items.sort((a, b) => b.bytes - a.bytes || (a.module + a.version < b.module + b.version ? -1 : 1));
  return {
    root: modcache,
    items,
    kept,
    bytes: items.filter((i) => !i.busy).reduce((n, i) => n + i.bytes, 0),
    references: { files: refs.files, unreadable: refs.unreadable },
    emptiedModules,
    complete,
  };
}

/** The plan for clearing exactly one module version, whether or not anything references it. */
export async function planClearVersion(modcache: string, module: string, version: string): Promise<PrunePlan> {
  const escPath = escapePath(module);
  const escVer = escapeVersion(version);
  const extracted = path.join(modcache, ...`${escPath}@${escVer}`.split('/'));
  const atV = path.join(modcache, 'cache', 'download', ...escPath.split('/'), '@v');
  const paths: string[] = [];
  let readOnly = false;
  try {
    const st = await fsp.lstat(extracted);
    paths.push(extracted);
    readOnly = (st.mode & 0o200) === 0;
  } catch {
    // not extracted
  }
  // Interrupted extractions of old releases: <dir>.tmp-<n> next to the tree.
  try {
    const parent = path.dirname(extracted);
    const base = path.basename(extracted) + '.tmp-';
    for (const n of await fsp.readdir(parent)) if (n.startsWith(base)) paths.push(path.join(parent, n));
  } catch {
    // no parent directory
  }
  const downloadFiles: string[] = [];
  try {
    for (const n of await fsp.readdir(atV)) {
      const parsed = parseDownloadName(n);
      if (parsed && parsed.escVersion === escVer) downloadFiles.push(path.join(atV, n));
    }
  } catch {
    // nothing downloaded
  }
  paths.push(...downloadFiles);
  let bytes = 0;
  for (const p of paths) bytes += (await measureSize(p, { budgetMs: 10_000 })).bytes;
  const item: PruneItem = { module, version, paths, bytes, readOnly };
  const held = (await heldLockFiles(downloadFiles)) ?? [];
  if (held.length > 0) item.busy = { pid: held[0].holder.pid, name: held[0].holder.name };
  return {
    root: modcache,
    items: paths.length > 0 ? [item] : [],
    kept: 0,
    bytes: item.busy ? 0 : bytes,
    references: { files: [], unreadable: [] },
    emptiedModules: [],
    complete: true,
  };
}

export interface PruneOptions {
  /** Asked with the plan; false (or a throw) removes nothing. */
  confirm: (plan: PrunePlan) => boolean | Promise<boolean>;
  signal?: AbortSignal;
  onProgress?: (p: RemoveProgress & { item?: string }) => void;
}

export interface PruneResult {
  status: 'declined' | 'done' | 'partial' | 'cancelled';
  removed: Array<{ module: string; version: string; bytes: number }>;
  skipped: Array<{ module: string; version: string; reason: string }>;
  freedBytes: number;
  failures: RemoveFailure[];
  /** cache.prune-incomplete when versions could not be removed: which, why, and what to do. */
  findings: Finding[];
}

/** Removes empty directories from dir up to (not including) stop. */
async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  let cur = dir;
  while (cur.startsWith(stop + path.sep) && cur !== stop) {
    try {
      await fsp.rmdir(cur);
    } catch {
      return;
    }
    cur = path.dirname(cur);
  }
}

/** Executes a prune (or clear-version) plan after confirmation. Items held by a running process are skipped. */
export async function prune(plan: PrunePlan, opts: PruneOptions): Promise<PruneResult> {
  const result: PruneResult = { status: 'declined', removed: [], skipped: [], freedBytes: 0, failures: [], findings: [] };
  let ok = false;
  try {
    ok = await opts.confirm(plan);
  } catch {
    ok = false;
  }
  if (!ok) return result;
  result.status = 'done';
  const total = plan.bytes;
  for (const item of plan.items) {
    if (opts.signal?.aborted) {
      result.status = 'cancelled';
      break;
    }
    const label = `${item.module}@${item.version}`;
    if (item.busy) {
      result.skipped.push({ module: item.module, version: item.version, reason: t('cache.prune.busy', { pid: item.busy.pid, name: item.busy.name }) });
      continue;
    }
    // Re-check the lock now: a go command may have started since the plan was made.
    const lockFiles = item.paths.filter((p) => p.endsWith('.lock'));
    const heldNow = (await heldLockFiles(lockFiles)) ?? [];
    if (heldNow.length > 0) {
      result.skipped.push({ module: item.module, version: item.version, reason: t('cache.prune.busy', { pid: heldNow[0].holder.pid, name: heldNow[0].holder.name }) });
      continue;
    }
    const base = result.freedBytes;
    const r = await removeTrees(item.paths, {
      signal: opts.signal,
      totalBytes: total,
      onProgress: (p) => opts.onProgress?.({ ...p, removedBytes: base + p.removedBytes, item: label }),
    });
    result.failures.push(...r.failures);
    if (r.cancelled) result.status = 'cancelled';
    if (r.failures.length === 0) {
      result.removed.push({ module: item.module, version: item.version, bytes: item.bytes });
      result.freedBytes += item.bytes;
    } else {
      result.status = 'partial';
    }
    for (const p of item.paths) await removeEmptyParents(path.dirname(p), plan.root);
    opts.onProgress?.({ removedFiles: 0, removedBytes: result.freedBytes, totalBytes: total, current: label, item: label });
  }
  if (result.status === 'done' && result.skipped.length > 0) result.status = 'partial';
  if (result.status !== 'cancelled') {
    for (const dir of plan.emptiedModules) {
      // Only the version list and its lock remain; without versions they only cost a re-fetch of the list.
      let names: string[] = [];
      try {
        names = await fsp.readdir(dir);
      } catch {
        continue;
      }
      if (names.some((n) => parseDownloadName(n) !== undefined)) continue;
      const r = await removeTrees(names.map((n) => path.join(dir, n)));
      result.failures.push(...r.failures);
      await removeEmptyParents(dir, path.join(plan.root, 'cache', 'download'));
    }
  }
  const failed = plan.items.filter((i) => !i.busy && !result.removed.some((r) => r.module === i.module && r.version === i.version) && i.paths.some((p) => result.failures.some((f) => f.path === p || f.path.startsWith(p + path.sep))));
  if (failed.length > 0) {
    const cause = failureCause(result.failures);
    const versions = failed.slice(0, 5).map((i) => `${i.module}@${i.version}`).join(', ') + (failed.length > 5 ? ', …' : '');
    result.findings.push({
      code: 'cache.prune-incomplete',
      severity: 'error',
      message: t('cache.prune-incomplete', { path: plan.root, count: failed.length, total: plan.items.length, versions }) + causeSentence(cause),
      variable: 'GOMODCACHE',
      evidence: { root: plan.root, versions: failed.map((i) => `${i.module}@${i.version}`), cause, failures: result.failures.slice(0, 3).map((f) => `${f.path} (${f.code})`) },
      fixes: [causeFix('advice:cache.prune-incomplete', cause, plan.root)],
    });
  }
  return result;
}

/** Clears one module version after confirmation (plan with planClearVersion). */
export function clearVersion(plan: PrunePlan, opts: PruneOptions): Promise<PruneResult> {
  return prune(plan, opts);
}
