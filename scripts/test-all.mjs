// Runs the test tiers in order (unit, integration, e2e), each in its own process, and ends with one
// closing line "tests: N passed, N failed". Pass tier names to run only those.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const all = ['unit', 'integration', 'e2e'];
const tiers = process.argv.slice(2).filter((a) => all.includes(a));
const run = tiers.length ? tiers : all;

function step(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

// A fresh clone has no node_modules: install exactly what package-lock.json pins.
if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) step('npm', ['ci', '--no-audit', '--no-fund']);
step('npm', ['run', '--silent', 'build']);

// Tests must never write to the developer's own go env file; compare it before and after, and put it back.
function userGoEnvFile() {
  const r = spawnSync('go', ['env', 'GOENV'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  const path = r.status === 0 ? r.stdout.trim() : '';
  return path && path !== 'off' ? path : undefined;
}
const goEnvFile = userGoEnvFile();
const readOrNull = (p) => (p && existsSync(p) ? readFileSync(p, 'utf8') : null);
const goEnvBefore = readOrNull(goEnvFile);

const statsDir = join(root, 'test-output', 'stats');
rmSync(statsDir, { recursive: true, force: true });
mkdirSync(statsDir, { recursive: true });

let passed = 0;
let failed = 0;
let broken = false;
for (const tier of run) {
  console.log(`\n=== ${tier} tests ===`);
  const statsFile = join(statsDir, `${tier}.json`);
  const entry = tier === 'e2e' ? 'out/test/e2e/run.js' : 'out/test/mocha-run.js';
  const r = spawnSync(process.execPath, [entry, tier], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GOMOD_DOCTOR_STATS: statsFile },
  });
  try {
    const s = JSON.parse(readFileSync(statsFile, 'utf8'));
    passed += s.passed;
    failed += s.failed;
  } catch {
    console.error(`${tier}: the runner wrote no results (exit ${r.status ?? r.signal})`);
    broken = true;
  }
  if (r.status !== 0) broken = true;
}
if (goEnvFile && readOrNull(goEnvFile) !== goEnvBefore) {
  console.error(`a test changed the user's go env file ${goEnvFile}; restoring it`);
  if (goEnvBefore === null) rmSync(goEnvFile, { force: true });
  else writeFileSync(goEnvFile, goEnvBefore);
  failed += 1;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
