// What every module rule shares: the target, the run's context (Ctx), emit(), and small helpers (span, hosts, go.sum, versions).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Finding, Range } from '../../finding';
import { proxyHost } from '../../goenv/goproxy';
import { matchingPattern } from '../../goenv/patterns';
import type { ReplaceStmt, SumLine, Token } from '../../modfile/types';
import { compareSemver, isPseudoVersion, isValidSemver, semverCanonical } from '../../modfile/semver';
import type { Verifier } from '../../net/note';
import { redactSecrets } from '../../report/redact';
import type { SourceAnswer } from './source';
import type { ModuleCheckOptions, ModuleReport } from './types';

export interface Target {
  module: string;
  version: string;
  pathToken: Token;
  versionToken: Token;
  range: Range;
  indirect: boolean;
  /** Set for a replacement target: the replace directive. */
  replace?: ReplaceStmt;
}

export interface Ctx {
  opts: ModuleCheckOptions;
  file: string;
  sumLines: SumLine[];
  out: Finding[];
  reports: ModuleReport[];
  verifier?: Verifier;
  sumdbBases: Map<string, Promise<string | undefined>>;
  /** Text edits make sense only in the file itself (not for requires of a go.work's used modules). */
  editable: boolean;
  remap?: { range: Range; prefix: string };
}

export function cancelled(ctx: Ctx): boolean {
  return !!ctx.opts.signal?.aborted;
}

export function emit(ctx: Ctx, f: Finding): void {
  if (cancelled(ctx)) return;
  f.message = redactSecrets(f.message);
  if (ctx.remap) {
    f.range = ctx.remap.range;
    f.message = `${ctx.remap.prefix}: ${f.message}`;
    f.fixes = f.fixes?.filter((x) => x.id.startsWith('env'));
  }
  f.file = ctx.file;
  if (f.fixes && f.fixes.length === 0) delete f.fixes;
  ctx.out.push(f);
  ctx.opts.onFinding?.(f);
}

export function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

export function hostOf(url: string): string {
  return proxyHost(url) ?? url;
}

export function readSums(file: string, kind: 'go.mod' | 'go.work'): string[] {
  const names = kind === 'go.mod' ? ['go.sum'] : ['go.work.sum'];
  const out: string[] = [];
  for (const n of names) {
    try {
      out.push(readFileSync(join(dirname(file), n), 'utf8'));
    } catch {
      // a missing go.sum holds no lines
    }
  }
  return out;
}

export function versionsOf(answer: SourceAnswer): string[] {
  if (answer.kind !== 'ok') return [];
  return answer.body
    .toString('utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0])
    .filter((v) => v && isValidSemver(v) && semverCanonical(v) === v && !isPseudoVersion(v))
    .sort(compareSemver);
}

export function covered(env: Record<string, string | undefined>, module: string): string | undefined {
  for (const name of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB'] as const) {
    const v = env[name];
    if (v && matchingPattern(v, module) !== undefined) return name;
  }
  return undefined;
}
