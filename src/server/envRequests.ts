// The panel's env requests: the preview of an env fix (goenv's plan, nothing written) and fix ids for the pickers
// (GOSUMDB=value, a pattern added to GOPRIVATE/GONOPROXY/GONOSUMDB), validated, in the layer that is in force.
import { envFixRef } from '../core/diagnose/modules/fixes';
import { appendPattern } from '../core/diagnose/modules/privacy';
import { parseFixId, type EnvChange } from '../core/goenv/fixid';
import { parseGoproxy } from '../core/goenv/goproxy';
import { parseGosumdb } from '../core/goenv/gosumdb';
import { pathMatch } from '../core/goenv/patterns';
import type { ResolvedEnv } from '../core/goenv/resolve';
import { describePlan, planEnvWrite, type WriteContext } from '../core/goenv/write';
import { t } from '../core/i18n';
import { redactSecrets } from '../core/report/redact';
import type { EnvFixForParams, EnvFixForResult, PreviewEnvFixResult } from '../protocol';

const PATTERN_LISTS = ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB'] as const;
const SETTABLE = ['GOPROXY', 'GOSUMDB', ...PATTERN_LISTS];

/** What applying the fix would change, computed by goenv's planner without writing anything. */
export async function previewEnvFix(fixId: string, ctx: WriteContext): Promise<PreviewEnvFixResult> {
  const fix = parseFixId(fixId);
  if (!fix) return { changes: [], refused: t('health.preview.not-env-fix', { id: redactSecrets(fixId) }) };
  try {
    const plan = await planEnvWrite(fix, ctx);
    const changes = describePlan(plan).map(redactSecrets);
    if (plan.target) changes.push(t('health.preview.target', { target: redactSecrets(plan.target) }));
    if (plan.noop) changes.push(t('health.preview.noop'));
    const out: PreviewEnvFixResult = { changes };
    if (plan.problems.length) out.refused = redactSecrets(t('env.write.failed', { reason: plan.problems.join('; ') }));
    else if (!plan.allTakeEffect) out.refused = t('env.write.refused');
    return out;
  } catch (err) {
    return { changes: [], refused: redactSecrets(t('env.write.failed', { reason: (err as Error).message })) };
  }
}

/** Why a single GOPRIVATE-style pattern is unusable, or undefined. */
export function patternProblem(pattern: string): string | undefined {
  const bad = (reason: string) => t('health.envfix.bad-pattern', { pattern, reason });
  if (pattern === '') return t('health.envfix.empty');
  if (/\s/.test(pattern)) return bad(t('health.envfix.reason.space'));
  if (pattern.includes(',')) return bad(t('health.envfix.reason.comma'));
  if (pattern.includes('://')) return bad(t('health.envfix.reason.url'));
  if (pathMatch(pattern, pattern).bad) return bad(t('health.envfix.reason.syntax'));
  return undefined;
}

function valueProblem(name: string, value: string): string | undefined {
  if (name === 'GOSUMDB') {
    if (value === '') return t('health.envfix.empty');
    const cfg = parseGosumdb(value);
    return cfg.kind === 'error' ? t('health.envfix.bad-gosumdb', { value, reason: cfg.error }) : undefined;
  }
  if (name === 'GOPROXY') {
    if (value === '') return t('health.envfix.empty');
    const error = parseGoproxy(value).error;
    return error ? t('health.envfix.bad-goproxy', { value, reason: error }) : undefined;
  }
  // A pattern list: each pattern must be usable ("" clears the list; empty items are skipped, as go does).
  for (const p of value.split(',')) {
    const problem = p === '' ? undefined : patternProblem(p);
    if (problem) return problem;
  }
  return undefined;
}

/** GONOPROXY / GONOSUMDB follow GOPRIVATE only while they are not set themselves. */
function inheritsGoprivate(env: ResolvedEnv, name: 'GONOPROXY' | 'GONOSUMDB'): boolean {
  const v = env.get(name);
  return !v || v.value === '' || v.from === 'GOPRIVATE';
}

/** An env fix id for a picker's value, in the layer where it takes effect; or a localized reason it cannot be. */
export function envFixFor(params: EnvFixForParams, env: ResolvedEnv): EnvFixForResult {
  const name = String(params.name ?? '');
  const value = String(params.value ?? '').trim();
  // A fix id travels through logs and command arguments: it must never carry a credential.
  if (redactSecrets(value) !== value) return { error: t('health.envfix.credential') };
  let changes: EnvChange[];
  if (params.op === 'set') {
    if (!SETTABLE.includes(name)) return { error: t('health.envfix.unsupported', { name }) };
    const problem = valueProblem(name, value);
    if (problem) return { error: redactSecrets(problem) };
    changes = [{ name, value }];
  } else if (params.op === 'addPattern') {
    if (!(PATTERN_LISTS as readonly string[]).includes(name)) return { error: t('health.envfix.not-pattern-list', { name }) };
    const problem = patternProblem(value);
    if (problem) return { error: problem };
    changes = [{ name, value: appendPattern(env.values[name] ?? '', value) }];
    // Added to GOPRIVATE, a pattern must also reach the lists that no longer inherit from it.
    if (name === 'GOPRIVATE') {
      for (const n of ['GONOPROXY', 'GONOSUMDB'] as const) {
        if (!inheritsGoprivate(env, n)) changes.push({ name: n, value: appendPattern(env.values[n] ?? '', value) });
      }
    }
  } else {
    return { error: t('health.envfix.unsupported', { name: String(params.op) }) };
  }
  return { fixId: envFixRef(changes, env, () => '').id };
}
