// Lint of the effective Go environment: Finding codes env.* (documented in docs/env.md, "Findings").
// The rules live in lint/, one file a family; this file runs them in order.
import type { Finding } from '../finding';
import type { ResolvedEnv } from './resolve';
import type { Ctx } from './lint/context';
import { envFileRules, goflagsRules, miscRules } from './lint/misc';
import { patternRules, unknownNameRules } from './lint/names';
import { goproxyRules, gosumdbRules, httpProxyRules } from './lint/proxy';
import { shadowRules } from './lint/shadowing';

export { PUBLIC_PROXY_HOSTS, PUBLIC_MODULE_SAMPLES, DEFAULT_GOPROXY, CN_GOPROXY, DEFAULT_GOSUMDB } from './lint/constants';
export { makeFix } from './lint/context';

/**
 * Runs every env rule. Findings carry `variable`, `evidence` (layer, redacted values) and fixes where one exists.
 * `unreachableProxies` (GOPROXY entry URLs that failed at the network level in a probe) sharpens the comma rule.
 */
export function lintEnv(env: ResolvedEnv, opts: { platform?: NodeJS.Platform; unreachableProxies?: readonly string[] } = {}): Finding[] {
  const ctx: Ctx = { env, platform: opts.platform ?? process.platform, unreachable: opts.unreachableProxies ?? [], out: [] };
  shadowRules(ctx);
  goproxyRules(ctx);
  gosumdbRules(ctx);
  patternRules(ctx);
  unknownNameRules(ctx);
  envFileRules(ctx);
  goflagsRules(ctx);
  httpProxyRules(ctx);
  miscRules(ctx);
  return ctx.out;
}

/** Every env finding code with its severity ("warning|error": depends on the variable), for docs and tests. */
export const ENV_FINDING_CODES: Readonly<Record<string, string>> = {
  'env.shadowed-envfile': 'warning',
  'env.shadowed-by-editor': 'info',
  'env.goproxy-off': 'warning',
  'env.goproxy-empty': 'error',
  'env.goproxy-direct-only': 'info',
  'env.goproxy-invalid': 'error',
  'env.goproxy-ignored': 'warning',
  'env.proxy-pipe-leak': 'warning',
  'env.proxy-comma-stop': 'info (warning when the first proxy is known to be unreachable)',
  'env.goprivate-via-public-proxy': 'warning',
  'env.gosumdb-off': 'warning',
  'env.gosumdb-invalid': 'error',
  'env.sumdb-needs-network': 'warning',
  'env.pattern-too-broad': 'warning',
  'env.pattern-space': 'warning',
  'env.unknown-variable': 'warning',
  'env.file-unreadable': 'warning|error',
  'env.envfile-ignored-lines': 'warning|info',
  'env.envfile-crlf': 'warning',
  'env.envfile-os-only': 'warning',
  'env.envfile-empty-masks': 'warning',
  'env.goflags-invalid': 'error',
  'env.goflags-insecure': 'error',
  'env.goflags-mod-vendor': 'warning',
  'env.http-proxy-without-https': 'warning',
  'env.proxy-case-conflict': 'info',
  'env.go111module-off': 'warning',
  'env.go111module-invalid': 'error',
  'env.git-terminal-prompt': 'info',
  'env.path-relative': 'warning|error',
};
