// The rules for a module version no proxy has: private module, invalid version, unknown revision, or not found.
import type { Range } from '../../finding';
import { t } from '../../i18n';
import { compareSemver } from '../../modfile/semver';
import { displayUrl } from '../../net/credentials';
import { cancelled, covered, emit, versionsOf, type Ctx, type Target } from './context';
import { privateFixes } from './envFixes';
import { moduleFixRef } from './fixes';
import { infoVersion } from './source';
import type { WalkResult } from './walk';

export async function notFoundRules(tg: Target, ctx: Ctx, walk: WalkResult & { kind: 'not-found' }, pathRange: Range): Promise<void> {
  const base = { module: tg.module, version: tg.version };
  const texts = walk.tried.map((a) => (a.answer.kind === 'not-found' ? a.answer.text : ''));
  const statuses = [...new Set(walk.tried.map((a) => (a.answer as { status?: number }).status))].join('/');
  const sources = walk.tried.map((a) => a.source.url!);
  // What messages and evidence show: the configured URLs without their credentials.
  const shown = sources.map((u) => displayUrl(u));
  const evidence = { sources: walk.tried.map((a) => ({ url: a.answer.url, status: (a.answer as { status?: number }).status, text: a.answer.kind === 'not-found' ? a.answer.text : undefined })) };
  if (texts.some((s) => /terminal prompts disabled|could not read Username/i.test(s)) && !covered(ctx.opts.env, tg.module)) {
    emit(ctx, {
      code: 'module.private-public', severity: 'error', range: pathRange, ...base, variable: 'GOPRIVATE', evidence,
      message: t('module.private-public.not-found', { module: tg.module, sources: shown.join(', ') }),
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
      message: t('module.unknown-revision', { module: tg.module, version: tg.version, source: displayUrl(known.source), newest: known.newest }),
      fixes: ctx.editable && !tg.replace && compareSemver(known.newest, tg.version) !== 0 ? [moduleFixRef({ kind: 'upgrade', module: tg.module, version: known.newest })] : [],
    });
    return;
  }
  emit(ctx, {
    code: 'module.not-found', severity: 'error', range: pathRange, ...base, evidence,
    message: t('module.not-found', { module: tg.module, version: tg.version, sources: shown.join(', '), status: statuses }),
    fixes: tg.replace && ctx.editable ? [moduleFixRef({ kind: 'remove-replace', module: tg.replace.old.path.value, version: tg.replace.old.version?.value })] : [],
  });
}
