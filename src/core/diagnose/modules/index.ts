// Per-require network diagnostics (module.*, gosum.*): for every required module@version of a go.mod (and the
// go.mod files of a go.work's `use` directories, and every replacement by a module version), follow route()
// exactly — private modules never go to a proxy — ask the sources as the go command would, and say what will
// fail and how to fix it. Findings stream out through onFinding as each module is decided.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Finding, Range } from '../../finding';
import { parseGoproxy, formatGoproxy, proxyHost } from '../../goenv/goproxy';
import { parseGosumdb, SUMDB_CN_ALIAS } from '../../goenv/gosumdb';
import { matchingPattern } from '../../goenv/patterns';
import type { ResolvedEnv } from '../../goenv/resolve';
import { joinUrl, route, routeEnvOf, type Route } from '../../goenv/route';
import { t } from '../../i18n';
import { parseGoMod, parseGoSum, parseGoWork } from '../../modfile';
import type { ModFile, RequireStmt, ReplaceStmt, SumLine, Token } from '../../modfile/types';
import { compareSemver, isPrerelease, isPseudoVersion, isValidSemver, semverCanonical, semverMajor } from '../../modfile/semver';
import { KNOWN_PUBLIC_MIRRORS, sameProxy } from '../../net/mirrors';
import { verifierFromKey, type Verifier } from '../../net/note';
import { redactSecrets } from '../../report/redact';
import { envFixRef, moduleFixRef } from './fixes';
import { appendPattern, isPublicProxyUrl, looksSelfHosted, privatePattern } from './privacy';
import { checkInfo, infoVersion, type ModuleSourceClient, type SourceAnswer } from './source';
import { walkRoute, type WalkResult } from './walk';
import { h1OfGoMod } from './hash';

export { ModuleSourceClient, type SourceAnswer, type ModuleSourceOptions } from './source';
export { walkRoute, type WalkResult } from './walk';
export { formatModuleFixId, parseModuleFixId, moduleFixEdits, type ModuleFix, type TextEdit } from './fixes';
export { looksSelfHosted, isPublicProxyUrl, privatePattern } from './privacy';
export { h1OfGoMod } from './hash';
export { moduleHover } from './hover';

export const MODULE_FINDING_CODES = [
  'module.unreachable', 'module.not-found', 'module.unknown-revision', 'module.invalid-version', 'module.private-public',
  'module.retracted', 'module.deprecated', 'module.outdated', 'module.slow', 'gosum.missing', 'gosum.mismatch',
] as const;

export interface ModuleCheckInput {
  /** Absolute path of the go.mod or go.work. */
  file: string;
  kind: 'go.mod' | 'go.work';
  text: string;
  /** go.sum texts that hold this module's checksums (go.sum, go.work.sum); read from disk next to `file` when absent. */
  sums?: string[];
}

export interface ModuleCheckOptions {
  /** Effective values (ResolvedEnv.values): GOPROXY, GONOPROXY, GONOSUMDB, GOSUMDB, GOPRIVATE, GOFLAGS, GOINSECURE. */
  env: Record<string, string | undefined>;
  /** The resolved environment, so env fixes go to the layer where they take effect. */
  resolved?: ResolvedEnv;
  client: ModuleSourceClient;
  /** Mirrors offered by "Switch GOPROXY to …", measured first; default KNOWN_PUBLIC_MIRRORS. */
  mirrors?: readonly string[];
  /** An answer slower than this (first byte) is module.slow. Default 2000 ms. */
  slowMs?: number;
  signal?: AbortSignal;
  onFinding?: (f: Finding) => void;
  onReport?: (r: ModuleReport) => void;
  /** Whether a proxy URL is public (module paths that look private are not sent there). */
  isPublicProxy?: (url: string) => boolean;
  platform?: NodeJS.Platform;
}

/** What is known about one required module version: the hover's content. */
export interface ModuleReport {
  file: string;
  module: string;
  version: string;
  /** The require (or replace) line. */
  range: Range;
  route: Route;
  result: { kind: WalkResult['kind'] | 'skipped'; source?: string; ms?: number; stage?: string; detail?: string; status?: number; sources?: string[] };
  newest?: string;
  retracted?: { rationale: string };
  deprecated?: string;
  upgrade?: string;
}

export interface ModuleCheckResult {
  findings: Finding[];
  reports: ModuleReport[];
}

