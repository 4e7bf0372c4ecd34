#!/usr/bin/env node
// Builds the production bundles and packs them into dist/gomod-doctor.vsix; prints the path and size.
// What goes in is decided by .vscodeignore (an allowlist). Relative links in README.md are kept as they are, so the
// screenshot (docs/images/diagnostics.png, shipped in the .vsix) shows in VS Code's extension page without a
// repository URL to rewrite them against.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join('dist', 'gomod-doctor.vsix');

function step(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 5 * 60_000 });
  if (r.status !== 0) {
    console.error(`package: ${[cmd, ...args].join(' ')} failed (${r.error?.message ?? r.status ?? r.signal})`);
    process.exit(1);
  }
}

step(process.execPath, ['scripts/build.mjs', '--production']);
step(process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out',
  out,
]);
const size = statSync(join(root, out)).size;
console.log(`package: ${out} ${(size / 1024).toFixed(1)} KB (${size} bytes)`);
