// Per-require network diagnostics (module.*, gosum.*): for every required module@version of a go.mod (and the
// go.mod files of a go.work's `use` directories, and every replacement by a module version), follow route()
// exactly — private modules never go to a proxy — ask the sources as the go command would, and say what will
// fail and how to fix it. Findings stream out through onFinding as each module is decided.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseGosumdb } from '../../goenv/gosumdb';
import { route, routeEnvOf } from '../../goenv/route';
import { t } from '../../i18n';
import { parseGoMod, parseGoSum, parseGoWork } from '../../modfile';
import type { ModFile, RequireStmt, ReplaceStmt } from '../../modfile/types';
import { isValidSemver, semverCanonical } from '../../modfile/semver';
import { displayUrl } from '../../net/credentials';
import { verifierFromKey } from '../../net/note';
import { cancelled, covered, emit, hostOf, readSums, span, type Ctx, type Target } from './context';
import { mirrorFixes, pipeFixes, privateFixes } from './envFixes';
import { metadataRules } from './metadata';
import { notFoundRules } from './notFound';
import { isPublicProxyUrl, looksSelfHosted } from './privacy';
import { checkInfo } from './source';
import { emitMissingSum, sumLinesFor, sumRules } from './sums';
import type { ModuleCheckInput, ModuleCheckOptions, ModuleCheckResult, ModuleReport } from './types';
import { walkRoute } from './walk';

export { ModuleSourceClient, type SourceAnswer, type ModuleSourceOptions } from './source';
export { walkRoute, type WalkResult } from './walk';
export { formatModuleFixId, parseModuleFixId, moduleFixEdits, type ModuleFix, type TextEdit } from './fixes';
export { looksSelfHosted, isPublicProxyUrl, privatePattern } from './privacy';
export { h1OfGoMod } from './hash';
export { moduleHover } from './hover';
export type { ModuleCheckInput, ModuleCheckOptions, ModuleReport, ModuleCheckResult } from './types';

export const MODULE_FINDING_CODES = [
  'module.unreachable', 'module.not-found', 'module.unknown-revision', 'module.invalid-version', 'module.private-public',
  'module.retracted', 'module.deprecated', 'module.outdated', 'module.slow', 'gosum.missing', 'gosum.mismatch',
] as const;

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

async function checkTarget(tg: Target, ctx: Ctx): Promise<void> {
  const { opts } = ctx;
  const env = routeEnvOf(opts.env);
  const r = route(tg.module, env, opts.platform);
  // The report is shown (hover, panel): its route names the sources without their credentials.
  const shownRoute = { ...r, sources: r.sources.map((s) => (s.url ? { ...s, url: displayUrl(s.url) } : s)) };
  const report: ModuleReport = { file: ctx.file, module: tg.module, version: tg.version, range: tg.range, route: shownRoute, result: { kind: 'skipped' } };
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
      message: t('module.private-public.host', { module: tg.module, host: tg.module.split('/')[0], proxy: displayUrl(firstProxy.url!) }),
      range: pathRange,
      ...base,
      host: tg.module.split('/')[0],
      variable: 'GOPRIVATE',
      evidence: { reason: 'self-hosted', proxy: displayUrl(firstProxy.url!) },
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
      report.result = { kind: 'ok', source: displayUrl(src), ms: Math.round(walk.answer.ms) };
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
          evidence: { source: displayUrl(src), ttfbMs: Math.round(first), ms: Math.round(walk.answer.ms) },
          fixes: await mirrorFixes(tg, ctx, src),
        });
      }
      await Promise.all([metadataRules(tg, ctx, src, report), sumRules(tg, ctx, r, src, sums)]);
      break;
    }
    case 'error': {
      const a = walk.answer;
      const src = walk.source.url!;
      report.result = { kind: 'error', source: displayUrl(src), ms: a.ms, stage: a.failure.stage, detail: a.failure.detail, status: a.status };
      emit(ctx, {
        code: 'module.unreachable',
        severity: 'error',
        message: t('module.unreachable', { module: tg.module, version: tg.version, host: hostOf(src), stage: a.failure.stage, detail: a.failure.detail }),
        range: pathRange,
        ...base,
        host: hostOf(src),
        variable: 'GOPROXY',
        evidence: {
          source: displayUrl(src),
          stage: a.failure.stage,
          kind: a.failure.kind,
          status: a.status,
          ms: Math.round(a.ms),
          related: { code: `proxy.${a.failure.kind}`, target: displayUrl(src) },
        },
        fixes: [...(await mirrorFixes(tg, ctx, src)), ...pipeFixes(ctx, src)],
      });
      break;
    }
    case 'not-found': {
      report.result = { kind: 'not-found', sources: walk.tried.map((a) => displayUrl(a.source.url!)) };
      await notFoundRules(tg, ctx, walk, pathRange);
      break;
    }
    case 'direct': {
      report.result = { kind: 'direct', source: walk.source.host };
      if (walk.tried.length > 0 && walk.tried.every((a) => a.answer.kind === 'not-found') && !covered(opts.env, tg.module)) {
        // Not known to the proxies: the go command goes to the VCS host and then to the checksum database, which
        // answers 404/410 for private modules (or git asks for credentials it cannot prompt for).
        const sources = walk.tried.map((a) => displayUrl(a.source.url!)).join(', ');
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
