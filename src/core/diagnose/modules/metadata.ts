// Rules from a module's metadata: retracted versions, deprecated modules, newer releases of the same major.
import { t } from '../../i18n';
import { displayUrl } from '../../net/credentials';
import { parseGoMod } from '../../modfile';
import { compareSemver, isPrerelease, semverMajor } from '../../modfile/semver';
import { cancelled, emit, versionsOf, type Ctx, type Target } from './context';
import { moduleFixRef } from './fixes';
import { infoVersion } from './source';
import type { ModuleReport } from './types';

/** Retractions and deprecation from the latest go.mod, and the newest release of the same major. */
export async function metadataRules(tg: Target, ctx: Ctx, src: string, report: ModuleReport): Promise<void> {
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
      evidence: { rationale: retraction.rationale, retract: [retraction.low.value, retraction.high.value], latest, source: displayUrl(src) },
      fixes: target && ctx.editable && !tg.replace ? [moduleFixRef({ kind: 'upgrade', module: tg.module, version: target })] : [],
    });
  }
  if (latestMod.module?.deprecated) {
    report.deprecated = latestMod.module.deprecated;
    emit(ctx, {
      code: 'module.deprecated', severity: 'info', range: tg.pathToken.range, ...base,
      message: t('module.deprecated', { module: tg.module, text: latestMod.module.deprecated }),
      evidence: { text: latestMod.module.deprecated, latest, source: displayUrl(src) },
    });
  }
  if (!retraction && !tg.replace) {
    const sameMajor = releases.filter((v) => semverMajor(v) === semverMajor(tg.version));
    const best = sameMajor[sameMajor.length - 1];
    if (best && compareSemver(best, tg.version) > 0) {
      emit(ctx, {
        code: 'module.outdated', severity: 'hint', range: tg.versionToken.range, ...base,
        message: t('module.outdated', { module: tg.module, newest: best, major: semverMajor(tg.version) }),
        evidence: { newest: best, source: displayUrl(src) },
        fixes: ctx.editable ? [moduleFixRef({ kind: 'upgrade', module: tg.module, version: best })] : [],
      });
    }
  }
}
