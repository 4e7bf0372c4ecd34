// Direct VCS fetch shapes (§7.3): git credentials, ssh, missing repositories, GOVCS, go-import discovery.
import { privatePattern } from './common';
import type { Shape } from './types';

export const VCS_SHAPES: Shape[] = [
  // ---------- direct VCS fetches (§7.3) ----------
  {
    id: 'git-credentials',
    re: /terminal prompts disabled|could not read (?:Username|Password) for '([^']+)'|Cannot prompt because user interactivity has been disabled/,
    build: (m, ctx) => {
      const host = m[1] ? safeHost(m[1]) : undefined;
      return { code: 'module.private-public', message: 'x.private-public.direct', fix: 'x.fix.private-public.direct', module: ctx.module, version: ctx.version, host, args: { pattern: privatePattern(ctx.module) } };
    },
  },
  {
    id: 'ssh-auth',
    re: /Permission denied \(publickey[^)]*\)|Host key verification failed|ssh: Could not resolve hostname ([^\s:]+)/,
    build: (m, ctx) => ({ code: 'module.vcs-auth', message: 'x.module.vcs-auth', fix: 'x.fix.module.vcs-auth', module: ctx.module, version: ctx.version, host: m[1], args: { detail: m[0] } }),
  },
  {
    id: 'repo-not-found',
    re: /fatal: repository '[^']+' not found|remote: Repository not found|remote: The project you were looking for could not be found/,
    build: (_m, ctx) => {
      const repo = /repository '([^']+)'/.exec(ctx.text)?.[1];
      return { code: 'module.not-found', message: 'x.module.not-found.repo', fix: 'x.fix.module.not-found.repo', module: ctx.module, version: ctx.version, host: repo ? safeHost(repo) : undefined, args: { pattern: privatePattern(ctx.module) } };
    },
  },
  {
    id: 'govcs',
    re: /GOVCS disallows using (\S+) for (public|private) (\S+?);/,
    build: (m) => ({ code: 'env.govcs-refused', message: 'x.env.govcs-refused', fix: 'x.fix.env.govcs-refused', variable: 'GOVCS', module: m[3], args: { vcs: m[1], kind: m[2] } }),
  },
  {
    id: 'no-secure-protocol',
    re: /no secure protocol found for repository/,
    build: (_m, ctx) => ({ code: 'module.unreachable', message: 'x.module.no-secure-protocol', fix: 'x.fix.module.no-secure-protocol', module: ctx.module, version: ctx.version }),
  },
  {
    id: 'no-go-import',
    re: /unrecognized import path "([^"]+)"[\s\S]*?no go-import meta tags/,
    build: (m) => ({ code: 'module.no-go-import', message: 'x.module.no-go-import', fix: 'x.fix.module.no-go-import', module: m[1], host: m[1].split('/')[0], args: { pattern: privatePattern(m[1]) } }),
  },
];

/** host[:port] of a URL quoted in git output, without userinfo. */
function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