interface Target {
  module: string;
  version: string;
  pathToken: Token;
  versionToken: Token;
  range: Range;
  indirect: boolean;
  /** Set for a replacement target: the replace directive. */
  replace?: ReplaceStmt;
}

interface Ctx {
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

function cancelled(ctx: Ctx): boolean {
  return !!ctx.opts.signal?.aborted;
}

function emit(ctx: Ctx, f: Finding): void {
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

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

function hostOf(url: string): string {
  return proxyHost(url) ?? url;
}

function readSums(file: string, kind: 'go.mod' | 'go.work'): string[] {
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

/** Runs every module rule on a go.mod or go.work; findings also stream through opts.onFinding. */
export async function diagnoseModules(input: ModuleCheckInput, opts: ModuleCheckOptions): Promise<ModuleCheckResult> {
  const ctx: Ctx = { opts, file: input.file, sumLines: [], out: [], reports: [], sumdbBases: new Map(), editable: true };
  const cfg = parseGosumdb(opts.env.GOSUMDB ?? '');
  if (cfg.kind === 'db') {
    try {
      ctx.verifier = verifierFromKey(cfg.key);
    } catch {
      ctx.verifier = undefined; // env lint reports a malformed GOSUMDB
    }
  }
  if (input.kind === 'go.mod') {
    const mod = parseGoMod(input.text);
    ctx.sumLines = (input.sums ?? readSums(input.file, 'go.mod')).flatMap((s) => parseGoSum(s).lines.filter((l) => !l.ignored));
    await checkModFile(mod, ctx);
  } else {
    const work = parseGoWork(input.text);
    ctx.sumLines = (input.sums ?? readSums(input.file, 'go.work')).flatMap((s) => parseGoSum(s).lines.filter((l) => !l.ignored));
    await Promise.all(replacementTargets(work.replace).map((tg) => checkTarget(tg, ctx)));
    // The modules of the workspace: their requirements are fetched too; findings go on the `use` line.
    for (const u of work.use) {
      if (cancelled(ctx)) break;
      const dir = isAbsolute(u.path.value) ? u.path.value : resolve(dirname(input.file), u.path.value);
      let text: string;
      try {
        text = readFileSync(join(dir, 'go.mod'), 'utf8');
      } catch {
        continue; // gowork.use-missing / use-no-gomod say so locally
      }
      const sub: Ctx = { ...ctx, editable: false, remap: { range: u.path.range, prefix: u.path.value }, reports: [] };
      sub.sumLines = [...ctx.sumLines, ...readSums(join(dir, 'go.mod'), 'go.mod').flatMap((s) => parseGoSum(s).lines.filter((l) => !l.ignored))];
      await checkModFile(parseGoMod(text), sub, work.replace.map((r) => r.old.path.value));
    }
  }
  return { findings: ctx.out, reports: ctx.reports };
}

function replacementTargets(replaces: ReplaceStmt[]): Target[] {
  return replaces
    .filter((r) => !r.isDirectory && r.new.version && isValidSemver(r.new.version.value))
    .map((r) => ({
      module: r.new.path.value,
      version: r.new.version!.value,
      pathToken: r.new.path,
      versionToken: r.new.version!,
      range: r.range,
      indirect: false,
      replace: r,
    }));
}

function replacedBy(replaces: ReplaceStmt[], req: RequireStmt): ReplaceStmt | undefined {
  // A version-specific replace wins over a whole-module one (x/mod Replace semantics).
  return (
    replaces.find((r) => r.old.path.value === req.path.value && r.old.version?.value === req.version.value) ??
    replaces.find((r) => r.old.path.value === req.path.value && !r.old.version)
  );
}

async function checkModFile(mod: ModFile, ctx: Ctx, replacedElsewhere: string[] = []): Promise<void> {
  if (mod.errors.length) return; // the local rules report what the go command would say first
  const targets: Target[] = [];
  for (const r of mod.require) {
    const v = r.version.value;
    if (!isValidSemver(v) || (semverCanonical(v) !== v && !v.endsWith('+incompatible'))) continue; // local rules speak
    if (replacedBy(mod.replace, r) || replacedElsewhere.includes(r.path.value)) continue;
    if (mod.module && r.path.value === mod.module.path.value) continue;
    targets.push({ module: r.path.value, version: r.version.value, pathToken: r.path, versionToken: r.version, range: r.range, indirect: r.indirect });
  }
  // Replacements by a module version are fetched instead of what they replace; only used ones matter, but an
  // unused replace that cannot be fetched still deserves a word.
  targets.push(...(ctx.editable ? replacementTargets(mod.replace) : []));
  await Promise.all(targets.map((tg) => checkTarget(tg, ctx)));
}

function sumLinesFor(ctx: Ctx, module: string, version: string): { mod?: SumLine; zip?: SumLine } {
  const mine = ctx.sumLines.filter((l) => l.module.value === module && l.version.value === version && l.hash.value.startsWith('h1:'));
  return { mod: mine.find((l) => l.goMod), zip: mine.find((l) => !l.goMod) };
}

function versionsOf(answer: SourceAnswer): string[] {
  if (answer.kind !== 'ok') return [];
  return answer.body
    .toString('utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0])
    .filter((v) => v && isValidSemver(v) && semverCanonical(v) === v && !isPseudoVersion(v))
    .sort(compareSemver);
}

function covered(env: Record<string, string | undefined>, module: string): string | undefined {
  for (const name of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB'] as const) {
    const v = env[name];
    if (v && matchingPattern(v, module) !== undefined) return name;
  }
  return undefined;
}

async function checkTarget(tg: Target, ctx: Ctx): Promise<void> {
  const { opts } = ctx;
  const env = routeEnvOf(opts.env);
  const r = route(tg.module, env, opts.platform);
  const report: ModuleReport = { file: ctx.file, module: tg.module, version: tg.version, range: tg.range, route: r, result: { kind: 'skipped' } };
  const done = () => {
    if (cancelled(ctx)) return;
    ctx.reports.push(report);
    opts.onReport?.(report);
  };
  const isPublic = opts.isPublicProxy ?? isPublicProxyUrl;
  const sums = sumLinesFor(ctx, tg.module, tg.version);
  const pathRange = tg.replace ? span(tg.pathToken.range, tg.versionToken.range) : tg.pathToken.range;
  const base = { module: tg.module, version: tg.version };

  // A self-hosted path about to be sent to a public proxy: say so without sending it.
  const firstProxy = r.sources.find((s) => s.kind === 'proxy');
  if (r.sources[0]?.kind === 'proxy' && looksSelfHosted(tg.module) && !covered(opts.env, tg.module) && firstProxy && isPublic(firstProxy.url!)) {
    emit(ctx, {
      code: 'module.private-public',
      severity: 'error',
      message: t('module.private-public.host', { module: tg.module, host: tg.module.split('/')[0], proxy: firstProxy.url! }),
      range: pathRange,
      ...base,
      host: tg.module.split('/')[0],
      variable: 'GOPRIVATE',
      evidence: { reason: 'self-hosted', proxy: firstProxy.url },
      fixes: privateFixes(tg.module, ctx, false),
    });
    report.result = { kind: 'skipped' };
    done();
    return;
  }

  const walk = await walkRoute(r, async (url) => checkInfo(await opts.client.info(url, tg.module, tg.version), tg.version), () => cancelled(ctx));
  if (cancelled(ctx)) return;
  switch (walk.kind) {
    case 'ok': {
      const src = walk.source.url!;
      report.result = { kind: 'ok', source: src, ms: Math.round(walk.answer.ms) };
      const slowMs = opts.slowMs ?? 2000;
      const first = walk.answer.ttfbMs ?? walk.answer.ms;
      if (slowMs > 0 && first > slowMs) {
        emit(ctx, {
          code: 'module.slow',
          severity: 'info',
          message: t('module.slow', { module: tg.module, version: tg.version, host: hostOf(src), ms: Math.round(first), threshold: slowMs }),
          range: pathRange,
          ...base,
          host: hostOf(src),
          variable: 'GOPROXY',
          evidence: { source: src, ttfbMs: Math.round(first), ms: Math.round(walk.answer.ms) },
          fixes: await mirrorFixes(tg, ctx, src),
        });
      }
      await Promise.all([metadataRules(tg, ctx, src, report), sumRules(tg, ctx, r, src, sums)]);
      break;
    }
    case 'error': {
      const a = walk.answer;
      const src = walk.source.url!;
      report.result = { kind: 'error', source: src, ms: a.ms, stage: a.failure.stage, detail: a.failure.detail, status: a.status };
      emit(ctx, {
        code: 'module.unreachable',
        severity: 'error',
        message: t('module.unreachable', { module: tg.module, version: tg.version, host: hostOf(src), stage: a.failure.stage, detail: a.failure.detail }),
        range: pathRange,
        ...base,
        host: hostOf(src),
        variable: 'GOPROXY',
        evidence: {
          source: src,
          stage: a.failure.stage,
          kind: a.failure.kind,
          status: a.status,
          ms: Math.round(a.ms),
          related: { code: `proxy.${a.failure.kind}`, target: src },
        },
        fixes: [...(await mirrorFixes(tg, ctx, src)), ...pipeFixes(ctx, src)],
      });
      break;
    }
    case 'not-found': {
      report.result = { kind: 'not-found', sources: walk.tried.map((a) => a.source.url!) };
      await notFoundRules(tg, ctx, walk, pathRange);
      break;
    }
    case 'direct': {
      report.result = { kind: 'direct', source: walk.source.host };
      if (walk.tried.length > 0 && walk.tried.every((a) => a.answer.kind === 'not-found') && !covered(opts.env, tg.module)) {
        // Not known to the proxies: the go command goes to the VCS host and then to the checksum database, which
        // answers 404/410 for private modules (or git asks for credentials it cannot prompt for).
        const sources = walk.tried.map((a) => a.source.url!).join(', ');
        emit(ctx, {
          code: 'module.private-public',
          severity: 'error',
          message: t('module.private-public.not-found', { module: tg.module, sources }),
          range: pathRange,
          ...base,
          host: tg.module.split('/')[0],
          variable: 'GOPRIVATE',
          evidence: { reason: 'not-found-publicly', sources: walk.tried.map((a) => ({ url: a.answer.url, status: (a.answer as { status?: number }).status })) },
          fixes: privateFixes(tg.module, ctx, false),
        });
      }
      // Where the go command fetches directly, go.sum still matters.
      emitMissingSum(tg, ctx, sums);
      break;
    }
    case 'disabled':
      report.result = { kind: 'disabled', detail: walk.error };
      break;
  }
  done();
}

function privateFixes(module: string, ctx: Ctx, sumdbOnly: boolean): Finding['fixes'] {
  const env = ctx.opts.env;
  const pattern = privatePattern(module);
  const goprivate = env.GOPRIVATE ?? '';
  const resolved = ctx.opts.resolved;
  // GONOPROXY/GONOSUMDB take GOPRIVATE's value only while they are unset themselves.
  const inherits = (name: 'GONOPROXY' | 'GONOSUMDB') => {
    const v = resolved?.get(name);
    return v ? v.value === '' || v.from === 'GOPRIVATE' : (env[name] ?? '') === goprivate;
  };
  const changes = [{ name: 'GOPRIVATE', value: appendPattern(goprivate, pattern) }];
  for (const n of ['GONOPROXY', 'GONOSUMDB'] as const) if (!inherits(n)) changes.push({ name: n, value: appendPattern(env[n] ?? '', pattern) });
  const priv = envFixRef(changes, resolved, (layer) => t('module.fix.goprivate', { pattern, layer }));
  const nosum = envFixRef([{ name: 'GONOSUMDB', value: appendPattern(env.GONOSUMDB ?? '', pattern) }], resolved, (layer) => t('module.fix.gonosumdb', { pattern, layer }));
  return sumdbOnly ? [nosum, priv] : [priv];
}

/** "Switch GOPROXY to <mirror>": each mirror asked for this very module version, healthy ones fastest first. */
async function mirrorFixes(tg: Target, ctx: Ctx, failed: string): Promise<NonNullable<Finding['fixes']>> {
  const mirrors = (ctx.opts.mirrors ?? KNOWN_PUBLIC_MIRRORS).filter((m) => !sameProxy(m, failed));
  if (mirrors.length === 0 || cancelled(ctx)) return [];
  const answers = await Promise.all(
    mirrors.map(async (m) => ({ m, a: checkInfo(await ctx.opts.client.info(m, tg.module, tg.version), tg.version) })),
  );
  return answers
    .filter((x) => x.a.kind === 'ok')
    .sort((x, y) => x.a.ms - y.a.ms)
    .map((x) =>
      envFixRef([{ name: 'GOPROXY', value: `${x.m},direct` }], ctx.opts.resolved, (layer) =>
        t('module.fix.switch-mirror', { mirror: x.m, ms: Math.round(x.a.ms), layer }),
      ),
    );
}

/** "Use | instead of ,": the failing entry falls through to the next one on any error. */
function pipeFixes(ctx: Ctx, failed: string): NonNullable<Finding['fixes']> {
  const parsed = parseGoproxy(ctx.opts.env.GOPROXY ?? '', ctx.opts.platform);
  const i = parsed.entries.findIndex((e) => e.kind === 'url' && e.url === failed);
  if (i < 0 || i >= parsed.entries.length - 1 || parsed.entries[i].fallbackOnError) return [];
  const value = formatGoproxy(parsed.entries.map((e, j) => ({ ...e, fallbackOnError: j === i ? true : e.fallbackOnError })));
  if (redactSecrets(value) !== value) return []; // a fix id must never carry a credential
  return [envFixRef([{ name: 'GOPROXY', value }], ctx.opts.resolved, (layer) => t('module.fix.pipe', { host: hostOf(failed), layer }))];
}

async function notFoundRules(tg: Target, ctx: Ctx, walk: WalkResult & { kind: 'not-found' }, pathRange: Range): Promise<void> {
  const base = { module: tg.module, version: tg.version };
  const texts = walk.tried.map((a) => (a.answer.kind === 'not-found' ? a.answer.text : ''));
  const statuses = [...new Set(walk.tried.map((a) => (a.answer as { status?: number }).status))].join('/');
  const sources = walk.tried.map((a) => a.source.url!);
  const evidence = { sources: walk.tried.map((a) => ({ url: a.answer.url, status: (a.answer as { status?: number }).status, text: a.answer.kind === 'not-found' ? a.answer.text : undefined })) };
  if (texts.some((s) => /terminal prompts disabled|could not read Username/i.test(s)) && !covered(ctx.opts.env, tg.module)) {
    emit(ctx, {
      code: 'module.private-public', severity: 'error', range: pathRange, ...base, variable: 'GOPRIVATE', evidence,
      message: t('module.private-public.not-found', { module: tg.module, sources: sources.join(', ') }),
      fixes: privateFixes(tg.module, ctx, false),
    });
    return;
  }
  const invalid = texts.find((s) => /invalid (pseudo-)?version/i.test(s));
  if (invalid) {
    emit(ctx, {
      code: 'module.invalid-version', severity: 'error', range: tg.versionToken.range, ...base, evidence,
      message: t('module.invalid-version', { module: tg.module, version: tg.version, detail: invalid }),
    });
    return;
  }
  // Does any source know the module at all? Then this version is the problem.
  let known: { source: string; newest: string } | undefined;
  for (const url of sources) {
    const versions = versionsOf(await ctx.opts.client.list(url, tg.module));
    let newest = versions[versions.length - 1];
    if (!newest) {
      const latest = await ctx.opts.client.latest(url, tg.module);
      newest = latest.kind === 'ok' ? infoVersion(latest.body) ?? '' : '';
    }
    if (newest) {
      known = { source: url, newest };
      break;
    }
  }
  if (cancelled(ctx)) return;
  if (known) {
    emit(ctx, {
      code: 'module.unknown-revision', severity: 'error', range: tg.versionToken.range, ...base, evidence: { ...evidence, newest: known.newest },
      message: t('module.unknown-revision', { module: tg.module, version: tg.version, source: known.source, newest: known.newest }),
      fixes: ctx.editable && !tg.replace && compareSemver(known.newest, tg.version) !== 0 ? [moduleFixRef({ kind: 'upgrade', module: tg.module, version: known.newest })] : [],
    });
    return;
  }
  emit(ctx, {
    code: 'module.not-found', severity: 'error', range: pathRange, ...base, evidence,
    message: t('module.not-found', { module: tg.module, version: tg.version, sources: sources.join(', '), status: statuses }),
    fixes: tg.replace && ctx.editable ? [moduleFixRef({ kind: 'remove-replace', module: tg.replace.old.path.value, version: tg.replace.old.version?.value })] : [],
  });
}

/** Retractions and deprecation from the latest go.mod, and the newest release of the same major. */
async function metadataRules(tg: Target, ctx: Ctx, src: string, report: ModuleReport): Promise<void> {
  const { client } = ctx.opts;
  const versions = versionsOf(await client.list(src, tg.module));
  // The go command reads retractions from the latest version ignoring retractions: the highest release, else the
  // highest pre-release, else @latest.
  let latest: string | undefined = [...versions].reverse().find((v) => !isPrerelease(v)) ?? versions[versions.length - 1];
  if (!latest) {
    const a = await client.latest(src, tg.module);
    latest = a.kind === 'ok' ? infoVersion(a.body) : undefined;
  }
  if (!latest || cancelled(ctx)) return;
  const modAnswer = await client.mod(src, tg.module, latest);
  if (modAnswer.kind !== 'ok' || cancelled(ctx)) return;
  const latestMod = parseGoMod(modAnswer.body.toString('utf8'));
  const retractedBy = (v: string) => latestMod.retract.find((x) => compareSemver(x.low.value, v) <= 0 && compareSemver(v, x.high.value) <= 0);
  const incompatible = tg.version.endsWith('+incompatible');
  const candidates = versions.filter((v) => v.endsWith('+incompatible') === incompatible && !retractedBy(v));
  const releases = candidates.filter((v) => !isPrerelease(v));
  const newest = releases[releases.length - 1] ?? candidates[candidates.length - 1];
  if (newest) report.newest = newest;
  const base = { module: tg.module, version: tg.version };

  const retraction = retractedBy(tg.version);
  if (retraction) {
    report.retracted = { rationale: retraction.rationale };
    const up = [...releases, ...candidates.filter((v) => isPrerelease(v))].filter((v) => compareSemver(v, tg.version) > 0).sort(compareSemver);
    const target = up.filter((v) => !isPrerelease(v)).pop() ?? up.pop();
    if (target) report.upgrade = target;
    emit(ctx, {
      code: 'module.retracted', severity: 'warning', range: tg.versionToken.range, ...base,
      message: t('module.retracted', { module: tg.module, version: tg.version, rationale: retraction.rationale ? t('module.rationale', { text: retraction.rationale }) : '' }),
      evidence: { rationale: retraction.rationale, retract: [retraction.low.value, retraction.high.value], latest, source: src },
      fixes: target && ctx.editable && !tg.replace ? [moduleFixRef({ kind: 'upgrade', module: tg.module, version: target })] : [],
    });
  }
  if (latestMod.module?.deprecated) {
    report.deprecated = latestMod.module.deprecated;
    emit(ctx, {
      code: 'module.deprecated', severity: 'info', range: tg.pathToken.range, ...base,
      message: t('module.deprecated', { module: tg.module, text: latestMod.module.deprecated }),
      evidence: { text: latestMod.module.deprecated, latest, source: src },
    });
  }
  if (!retraction && !tg.replace) {
    const sameMajor = releases.filter((v) => semverMajor(v) === semverMajor(tg.version));
    const best = sameMajor[sameMajor.length - 1];
    if (best && compareSemver(best, tg.version) > 0) {
      emit(ctx, {
        code: 'module.outdated', severity: 'hint', range: tg.versionToken.range, ...base,
        message: t('module.outdated', { module: tg.module, newest: best, major: semverMajor(tg.version) }),
        evidence: { newest: best, source: src },
        fixes: ctx.editable ? [moduleFixRef({ kind: 'upgrade', module: tg.module, version: best })] : [],
      });
    }
  }
}

function emitMissingSum(tg: Target, ctx: Ctx, sums: { mod?: SumLine; zip?: SumLine }): void {
  const missing = [...(sums.mod ? [] : [`${tg.module} ${tg.version}/go.mod`]), ...(sums.zip || tg.indirect ? [] : [`${tg.module} ${tg.version}`])];
  if (missing.length === 0) return;
  emit(ctx, {
    code: 'gosum.missing', severity: 'error', range: tg.versionToken.range, module: tg.module, version: tg.version,
    message: t('gosum.missing', { module: tg.module, version: tg.version }),
    evidence: { missing },
    fixes: ctx.editable ? [moduleFixRef({ kind: 'download', module: tg.module, version: tg.version })] : [],
  });
}

/** Where the go command sends checksum lookups for this route (async twin of simulateSumdb). */
async function sumdbBase(ctx: Ctx, r: Route): Promise<string | undefined> {
  const db = r.sumdb;
  if (!db.consulted || db.error) return undefined;
  if (db.explicitUrl) return db.explicitUrl;
  const key = db.probes.map((p) => p.url).join('|') + '|' + (db.endsAt ?? '');
  let base = ctx.sumdbBases.get(key);
  if (!base) {
    base = (async () => {
      for (const p of db.probes) {
        const a = await ctx.opts.client.sumdbSupported(p.url, db.name);
        if (a.kind === 'ok') return joinUrl(p.url, `sumdb/${db.name}`);
        if (a.kind === 'error' && p.fallback !== 'any-error') return undefined;
      }
      return db.direct;
    })();
    ctx.sumdbBases.set(key, base);
  }
  return base;
}

async function sumRules(tg: Target, ctx: Ctx, r: Route, src: string, sums: { mod?: SumLine; zip?: SumLine }): Promise<void> {
  const base = { module: tg.module, version: tg.version };
  // 1. go.sum's go.mod hash against the go.mod the proxy serves (hashed here).
  if (sums.mod) {
    const a = await ctx.opts.client.mod(src, tg.module, tg.version);
    if (a.kind === 'ok') {
      const actual = h1OfGoMod(a.body);
      if (actual !== sums.mod.hash.value) {
        emit(ctx, {
          code: 'gosum.mismatch', severity: 'error', range: tg.versionToken.range, ...base,
          message: t('gosum.mismatch.proxy', { module: tg.module, version: tg.version, expected: sums.mod.hash.value, actual, source: src }),
          evidence: { against: 'proxy', source: src, expected: sums.mod.hash.value, actual, sumLine: sums.mod.range.start.line },
        });
        return;
      }
    }
  }
  emitMissingSum(tg, ctx, sums);
  // 2. The checksum database: its record against go.sum, or — when go.sum lacks lines and go must ask it — whether
  // it can be asked at all.
  if (!ctx.verifier || !r.sumdb.consulted || cancelled(ctx)) return;
  const where = await sumdbBase(ctx, r);
  if (!where) return;
  const { answer, lines } = await ctx.opts.client.sumdbLookup(where, tg.module, tg.version, ctx.verifier);
  if (cancelled(ctx)) return;
  const name = r.sumdb.name;
  if (answer.kind === 'ok' && lines) {
    for (const line of [sums.zip, sums.mod]) {
      if (!line) continue;
      const prefix = `${tg.module} ${tg.version}${line.goMod ? '/go.mod' : ''} `;
      const rec = lines.find((l) => l.startsWith(prefix + 'h1:'));
      const actual = rec?.slice(prefix.length).trim();
      if (actual && actual !== line.hash.value) {
        emit(ctx, {
          code: 'gosum.mismatch', severity: 'error', range: tg.versionToken.range, ...base,
          message: t('gosum.mismatch.sumdb', { module: tg.module, version: tg.version + (line.goMod ? '/go.mod' : ''), expected: line.hash.value, actual, sumdb: name }),
          evidence: { against: 'sumdb', sumdb: name, expected: line.hash.value, actual, sumLine: line.range.start.line },
        });
        return;
      }
    }
    return;
  }
  if (sums.mod && sums.zip) return; // the go command will not ask the database
  if (answer.kind === 'not-found' && !covered(ctx.opts.env, tg.module)) {
    emit(ctx, {
      code: 'module.private-public', severity: 'error', range: tg.pathToken.range, ...base, variable: 'GONOSUMDB',
      message: t('module.private-public.sumdb', { module: tg.module, version: tg.version, source: src, sumdb: name, status: answer.status }),
      evidence: { reason: 'sumdb-not-found', sumdb: where, status: answer.status },
      fixes: privateFixes(tg.module, ctx, true),
    });
  } else if (answer.kind === 'error' && answer.failure.kind !== 'cancelled') {
    const host = hostOf(where);
    const fixes: NonNullable<Finding['fixes']> = [];
    if (name === 'sum.golang.org' && !sameProxy(where, `https://${SUMDB_CN_ALIAS}`)) {
      fixes.push(envFixRef([{ name: 'GOSUMDB', value: SUMDB_CN_ALIAS }], ctx.opts.resolved, (layer) => t('module.fix.gosumdb-cn', { layer })));
    }
    emit(ctx, {
      code: 'module.unreachable', severity: 'error', range: tg.pathToken.range, ...base, host, variable: 'GOSUMDB',
      message: t('module.unreachable.sumdb', { module: tg.module, version: tg.version, host, stage: answer.failure.stage, detail: answer.failure.detail }),
      evidence: { sumdb: where, stage: answer.failure.stage, kind: answer.failure.kind, status: answer.status, related: { code: `sumdb.${answer.failure.kind}`, target: where } },
      fixes,
    });
  }
}
