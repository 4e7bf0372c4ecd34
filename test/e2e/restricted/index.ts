// The extension-host runner of the restricted-mode phase (test/e2e/driver/restricted.ts): VS Code loads this module
// (extensionTestsPath) in an untrusted window and awaits run(). Results go to GOMOD_DOCTOR_E2E_RESULTS, like the
// main suite's runner (test/e2e/suite/index.ts), so the driver can count them.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const name of readdirSync(__dirname).sort()) if (name.endsWith('.test.js')) mocha.addFile(join(__dirname, name));
  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.GOMOD_DOCTOR_E2E_RESULTS;
      if (file) writeFileSync(file, JSON.stringify({ results, facts: {} }, null, 2));
      if (failures > 0) reject(new Error(`${failures} restricted-mode test(s) failed`));
      else resolve();
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (t, err: Error) =>
      results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err.stack ?? String(err) }),
    );
  });
}
