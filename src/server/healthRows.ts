// From engine results to the rows of the health snapshot: env variables with their layers, probe rows with their
// connection timelines, mirrors with the env fix that switches to them, cache targets with their sizes.
// Pure functions: the panel shows exactly what these return (redaction of the whole snapshot happens on send).
import type { CacheInspection } from '../core/cache';
import { envFixRef } from '../core/diagnose/modules/fixes';
import { severityRank, type Finding } from '../core/finding';
import type { ResolvedEnv } from '../core/goenv/resolve';
import type { ProxyProbeResult } from '../core/net/goproxyProbe';
import { FIX_IDS } from '../core/net/findings';
import type { ProbeReport } from '../core/net/probe';
import type { SumdbProbeResult } from '../core/net/sumdbProbe';
import { redactSecrets } from '../core/report/redact';
import type { HealthCacheTarget, HealthEnvVar, HealthFinding, HealthMirror, HealthProbe, HealthStage } from '../protocol';

export function toHealthFinding(f: Finding): HealthFinding {
  const out: HealthFinding = { code: f.code, severity: f.severity, message: redactSecrets(f.message) };
  if (f.fixes?.length) out.fixes = f.fixes.map((x) => ({ id: x.id, title: redactSecrets(x.title) }));
  return out;
}

/** The most severe finding of a list (the first of equals). */
export function mostSevere(findings: Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const f of findings) if (!best || severityRank[f.severity] < severityRank[best.severity]) best = f;
  return best;
}

export function envRows(env: ResolvedEnv, lint: Finding[]): HealthEnvVar[] {
  return env.vars.map((v) => ({
    name: v.name,
    value: redactSecrets(v.value),
    layer: v.layer,
    shadowed: v.shadowed.map((s) => ({ layer: s.layer, value: redactSecrets(s.value) })),
    findings: lint.filter((f) => f.variable === v.name).map(toHealthFinding),
  }));
}

type ProbeResult = ProxyProbeResult | SumdbProbeResult;

/** The connection timeline: each stage that ran with its own duration; the stage that failed gets the rest. */
export function stagesOf(r: ProbeResult): HealthStage[] {
  const c = r.connect;
  const out: HealthStage[] = [];
  if (c?.dns && !c.dns.skipped) out.push({ stage: 'dns', ms: Math.round(c.dns.ms) });
  if (c?.tcp) out.push({ stage: 'tcp', ms: Math.round(c.tcp.ms) });
  if (c?.tls) out.push({ stage: 'tls', ms: Math.round(c.tls.ms) });
  const used = out.reduce((n, s) => n + s.ms, 0);
  const rest = Math.max(0, Math.round(r.ms - used));
  if (r.ok) {
    const first = r.requests[0];
    if (first) out.push({ stage: 'http', ms: Math.round(first.ttfbMs ?? first.ms) });
  } else if (r.stage !== 'done') {
    const at = out.findIndex((s) => s.stage === r.stage);
    // The failing stage took whatever the earlier stages did not: a connect that never finished, a silent server.
    if (at >= 0) out[at] = { stage: r.stage, ms: out[at].ms + rest };
    else out.push({ stage: r.stage, ms: rest });
  }
  return out;
}

function findingFor(r: ProbeResult, findings: Finding[]): HealthFinding | undefined {
  const target = redactSecrets(r.target);
  const mine = findings.filter((f) => f.code.startsWith(`${r.kind}.`) && (f.evidence as { target?: string } | undefined)?.target === target);
  const f = mostSevere(mine);
  return f && toHealthFinding(f);
}

/**
 * The probe findings with "switch to the measured best mirror" as an env fix id the panel can apply (net.switch-mirror
 * is advice for the CLI's text report); other net.* fixes stay advice.
 */
export function actionableProbeFindings(report: ProbeReport, env: ResolvedEnv | undefined): Finding[] {
  const best = report.recommendation.best;
  const url = best && (report.proxies.find((p) => p.target === best.target && p.configured === best.configured)?.url ?? best.target);
  const switchId = url && redactSecrets(url) === url ? envFixRef([{ name: 'GOPROXY', value: `${url},direct` }], env, () => '').id : undefined;
  return report.findings.map((f) => {
    if (!f.fixes?.some((x) => x.id === FIX_IDS.switchMirror)) return f;
    const fixes = f.fixes.flatMap((x) => (x.id !== FIX_IDS.switchMirror ? [x] : switchId ? [{ ...x, id: switchId }] : []));
    return { ...f, fixes };
  });
}

export function probeRows(report: ProbeReport, findings: Finding[] = report.findings): HealthProbe[] {
  const rows: HealthProbe[] = [];
  const row = (r: ProbeResult, configured: boolean, via?: string): HealthProbe => {
    const p: HealthProbe = { target: redactSecrets(r.target), kind: r.kind, configured, ok: r.ok, stage: r.stage, ms: Math.round(r.ms), stages: stagesOf(r) };
    if (r.status !== undefined) p.status = r.status;
    if (via) p.via = redactSecrets(via);
    const f = findingFor(r, findings);
    if (f) p.finding = f;
    return p;
  };
  for (const p of report.proxies) if (p.skipped === undefined) rows.push(row(p, p.configured));
  // Every checksum database probe is of the configured GOSUMDB (directly or through a proxy that carries it).
  for (const s of report.sumdbs) rows.push(row(s, true, s.via === 'proxy' ? s.proxy : undefined));
  return rows;
}

/**
 * Mirrors to switch to, healthy first, fastest first, each with the env fix that sets GOPROXY=<mirror>,direct in the
 * layer in force. A configured entry that carries credentials gets no fix id ('') — an id must never carry them.
 */
export function mirrorRows(report: ProbeReport, env: ResolvedEnv | undefined): HealthMirror[] {
  return report.recommendation.ranked.map((m) => {
    const proxy = report.proxies.find((p) => p.target === m.target && p.configured === m.configured);
    const url = proxy?.url ?? m.target;
    const safe = redactSecrets(url) === url;
    const fixId = safe ? envFixRef([{ name: 'GOPROXY', value: `${url},direct` }], env, () => '').id : '';
    return { url: redactSecrets(m.target), healthy: m.healthy, ms: Math.round(m.ms), configured: m.configured, fixId };
  });
}

export function cacheRows(inspection: CacheInspection, sizes: Map<string, { bytes: number; complete: boolean }>): HealthCacheTarget[] {
  return inspection.targets.map((x) => {
    const size = sizes.get(x.path);
    return {
      kind: x.kind,
      variable: x.variable,
      path: x.path,
      exists: x.exists,
      writable: x.writable ?? null,
      freeBytes: x.freeBytes ?? null,
      sizeBytes: size ? size.bytes : null,
      sizeComplete: size?.complete ?? false,
    };
  });
}
