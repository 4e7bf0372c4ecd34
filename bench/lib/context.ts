// What every scenario gets from the runner: progress logging (stderr, so --json stays clean) and the paths.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus';

export interface BenchContext {
  log(message: string): void;
  /** dist/cli.js: the bundle users run. */
  cli: string;
  /** Scale repeat counts (1 = the documented defaults; the smoke test uses less). */
  quick: boolean;
}

export function defaultContext(quick = false): BenchContext {
  const started = performance.now();
  return {
    log: (m) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${m}\n`),
    cli: join(repoRoot, 'dist', 'cli.js'),
    quick,
  };
}

export function cliBuilt(ctx: BenchContext): boolean {
  return existsSync(ctx.cli);
}
