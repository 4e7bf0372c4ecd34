// Toolchain shapes (§7.7): toolchain not available or too old, GOTOOLCHAIN problems, failed toolchain downloads.
import type { Shape } from './types';

export const TOOLCHAIN_SHAPES: Shape[] = [
  // ---------- toolchain (§7.7) ----------
  {
    id: 'toolchain-not-available',
    re: /download (go1[^\s:]*) for (\S+): toolchain not available/,
    build: (m) => ({ code: 'toolchain.not-available', message: 'x.toolchain.not-available', fix: 'x.fix.toolchain.not-available', args: { toolchain: m[1], platform: m[2] } }),
  },
  {
    id: 'toolchain-too-old',
    re: /(\S+) requires go >= (\S+) \(running go (\S+?); GOTOOLCHAIN=([^;)]+)(?:; ([^)]*))?\)/,
    build: (m) => {
      const at = /^(.+?)@(v\S+)$/.exec(m[1]);
      return {
        code: 'toolchain.too-old',
        message: at ? 'x.toolchain.too-old.dependency' : 'x.toolchain.too-old',
        fix: m[4] === 'local' ? 'x.fix.toolchain.too-old.local' : 'x.fix.toolchain.too-old',
        module: at?.[1],
        version: at?.[2],
        file: at ? undefined : m[1].replace(/^go: /, ''),
        variable: 'GOTOOLCHAIN',
        args: { what: m[1].replace(/^go: /, ''), need: m[2], have: m[3], gotoolchain: m[4] },
      };
    },
  },
  {
    id: 'toolchain-not-in-path',
    re: /cannot find "(go1[^"]*)" in PATH/,
    build: (m) => ({ code: 'toolchain.not-in-path', message: 'x.toolchain.not-in-path', fix: 'x.fix.toolchain.not-in-path', variable: 'GOTOOLCHAIN', args: { toolchain: m[1] } }),
  },
  {
    id: 'gotoolchain-invalid',
    re: /invalid GOTOOLCHAIN "([^"]*)"/,
    build: (m) => ({ code: 'env.gotoolchain-invalid', message: 'x.env.gotoolchain-invalid', fix: 'x.fix.env.gotoolchain-invalid', variable: 'GOTOOLCHAIN', args: { value: m[1] } }),
  },
  {
    id: 'toolchain-loop',
    re: /too many toolchain switches/,
    build: () => ({ code: 'toolchain.switch-loop', message: 'x.toolchain.switch-loop', fix: 'x.fix.toolchain.switch-loop', variable: 'GOTOOLCHAIN' }),
  },
];

/** Any other failed toolchain download: tried late, after the shapes that name the cause. */
export const TOOLCHAIN_DOWNLOAD_SHAPES: Shape[] = [
  {
    id: 'toolchain-download-failed',
    re: /download (go1[^\s:]*)(?: for \S+)?: ([^\n]+)/,
    build: (m) => ({ code: 'toolchain.download-failed', message: 'x.toolchain.download-failed', fix: 'x.fix.toolchain.download-failed', variable: 'GOTOOLCHAIN', args: { toolchain: m[1], reason: m[2] } }),
  },
];
