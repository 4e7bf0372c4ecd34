// go.sum and checksum database rules: missing lines, and mismatches against the proxy's go.mod or the database's record.
import type { Finding } from '../../finding';
import { displayUrl } from '../../net/credentials';
import { SUMDB_CN_ALIAS } from '../../goenv/gosumdb';
import { joinUrl, type Route } from '../../goenv/route';
import { t } from '../../i18n';
import type { SumLine } from '../../modfile/types';
import { sameProxy } from '../../net/mirrors';
import { cancelled, covered, emit, hostOf, type Ctx, type Target } from './context';
import { privateFixes } from './envFixes';
import { envFixRef, moduleFixRef } from './fixes';
import { h1OfGoMod } from './hash';

export function sumLinesFor(ctx: Ctx, module: string, version: string): { mod?: SumLine; zip?: SumLine } {
  const mine = ctx.sumLines.filter((l) => l.module.value === module && l.version.value === version && l.hash.value.startsWith('h1:'));
  return { mod: mine.find((l) => l.goMod), zip: mine.find((l) => !l.goMod) };
}

export function emitMissingSum(tg: Target, ctx: Ctx, sums: { mod?: SumLine; zip?: SumLine }): void {
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

export async function sumRules(tg: Target, ctx: Ctx, r: Route, src: string, sums: { mod?: SumLine; zip?: SumLine }): Promise<void> {
  const base = { module: tg.module, version: tg.version };
  // 1. go.sum's go.mod hash against the go.mod the proxy serves (hashed here).
  if (sums.mod) {
    const a = await ctx.opts.client.mod(src, tg.module, tg.version);
    if (a.kind === 'ok') {
      const actual = h1OfGoMod(a.body);
      if (actual !== sums.mod.hash.value) {
        emit(ctx, {
          code: 'gosum.mismatch', severity: 'error', range: tg.versionToken.range, ...base,
          message: t('gosum.mismatch.proxy', { module: tg.module, version: tg.version, expected: sums.mod.hash.value, actual, source: displayUrl(src) }),
          evidence: { against: 'proxy', source: displayUrl(src), expected: sums.mod.hash.value, actual, sumLine: sums.mod.range.start.line },
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
      message: t('module.private-public.sumdb', { module: tg.module, version: tg.version, source: displayUrl(src), sumdb: name, status: answer.status }),
      evidence: { reason: 'sumdb-not-found', sumdb: displayUrl(where), status: answer.status },
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
      evidence: { sumdb: displayUrl(where), stage: answer.failure.stage, kind: answer.failure.kind, status: answer.status, related: { code: `sumdb.${answer.failure.kind}`, target: displayUrl(where) } },
      fixes,
    });
  }
}
