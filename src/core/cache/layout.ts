// Reading GOMODCACHE as the go command lays it out (§6.2): extracted trees "<escPath>@<escVer>/" and download
// files "cache/download/<escPath>/@v/<escVer>.{info,mod,zip,ziphash,lock,partial}", paths and versions
// case-encoded ("!" + lower case for capitals).
import path from 'node:path';
import { unescapePath, unescapeVersion } from '../modfile/module';
import { walkTree, diskBytes, type WalkResult } from './walk';

export interface CachedVersion {
  module: string;
  version: string;
  /** GOMODCACHE/<escPath>@<escVer>, when extracted. */
  extractedDir?: string;
  /** Read-only bits on the extracted directory (the go command's default without -modcacherw). */
  extractedReadOnly?: boolean;
  /** Owner of the extracted directory (POSIX uid). */
  extractedUid?: number;
  /** Files in cache/download/<escPath>/@v/ that belong to this version. */
  downloadFiles: string[];
  /** Leftovers of an interrupted download or extraction: *.partial, *.tmp, <dir>.tmp-* directories. */
  partials: string[];
  /** Bytes of the download files (the extracted tree is measured separately, on demand). */
  downloadBytes: number;
}

export interface CachedModule {
  module: string;
  /** cache/download/<escPath>/@v */
  downloadDir: string;
  /** Files there that belong to no version (list, list.lock). */
  otherFiles: string[];
}

export interface ModcacheLayout {
  root: string;
  versions: Map<string, CachedVersion>;
  modules: Map<string, CachedModule>;
  /** Every *.lock file seen (version locks, vcs locks, the side lock). */
  lockFiles: string[];
  walk: { extracted: WalkResult; download: WalkResult };
  /** Both walks finished within the budget. */
  complete: boolean;
}

export const versionKey = (module: string, version: string): string => `${module}@${version}`;

/** Lenient "!" decoding: the strict decoder, else a plain replacement (a cache may hold odd names). */
function decodePath(s: string): string {
  return unescapePath(s) ?? s.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}
function decodeVersion(s: string): string {
  return unescapeVersion(s) ?? s.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Splits a file name in an @v directory: "v1.2.3.zip" → v1.2.3 + zip; "v1.2.3.zip123456.tmp" → partial. */
export function parseDownloadName(name: string): { escVersion: string; ext: string; partial: boolean } | undefined {
  const tmp = /^(.+)\.(info|mod|zip|ziphash)\d+\.tmp$/.exec(name);
  if (tmp) return { escVersion: tmp[1], ext: tmp[2], partial: true };
  const m = /^(.+)\.(info|mod|zip|ziphash|lock|partial)$/.exec(name);
  if (!m || m[1] === 'list') return undefined;
  return { escVersion: m[1], ext: m[2], partial: m[2] === 'partial' };
}

function toPosix(rel: string): string {
  return rel.split(path.sep).join('/');
}

export interface LayoutOptions {
  budgetMs?: number;
  signal?: AbortSignal;
}

export async function readModcacheLayout(root: string, opts: LayoutOptions = {}): Promise<ModcacheLayout> {
  const started = performance.now();
  const versions = new Map<string, CachedVersion>();
  const modules = new Map<string, CachedModule>();
  const lockFiles: string[] = [];
  const get = (module: string, version: string): CachedVersion => {
    const key = versionKey(module, version);
    let v = versions.get(key);
    if (!v) {
      v = { module, version, downloadFiles: [], partials: [], downloadBytes: 0 };
      versions.set(key, v);
    }
    return v;
  };
  const budgetLeft = () => (opts.budgetMs === undefined ? undefined : Math.max(0, opts.budgetMs - (performance.now() - started)));

  // Extracted trees: stop at the first directory whose name has an "@" (module@version); never descend into it.
  const extracted = await walkTree(root, {
    budgetMs: budgetLeft(),
    signal: opts.signal,
    visit: (e) => {
      if (e.depth === 0 && e.name === 'cache') return 'skip';
      if (!e.stats.isDirectory()) return undefined;
      const at = e.name.indexOf('@');
      if (at < 0) return undefined;
      const rel = toPosix(path.relative(root, e.path));
      const tmp = /^(.*)\.tmp-\d+$/.exec(rel);
      const base = tmp ? tmp[1] : rel;
      const split = base.lastIndexOf('@');
      const v = get(decodePath(base.slice(0, split)), decodeVersion(base.slice(split + 1)));
      if (tmp) v.partials.push(e.path);
      else {
        v.extractedDir = e.path;
        v.extractedReadOnly = (e.stats.mode & 0o200) === 0;
        v.extractedUid = e.stats.uid;
      }
      return 'skip';
    },
  });

  // Download files: cache/download/<escPath>/@v/…, skipping the cached checksum-database tiles.
  const downloadRoot = path.join(root, 'cache', 'download');
  const download = await walkTree(downloadRoot, {
    budgetMs: budgetLeft(),
    signal: opts.signal,
    visit: (e) => {
      if (e.depth === 0 && e.name === 'sumdb') return 'skip';
      const parent = path.dirname(e.path);
      if (path.basename(parent) !== '@v' || e.stats.isDirectory()) return undefined;
      const module = decodePath(toPosix(path.relative(downloadRoot, path.dirname(parent))));
      let mod = modules.get(module);
      if (!mod) {
        mod = { module, downloadDir: parent, otherFiles: [] };
        modules.set(module, mod);
      }
      if (e.name.endsWith('.lock')) lockFiles.push(e.path);
      const parsed = parseDownloadName(e.name);
      if (!parsed) {
        mod.otherFiles.push(e.path);
        return undefined;
      }
      const v = get(module, decodeVersion(parsed.escVersion));
      v.downloadFiles.push(e.path);
      v.downloadBytes += diskBytes(e.stats);
      if (parsed.partial) v.partials.push(e.path);
      return undefined;
    },
  });
  // Locks outside the version directories: cache/lock and cache/vcs/<hash>.lock.
  for (const extra of [path.join(root, 'cache', 'lock')]) lockFiles.push(extra);
  const vcs = path.join(root, 'cache', 'vcs');
  await walkTree(vcs, {
    budgetMs: budgetLeft(),
    signal: opts.signal,
    visit: (e) => {
      if (e.stats.isDirectory()) return 'skip';
      if (e.name.endsWith('.lock')) lockFiles.push(e.path);
      return undefined;
    },
  });
  // A version directory without its .ziphash was not finished (the go command treats it as missing).
  for (const v of versions.values()) {
    if (v.extractedDir && v.module !== 'golang.org/fips140' && !v.downloadFiles.some((f) => f.endsWith('.ziphash')) && download.complete) {
      v.partials.push(v.extractedDir);
    }
  }
  return { root, versions, modules, lockFiles, walk: { extracted, download }, complete: extracted.complete && download.complete };
}
