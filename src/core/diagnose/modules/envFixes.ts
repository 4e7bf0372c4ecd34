// Env fixes offered by the module rules: GOPRIVATE/GONOSUMDB for private modules, a healthy mirror, "|" instead of ",".
import type { Finding } from '../../finding';
import { formatGoproxy, parseGoproxy } from '../../goenv/goproxy';
import { t } from '../../i18n';
import { KNOWN_PUBLIC_MIRRORS, sameProxy } from '../../net/mirrors';
import { redactSecrets } from '../../report/redact';
import { cancelled, hostOf, type Ctx, type Target } from './context';
import { envFixRef } from './fixes';
import { appendPattern, privatePattern } from './privacy';
import { checkInfo } from './source';

export function privateFixes(module: string, ctx: Ctx, sumdbOnly: boolean): Finding['fixes'] {
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
export async function mirrorFixes(tg: Target, ctx: Ctx, failed: string): Promise<NonNullable<Finding['fixes']>> {
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
export function pipeFixes(ctx: Ctx, failed: string): NonNullable<Finding['fixes']> {
  const parsed = parseGoproxy(ctx.opts.env.GOPROXY ?? '', ctx.opts.platform);
  const i = parsed.entries.findIndex((e) => e.kind === 'url' && e.url === failed);
  if (i < 0 || i >= parsed.entries.length - 1 || parsed.entries[i].fallbackOnError) return [];
  const value = formatGoproxy(parsed.entries.map((e, j) => ({ ...e, fallbackOnError: j === i ? true : e.fallbackOnError })));
  // A fix id never carries a credential: it is masked here and taken back from GOPROXY by the writer.
  return [envFixRef([{ name: 'GOPROXY', value: redactSecrets(value) }], ctx.opts.resolved, (layer) => t('module.fix.pipe', { host: hostOf(failed), layer }))];
}
