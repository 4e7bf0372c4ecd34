// The extension-host test runner: VS Code loads this module (extensionTestsPath) inside the real extension host and
// awaits run(). It works under code-server (test/e2e/run.ts) and under @vscode/test-electron alike.
// Results go to the file named by GOMOD_DOCTOR_E2E_RESULTS when that is set, so the driver can count them.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { facts } from './facts';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(join(__dirname, name));
  }
  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.GOMOD_DOCTOR_E2E_RESULTS;
      if (file) writeFileSync(file, JSON.stringify({ results, facts }, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => {
      results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => {
      results.push({ title: test.fullTitle(), state: 'pending' });
    });
    // Also fires for failing hooks, which then count as failures (mocha skips the tests they guard).
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, err: Error) => {
      results.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: err.stack ?? String(err) });
    });
  });
}
