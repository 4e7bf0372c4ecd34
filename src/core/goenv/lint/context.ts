// What every env rule shares: the lint context (Ctx), add(), evidenceOf(), show(), and fixes (makeFix, restoreFix).
import type { Finding, FixRef, Severity } from '../../finding';
import { t, type MessageKey } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import { formatFixId, type EnvChange, type WriteLayer } from '../fixid';
import type { ResolvedEnv, ResolvedVar } from '../resolve';

export const show = (v: string) => (v === '' ? '""' : redactSecrets(v));

/** The layer where a fix must be written for it to take effect, given where the current value comes from. */
export function fixLayerFor(v: ResolvedVar | undefined): WriteLayer {
  return v && (v.layer === 'process' || v.layer === 'editor') ? 'editor' : 'envfile';
}

function fixTitle(changes: EnvChange[], layer: WriteLayer): string {
  const layerName = t(layer === 'editor' ? 'env.fix.layer.editor' : 'env.fix.layer.envfile');
  return changes
    .map((c) => (c.value === undefined ? t('env.fix.unset', { name: c.name, layer: layerName }) : t('env.fix.set', { name: c.name, value: show(c.value), layer: layerName })))
    .join('; ');
}

export function makeFix(changes: EnvChange[], layer: WriteLayer = 'envfile'): FixRef {
  return { id: formatFixId({ layer, changes }), title: fixTitle(changes, layer) };
}

/** Fix that puts `value` back: removing an env-file entry when go.env already gives that value, else setting it. */
export function restoreFix(env: ResolvedEnv, name: string, value: string): FixRef {
  const v = env.get(name);
  const rootValue = env.goroot.values.get(name);
  if (v?.layer === 'envfile' && rootValue === value) return makeFix([{ name, value: undefined }], 'envfile');
  if (v?.layer === 'default' && env.envFile.values.has(name) && rootValue === value) return makeFix([{ name, value: undefined }], 'envfile');
  return makeFix([{ name, value }], fixLayerFor(v));
}

export interface Ctx {
  env: ResolvedEnv;
  platform: NodeJS.Platform;
  /** Proxy URLs a probe found unreachable at the network level (DNS, TCP, TLS); from the net layer. */
  unreachable: readonly string[];
  out: Finding[];
}

export function add(ctx: Ctx, code: string, severity: Severity, key: MessageKey, args: Record<string, string>, extra: Partial<Finding> = {}): void {
  const f: Finding = { code, severity, message: t(key, args), ...extra };
  // A fix id carries the literal value; never offer one that would print a credential.
  if (f.fixes) f.fixes = f.fixes.filter((x) => redactSecrets(x.id) === x.id);
  if (f.fixes && f.fixes.length === 0) delete f.fixes;
  ctx.out.push(f);
}

export function evidenceOf(v: ResolvedVar | undefined): Record<string, unknown> {
  if (!v) return {};
  return {
    layer: v.layer,
    value: redactSecrets(v.value),
    ...(v.shadowed.length ? { shadowed: v.shadowed.map((s) => ({ ...s, value: redactSecrets(s.value) })) } : {}),
  };
}
