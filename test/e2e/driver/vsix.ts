// The packaged extension: build it with the project's own `npm run package`, then look inside the .vsix (a zip)
// to check what would ship. Reading the zip's central directory needs no extra tool.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runProgram } from './processes';

export const VSIX_LIMIT_BYTES = 1.5 * 1024 * 1024;

/** Runs scripts/package.mjs (what `npm run package` runs): production bundles, then vsce. */
export async function packageVsix(root: string): Promise<string> {
  await runProgram(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, timeoutMs: 6 * 60_000, env: process.env });
  const vsix = join(root, 'dist', 'gomod-doctor.vsix');
  statSync(vsix); // throws with the path when npm run package produced nothing
  return vsix;
}

/** Names of the entries in a zip file, from its central directory. */
export function zipEntries(file: string): string[] {
  const buf = readFileSync(file);
  // End of central directory record: signature 0x06054b50, at least 22 bytes from the end (plus a comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Problems with the set of files in the vsix: required bundles missing, or anything outside the allowlist. */
export function vsixContentProblems(entries: string[]): string[] {
  const problems: string[] = [];
  const files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  for (const need of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/cli.js', 'docs/findings.md']) {
    if (!files.includes(need)) problems.push(`missing ${need}`);
  }
  const allowed = [
    /^dist\/(extension|server|cli)\.js$/,
    /^package\.json$/,
    /^package\.nls(\.[a-z-]+)?\.json$/,
    /^(l10n|syntaxes|languages|media)\//,
    /^(readme|changelog|license)(\.md|\.txt)?$/i,
    /^docs\/findings\.md$/, // the diagnostics' docs links point here, offline
    /^docs\/images\/[\w-]+\.png$/,
  ];
  for (const f of files) {
    if (f.endsWith('/')) continue;
    if (!allowed.some((re) => re.test(f))) problems.push(`unexpected ${f}`);
  }
  for (const e of entries) {
    if (e.endsWith('.map')) problems.push(`source map ${e}`);
  }
  return problems;
}
