// Cache inspection (Finding codes cache.*): for GOMODCACHE, GOCACHE and GOMODCACHE/cache/vcs — exists, is a
// directory, writable (probe file), free space on its file system, network file system; for the module cache also
// read-only and foreign-owned module directories, leftovers of interrupted downloads, and locks held right now.
// Sizes are not measured here (see measureSize): this stays fast enough to run on demand, but it still walks the
// module cache's directory names, so callers keep it off any activation path and give it a budget.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Finding, Severity } from '../finding';
import { t, type MessageKey } from '../i18n';
import { cacheTargets, type CacheEnv, type CacheKind, type CacheTarget } from './locations';
import { diskSpace, fileSystemType, isNetworkFs, nearestExisting, probeWritable } from './fsinfo';
import { readModcacheLayout, type ModcacheLayout } from './layout';
import { heldLockFiles, type LockHolder } from './locks';

export const GiB = 1024 * 1024 * 1024;
export const MiB = 1024 * 1024;

export interface InspectOptions {
  /** Below this much free space: cache.disk-low (warning). Default 1 GiB. */
  lowSpaceBytes?: number;
  /** Below this much free space: cache.disk-full (error). Default 64 MiB. */
  fullSpaceBytes?: number;
  /** A lock held longer than this by one process looks stuck: cache.lock-stale. Default 10 minutes. */
  staleLockMs?: number;
  /** Time allowed for reading the module cache's layout. Default 3000 ms. */
  budgetMs?: number;
  signal?: AbortSignal;
  platform?: NodeJS.Platform;
  /** Our own uid (POSIX), to tell foreign-owned directories apart; default process.getuid(). */
  uid?: number;
  /** Clock for lock ages (tests). */
  now?: () => number;
}

export interface CacheTargetReport extends CacheTarget {
  exists: boolean;
  isDirectory: boolean;
  writable?: boolean;
  /** errno of the failed probe. */
  writeError?: string;
  freeBytes?: number;
  totalBytes?: number;
  fsType?: string;
  mountPoint?: string;
  network: boolean;
}

export interface ModcacheSummary {
  versions: number;
  readOnlyDirs: number;
  foreignOwnedDirs: number;
  partials: Array<{ module: string; version: string; paths: string[] }>;
  heldLocks: LockHolder[] | undefined;
  complete: boolean;
}

export interface CacheInspection {
  targets: CacheTargetReport[];
  modcache?: ModcacheSummary;
  findings: Finding[];
}

function finding(code: string, severity: Severity, key: MessageKey, args: Record<string, string | number>, extra: Partial<Finding> = {}, fix?: { key: MessageKey; id: string }): Finding {
  const f: Finding = { code, severity, message: t(key, args), ...extra };
  if (fix) f.fixes = [{ id: fix.id, title: t(fix.key, args) }];
  return f;
}

const kindLabel = (kind: CacheKind): MessageKey => (kind === 'modcache' ? 'cache.kind.modcache' : kind === 'gocache' ? 'cache.kind.gocache' : 'cache.kind.vcs');

