// Env and cache shapes: GOPROXY/GOSUMDB settings (§7.2, §7.5, §7.6), the module and build caches (§6, §7.6), go env (§7.6).
import type { Shape } from './types';

export const ENV_SETTING_SHAPES: Shape[] = [
  // ---------- go env, GOPROXY, GOSUMDB (§7.2, §7.5, §7.6) ----------
  {
    id: 'goproxy-empty',
    re: /GOPROXY list is not the empty string, but contains no entries/,
    build: (_m, ctx) => ({ code: 'env.goproxy-empty', message: 'x.env.goproxy-empty', fix: 'x.fix.env.goproxy-empty', variable: 'GOPROXY', module: ctx.module, version: ctx.version, fixId: 'env:set:GOPROXY=https://proxy.golang.org,direct' }),
  },
  {
    id: 'goproxy-invalid',
    re: /invalid (?:file:\/\/ )?proxy URL[^:\n]*: (\S+)/,
    build: (m) => ({ code: 'env.goproxy-invalid', message: 'x.env.goproxy-invalid', fix: 'x.fix.env.goproxy-invalid', variable: 'GOPROXY', args: { entry: m[1] } }),
  },
  {
    id: 'goproxy-off',
    re: /(?:module|import) lookup disabled by GOPROXY=off/,
    build: (_m, ctx) => ({ code: 'env.goproxy-off', message: 'x.env.goproxy-off', fix: 'x.fix.env.goproxy-off', variable: 'GOPROXY', module: ctx.module, version: ctx.version }),
  },
  {
    id: 'vendor',
    re: /inconsistent vendoring|(?:module|import) lookup disabled by -mod=vendor/,
    build: () => ({ code: 'module.vendor-inconsistent', message: 'x.module.vendor-inconsistent', fix: 'x.fix.module.vendor-inconsistent', fixId: 'go:mod vendor' }),
  },
  {
    id: 'gosumdb-off',
    re: /checksum database disabled by GOSUMDB=off/,
    build: (_m, ctx) => ({ code: 'env.gosumdb-off', message: 'x.env.gosumdb-off', fix: 'x.fix.env.gosumdb-off', variable: 'GOSUMDB', module: ctx.module, version: ctx.version, args: { toolchain: ctx.toolchain ?? '' } }),
  },
  {
    id: 'gosumdb-missing',
    re: /verifying (?:module|go\.mod): missing GOSUMDB|^go: missing GOSUMDB/m,
    build: (_m, ctx) => ({ code: 'env.gosumdb-invalid', message: 'x.env.gosumdb-missing', fix: 'x.fix.env.gosumdb-missing', variable: 'GOSUMDB', module: ctx.module, version: ctx.version, fixId: 'env:set:GOSUMDB=sum.golang.org' }),
  },
  {
    id: 'gosumdb-invalid',
    re: /invalid GOSUMDB(?: URL)?: ([^\n]+)|invalid sumdb name \(must be host\[\/path\]\): (\S+)/,
    build: (m, ctx) => ({ code: 'env.gosumdb-invalid', message: 'x.env.gosumdb-invalid', fix: 'x.fix.env.gosumdb-invalid', variable: 'GOSUMDB', module: ctx.module, version: ctx.version, args: { detail: m[1] ?? m[2] } }),
  },
];

export const CACHE_SHAPES: Shape[] = [
  // ---------- module cache and build cache (§6, §7.6) ----------
  {
    id: 'disk-full',
    re: /no space left on device|There is not enough space on the disk|disk quota exceeded/,
    build: (_m, ctx) => ({ code: 'cache.disk-full', message: 'x.cache.disk-full', fix: 'x.fix.cache.disk-full', args: { path: pathIn(ctx.text) ?? '' }, fixId: 'cache:plan' }),
  },
  {
    id: 'modcache-not-configured',
    re: /cannot clean -modcache without a module cache|module cache not found: neither GOMODCACHE nor GOPATH is set|build cache is required, but could not be located: (?!GOCACHE is not an absolute path)/,
    build: () => ({ code: 'cache.not-configured', message: 'x.cache.not-configured', fix: 'x.fix.cache.not-configured', variable: 'GOMODCACHE' }),
  },
  {
    id: 'path-relative',
    re: /(GOMODCACHE|GOPATH) entry is relative; must be absolute path: "([^"]*)"|(GOCACHE) is not an absolute path|(GOPATH) entry cannot start with shell metacharacter/,
    build: (m) => {
      const variable = m[1] ?? m[3] ?? m[4];
      return { code: 'env.path-relative', message: 'x.env.path-relative', fix: 'x.fix.env.path-relative', variable, args: { name: variable } };
    },
  },
  {
    id: 'gocache-off',
    re: /build cache is disabled by GOCACHE=off/,
    build: () => ({ code: 'cache.gocache-off', message: 'x.cache.gocache-off', fix: 'x.fix.cache.gocache-off', variable: 'GOCACHE', fixId: 'env:unset:GOCACHE' }),
  },
  {
    id: 'cache-not-directory',
    re: /(?:could not create module cache|failed to initialize build cache at \S+): (?:stat|mkdir) (\S+): not a directory/,
    build: (m) => ({ code: 'cache.not-directory', message: 'x.cache.not-directory', fix: 'x.fix.cache.not-directory', args: { path: m[1] } }),
  },
  {
    id: 'cache-not-writable',
    re: /(?:(?:mkdir|open|write|remove|unlinkat|chmod|creat) (\S+?)|(?:rename|link) \S+ (\S+?)): (permission denied|read-only file system|operation not permitted|Access is denied\.?)/,
    build: (m, ctx) => {
      const p = m[1] ?? m[2];
      // Only the caches: a permission error on go.mod or a source file is not a cache problem.
      if (!/\/pkg\/mod\b|go-build|\/cache\b|\\cache\\/.test(p) && !/module cache|build cache|stat cache|go\.mod cache/.test(ctx.text)) return undefined;
      return { code: 'cache.not-writable', message: 'x.cache.not-writable', fix: /read-only/.test(m[3]) ? 'x.fix.cache.read-only-fs' : 'x.fix.cache.not-writable', args: { path: p, detail: m[3] } };
    },
  },
];

export const GO_ENV_SHAPES: Shape[] = [
  // ---------- go env (§7.6) ----------
  {
    id: 'env-unknown-variable',
    re: /unknown go command variable (\S+)/,
    build: (m) => ({ code: 'env.unknown-variable', message: 'x.env.unknown-variable', fix: 'x.fix.env.unknown-variable', variable: m[1], args: { name: m[1] } }),
  },
  {
    id: 'env-shadowed',
    re: /go env -w (\w+)=\.\.\. does not override conflicting OS environment variable/,
    build: (m) => ({ code: 'env.shadowed-envfile', severity: 'warning', message: 'x.env.shadowed', fix: 'x.fix.env.shadowed', variable: m[1], args: { name: m[1] } }),
  },
  {
    id: 'env-file',
    re: /(?:reading|writing) go env config: ([^\n]+)|cannot find go env config: ([^\n]+)|GOENV=off/,
    build: (m) => ({ code: 'env.envfile-error', message: 'x.env.envfile-error', fix: 'x.fix.env.envfile-error', variable: 'GOENV', args: { detail: m[1] ?? m[2] ?? m[0] } }),
  },
];

/** The first absolute file path in a text (for disk-full errors). */
function pathIn(text: string): string | undefined {
  return /(?:write|open|mkdir|rename) ((?:\/|[A-Za-z]:\\)\S+?):/.exec(text)?.[1];
}
