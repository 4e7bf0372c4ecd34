// Runs one tier's compiled mocha tests (out/test/<tier>/**/*.test.js) and writes pass/fail counts for scripts/test-all.mjs.
import Mocha from 'mocha';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const tier = process.argv[2] ?? 'unit';
const mocha = new Mocha({ timeout: tier === 'unit' ? 10_000 : 120_000, reporter: 'spec' });
for (const f of findTests(join(__dirname, tier))) mocha.addFile(f);
const runner = mocha.run((failures) => {
  const stats = runner.stats ?? { passes: 0, failures };
  if (process.env.GOMOD_DOCTOR_STATS) {
    writeFileSync(process.env.GOMOD_DOCTOR_STATS, JSON.stringify({ passed: stats.passes, failed: stats.failures }));
  }
  process.exitCode = failures ? 1 : 0;
});