export function formatBytes(n: number): string {
  if (n >= GiB) return `${(n / GiB).toFixed(1)} GiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

async function inspectTarget(target: CacheTarget, opts: InspectOptions, findings: Finding[], seenFs: Set<string>): Promise<CacheTargetReport> {
  const report: CacheTargetReport = { ...target, exists: false, isDirectory: false, network: false };
  const what = t(kindLabel(target.kind));
  const base = { variable: target.variable, evidence: { path: target.path, kind: target.kind } };
  if (target.kind === 'gocache' && target.path === 'off') {
    findings.push(finding('cache.gocache-off', 'error', 'cache.gocache-off', {}, base, { key: 'cache.fix.gocache-off', id: 'env:unset:GOCACHE' }));
    return report;
  }
  if (!target.path) {
    if (target.kind !== 'vcs') findings.push(finding('cache.not-configured', 'error', 'cache.not-configured', { what, variable: target.variable }, base, { key: 'cache.fix.not-configured', id: 'advice:cache.not-configured' }));
    return report;
  }
  if (!path.isAbsolute(target.path)) {
    if (target.kind === 'vcs') return report; // reported once, for GOMODCACHE
    findings.push(finding('env.path-relative', 'error', 'cache.relative', { what, variable: target.variable, path: target.path }, base, { key: 'cache.fix.relative', id: 'advice:env.path-relative' }));
    return report;
  }
  let probeDir = target.path;
  try {
    const st = await fsp.stat(target.path);
    report.exists = true;
    report.isDirectory = st.isDirectory();
  } catch {
    report.exists = false;
  }
  if (report.exists && !report.isDirectory) {
    findings.push(finding('cache.not-directory', 'error', 'cache.not-directory', { what, path: target.path }, base, { key: 'cache.fix.not-directory', id: 'advice:cache.not-directory' }));
    return report;
  }
  if (!report.exists) {
    // The go command creates it on first use: what matters is whether it can.
    probeDir = await nearestExisting(target.path);
    const blocker = await fsp.stat(probeDir).catch(() => undefined);
    if (blocker && !blocker.isDirectory()) {
      // A file where a parent directory should be: the cache can never be created.
      if (target.kind !== 'vcs') findings.push(finding('cache.not-directory', 'error', 'cache.not-directory', { what, path: probeDir }, base, { key: 'cache.fix.not-directory', id: 'advice:cache.not-directory' }));
      return report;
    }
    if (target.kind !== 'vcs') findings.push(finding('cache.missing', 'info', 'cache.missing', { what, path: target.path }, base));
  }
  const probe = await probeWritable(probeDir);
  report.writable = probe.ok;
  if (!probe.ok) {
    report.writeError = probe.code;
    if (probe.code === 'ENOSPC' || probe.code === 'EDQUOT') {
      findings.push(finding('cache.disk-full', 'error', 'cache.disk-full', { what, path: target.path, free: '0 B' }, base, { key: 'cache.fix.disk-full', id: 'cache:plan' }));
    } else {
      const fixKey: MessageKey = probe.code === 'EROFS' ? 'cache.fix.read-only-fs' : 'cache.fix.not-writable';
      findings.push(finding('cache.not-writable', 'error', 'cache.not-writable', { what, path: target.path, dir: probeDir, code: probe.code ?? '?' }, base, { key: fixKey, id: 'advice:cache.not-writable' }));
    }
  }
  const fs = await fileSystemType(probeDir, opts.platform);
  const space = await diskSpace(probeDir);
  if (space) {
    report.freeBytes = space.freeBytes;
    report.totalBytes = space.totalBytes;
  }
  if (fs) {
    report.fsType = fs.fsType;
    report.mountPoint = fs.mountPoint;
    report.network = isNetworkFs(fs.fsType);
  }
  // One disk/network finding per file system: GOMODCACHE and cache/vcs usually share one.
  const fsKey = fs?.mountPoint ?? probeDir;
  if (!seenFs.has(fsKey)) {
    seenFs.add(fsKey);
    if (space && probe.code !== 'ENOSPC') {
      const args = { what, path: target.path, free: formatBytes(space.freeBytes), threshold: formatBytes(opts.lowSpaceBytes ?? GiB) };
      const evidence = { ...base.evidence, freeBytes: space.freeBytes, totalBytes: space.totalBytes };
      if (space.freeBytes < (opts.fullSpaceBytes ?? 64 * MiB)) {
        findings.push(finding('cache.disk-full', 'error', 'cache.disk-full', args, { ...base, evidence }, { key: 'cache.fix.disk-full', id: 'cache:plan' }));
      } else if (space.freeBytes < (opts.lowSpaceBytes ?? GiB)) {
        findings.push(finding('cache.disk-low', 'warning', 'cache.disk-low', args, { ...base, evidence }, { key: 'cache.fix.disk-full', id: 'cache:plan' }));
      }
    }
    if (report.network) {
      findings.push(finding('cache.network-fs', 'warning', 'cache.network-fs', { what, path: target.path, fsType: fs!.fsType }, { ...base, evidence: { ...base.evidence, fsType: fs!.fsType, mountPoint: fs!.mountPoint } }, { key: 'cache.fix.network-fs', id: 'advice:cache.network-fs' }));
    }
  }
  return report;
}

function summarize(layout: ModcacheLayout, uid: number | undefined, held: LockHolder[] | undefined): ModcacheSummary {
  let readOnlyDirs = 0;
  let foreignOwnedDirs = 0;
  const partials: ModcacheSummary['partials'] = [];
  for (const v of layout.versions.values()) {
    if (v.extractedDir && v.extractedReadOnly) readOnlyDirs++;
    if (v.extractedDir && uid !== undefined && v.extractedUid !== undefined && v.extractedUid !== uid && uid !== 0) foreignOwnedDirs++;
    if (v.partials.length > 0) partials.push({ module: v.module, version: v.version, paths: v.partials });
  }
  partials.sort((a, b) => (a.module + a.version < b.module + b.version ? -1 : 1));
  return { versions: layout.versions.size, readOnlyDirs, foreignOwnedDirs, partials, heldLocks: held, complete: layout.complete };
}

function lockFindings(held: LockHolder[], modcache: string, opts: InspectOptions): Finding[] {
  const now = (opts.now ?? Date.now)();
  const stale = opts.staleLockMs ?? 10 * 60_000;
  const out: Finding[] = [];
  for (const h of held) {
    const ageMs = h.holder.startedAt !== undefined ? Math.max(0, now - h.holder.startedAt) : undefined;
    const isGo = h.holder.name === 'go' || /(^|\/)go(\.exe)?( |$)/.test(h.holder.commandLine);
    const rel = path.relative(modcache, h.file);
    const args = { file: rel, pid: h.holder.pid, holder: h.holder.commandLine || h.holder.name, minutes: ageMs !== undefined ? Math.round(ageMs / 60_000) : '?' };
    const evidence = { file: h.file, pid: h.holder.pid, name: h.holder.name, commandLine: h.holder.commandLine, ageMs };
    if (!isGo || (ageMs !== undefined && ageMs > stale)) {
      out.push(finding('cache.lock-stale', 'warning', isGo ? 'cache.lock-stale' : 'cache.lock-foreign', args, { evidence }, { key: 'cache.fix.lock-stale', id: `advice:cache.lock-stale` }));
    } else {
      out.push(finding('cache.lock-held', 'info', 'cache.lock-held', args, { evidence }));
    }
  }
  return out;
}

/** Inspects the caches the go command uses. Findings are in the current language. */
export async function inspectCaches(env: CacheEnv, opts: InspectOptions = {}): Promise<CacheInspection> {
  const findings: Finding[] = [];
  const seenFs = new Set<string>();
  const targets: CacheTargetReport[] = [];
  for (const target of cacheTargets(env)) targets.push(await inspectTarget(target, opts, findings, seenFs));
  const mod = targets.find((t) => t.kind === 'modcache');
  const result: CacheInspection = { targets, findings };
  if (mod && mod.exists && mod.isDirectory) {
    const layout = await readModcacheLayout(mod.path, { budgetMs: opts.budgetMs ?? 3000, signal: opts.signal });
    const held = await heldLockFiles(layout.lockFiles, opts.platform);
    const uid = opts.uid ?? (typeof process.getuid === 'function' ? process.getuid() : undefined);
    const summary = summarize(layout, uid, held);
    result.modcache = summary;
    const base = { variable: 'GOMODCACHE', evidence: { path: mod.path } };
    if (summary.readOnlyDirs > 0) {
      findings.push(finding('cache.readonly-tree', 'info', 'cache.readonly-tree', { count: summary.readOnlyDirs, path: mod.path }, { ...base, evidence: { ...base.evidence, readOnlyDirs: summary.readOnlyDirs } }, { key: 'cache.fix.readonly-tree', id: 'cache:clean-modcache' }));
    }
    if (summary.foreignOwnedDirs > 0) {
      findings.push(finding('cache.foreign-owner', 'warning', 'cache.foreign-owner', { count: summary.foreignOwnedDirs, path: mod.path }, { ...base, evidence: { ...base.evidence, foreignOwnedDirs: summary.foreignOwnedDirs } }, { key: 'cache.fix.foreign-owner', id: 'advice:cache.foreign-owner' }));
    }
    for (const p of summary.partials) {
      findings.push(
        finding(
          'cache.partial-download',
          'warning',
          'cache.partial-download',
          { module: p.module, version: p.version },
          { module: p.module, version: p.version, evidence: { paths: p.paths } },
          { key: 'cache.fix.partial-download', id: `cache:clear-version:${p.module}@${p.version}` },
        ),
      );
    }
    if (held) findings.push(...lockFindings(held, mod.path, opts));
    if (!summary.complete) findings.push(finding('cache.scan-incomplete', 'hint', 'cache.scan-incomplete', { path: mod.path }, base));
  }
  return result;
}
