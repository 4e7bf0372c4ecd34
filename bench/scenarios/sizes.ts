// Scenario 6: the .vsix and the three bundles, built the way `npm run package` builds them (scripts/build.mjs
// --production, then vsce with the same options as scripts/package.mjs) — but in a staging folder, so the
// working tree's dist/ (used by everyone's tests) is never rewritten. The staging .vsix is reused by scenario 5.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { VSIX_LIMIT_BYTES } from '../../test/e2e/driver/vsix';
import type { BenchContext } from '../lib/context';
import { repoRoot } from '../lib/corpus';
import { runTimed } from '../lib/proc';
import { tempDir } from '../lib/sandbox';
import type { Row } from '../lib/table';

export interface Packaged {
  staging: string;
  vsix: string;
}

const BUNDLES = ['extension.js', 'server.js', 'cli.js'];

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
}

/** Copies what .vscodeignore lets into the package (except dist/, built afresh) into staging. */
function copyAllowlisted(staging: string): void {
  const ignore = readFileSync(join(repoRoot, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  cpSync(join(repoRoot, '.vscodeignore'), join(staging, '.vscodeignore'));
  for (const line of ignore) {
    if (!line.startsWith('!')) continue;
    const pattern = line.slice(1).replace(/\/\*\*$/, '');
    if (pattern.startsWith('dist/')) continue;
    const slash = pattern.lastIndexOf('/');
    const dir = slash >= 0 ? pattern.slice(0, slash) : '';
    const name = pattern.slice(slash + 1);
    const from = join(repoRoot, dir);
    if (!existsSync(from)) continue;
    const re = globToRegExp(name);
    for (const entry of readdirSync(from)) {
      if (re.test(entry)) cpSync(join(from, entry), join(staging, dir, entry), { recursive: true });
    }
  }
}

/** Production bundles and the .vsix in a new staging folder (the caller removes it). */
export async function packageInStaging(ctx: BenchContext): Promise<Packaged> {
  const staging = tempDir('package');
  copyAllowlisted(staging);
  // build.mjs works on relative paths (src/… → dist/…): run it with the staging folder as cwd.
  symlinkSync(join(repoRoot, 'src'), join(staging, 'src'), 'dir');
  const build = await runTimed(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production'], { cwd: staging, env: process.env, capMs: 180_000 });
  unlinkSync(join(staging, 'src'));
  if (build.code !== 0) throw new Error(`scripts/build.mjs --production failed: ${build.stderr.slice(-2000)}`);
  const vsix = join(staging, 'gomod-doctor.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const pack = await runTimed(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], {
    cwd: staging,
    env: process.env,
    capMs: 180_000,
  });
  if (pack.code !== 0 || !existsSync(vsix)) throw new Error(`vsce package failed: ${(pack.stderr + pack.stdout).slice(-2000)}`);
  ctx.log(`  packaged ${vsix} (${statSync(vsix).size} bytes)`);
  return { staging, vsix };
}

export function sizeRows(p: Packaged): Row[] {
  const rows: Row[] = [
    { scenario: 6, metric: '.vsix size', ours: { value: statSync(p.vsix).size, unit: 'bytes' }, goal: { kind: 'max', value: VSIX_LIMIT_BYTES }, ownGoal: true, note: 'goal: the e2e tier\'s limit (test/e2e/driver/vsix.ts VSIX_LIMIT_BYTES); built like npm run package, in a staging folder' },
  ];
  for (const b of BUNDLES) {
    rows.push({ scenario: 6, metric: `dist/${b} (production, minified)`, ours: { value: statSync(join(p.staging, 'dist', b)).size, unit: 'bytes' } });
  }
  return rows;
}
