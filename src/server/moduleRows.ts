// The module rows of the health snapshot: one row per require line of every open go.mod (and of the go.mod files a
// go.work uses), with the route the go command would take and what the module checks found. A row is "checking"
// while its file's check runs and has not decided that module yet.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModuleReport } from '../core/diagnose/modules';
import type { Finding } from '../core/finding';
import type { ResolvedEnv } from '../core/goenv/resolve';
import { route, routeEnvOf, type Route } from '../core/goenv/route';
import { parseGoMod, parseGoWork } from '../core/modfile';
import type { ReplaceStmt } from '../core/modfile/types';
import { displayUrl } from '../core/net/credentials';
import { redactSecrets } from '../core/report/redact';
import type { HealthModule } from '../protocol';
import { mostSevere, toHealthFinding } from './healthRows';

export interface ModuleDoc {
  uri: string;
  /** Absolute path of the go.mod / go.work. */
  file: string;
  kind: 'go.mod' | 'go.work';
  text: string;
  /** Findings and reports of the last finished check (findings stream in while a check runs). */
  findings: Finding[];
  reports: ModuleReport[];
  /** Reports of the check under way; undefined when none runs. */
  progress?: ModuleReport[];
  env?: ResolvedEnv;
}

interface Entry {
  uri: string;
  line: number;
  module: string;
  version: string;
  indirect: boolean;
  /** What is fetched instead: a replacement by a module version, or a local directory (nothing fetched). */
  fetch?: { module: string; version: string } | 'directory';
}

function replacementOf(replaces: ReplaceStmt[], module: string, version: string): Entry['fetch'] {
  // A version-specific replace wins over a whole-module one (x/mod Replace semantics).
  const r = replaces.find((x) => x.old.path.value === module && x.old.version?.value === version) ?? replaces.find((x) => x.old.path.value === module && !x.old.version);
  if (!r) return undefined;
  if (r.isDirectory || !r.new.version) return 'directory';
  return { module: r.new.path.value, version: r.new.version.value };
}

function requiresOf(uri: string, text: string, replaces: ReplaceStmt[]): Entry[] {
  const mod = parseGoMod(text);
  const all = [...replaces, ...mod.replace];
  return mod.require
    .filter((r) => !mod.module || r.path.value !== mod.module.path.value)
    .map((r) => {
      const e: Entry = { uri, line: r.range.start.line, module: r.path.value, version: r.version.value, indirect: r.indirect };
      const fetch = replacementOf(all, r.path.value, r.version.value);
      if (fetch) e.fetch = fetch;
      return e;
    });
}

/** The require lines a document's check covers: its own, or those of the modules a go.work uses. */
function entriesOf(doc: ModuleDoc): Entry[] {
  if (doc.kind === 'go.mod') return requiresOf(doc.uri, doc.text, []);
  const work = parseGoWork(doc.text);
  const out: Entry[] = [];
  for (const u of work.use) {
    const dir = isAbsolute(u.path.value) ? u.path.value : resolve(dirname(doc.file), u.path.value);
    const gomod = join(dir, 'go.mod');
    let text: string;
    try {
      text = readFileSync(gomod, 'utf8');
    } catch {
      continue; // gowork.use-missing says so locally
    }
    // The go.work's replaces win over those of the used modules.
    out.push(...requiresOf(pathToFileURL(gomod).href, text, work.replace));
  }
  return out;
}

function firstSource(r: Route): string {
  const s = r.sources[0];
  if (!s) return 'off';
  return s.kind === 'proxy' ? displayUrl(s.url!) : s.kind;
}

function statusOf(report: ModuleReport | undefined, finding: Finding | undefined, running: boolean): HealthModule['status'] {
  let status: HealthModule['status'];
  if (!report) status = running ? 'checking' : 'skipped';
  else if (report.result.kind === 'ok') status = 'ok';
  else if (report.result.kind === 'error' || report.result.kind === 'not-found') status = 'error';
  else status = 'skipped';
  if (finding?.severity === 'error') return 'error';
  if (finding?.severity === 'warning' && (status === 'ok' || status === 'skipped')) return 'warning';
  return status;
}

/** Rows of every open module file, without duplicates (a go.mod open on its own and through a go.work). */
export function moduleRows(docs: ModuleDoc[], fallbackEnv: ResolvedEnv | undefined): HealthModule[] {
  const rows = new Map<string, HealthModule>();
  for (const doc of docs) {
    let entries: Entry[];
    try {
      entries = entriesOf(doc);
    } catch {
      continue; // an unparsable file has only its local diagnostics
    }
    const env = doc.env ?? fallbackEnv;
    const running = doc.progress !== undefined;
    const reports = doc.progress ?? doc.reports;
    for (const e of entries) {
      const target = e.fetch === 'directory' ? undefined : (e.fetch ?? { module: e.module, version: e.version });
      const report = target && reports.find((r) => r.module === target.module && r.version === target.version);
      const finding = target && mostSevere(doc.findings.filter((f) => f.module === target.module && f.version === target.version));
      const rt = report?.route ?? (target && env ? route(target.module, routeEnvOf(env.values)) : undefined);
      const row: HealthModule = {
        uri: e.uri,
        line: e.line,
        module: e.module,
        version: e.version,
        direct: !e.indirect,
        route: e.fetch === 'directory' ? 'directory' : rt ? firstSource(rt) : '',
        private: rt?.sources[0]?.via !== undefined,
        status: target ? statusOf(report, finding, running) : 'skipped',
      };
      if (report?.result.source) row.source = redactSecrets(report.result.source);
      if (report?.result.ms !== undefined) row.latencyMs = Math.round(report.result.ms);
      if (finding) row.finding = toHealthFinding(finding);
      const key = `${e.uri}\n${e.line}\n${e.module}\n${e.version}`;
      const prev = rows.get(key);
      if (!prev || prev.status === 'checking') rows.set(key, row);
    }
  }
  return [...rows.values()];
}
