// The real go.mod files of ../shared/corpus and the kubernetes workspace built from one of them.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGoMod } from '../../src/core/modfile';
import { goSumOf, type StandIn } from './standIns';

export const repoRoot = join(__dirname, '..', '..', '..');

export function corpusDir(): string {
  return process.env.GOMOD_DOCTOR_CORPUS || join(repoRoot, '..', 'shared', 'corpus');
}

/** Every go.mod of the corpus (INDEX.tsv's `file` column), absolute paths, sorted. */
export function corpusGoMods(): string[] {
  const dir = corpusDir();
  const index = join(dir, 'INDEX.tsv');
  if (!existsSync(index)) {
    return readdirSync(dir)
      .map((d) => join(dir, d, 'go.mod'))
      .filter((p) => existsSync(p))
      .sort();
  }
  const rows = readFileSync(index, 'utf8').trim().split('\n').slice(1);
  return rows
    .map((r) => r.split('\t').pop()!)
    .filter((f) => /(^|\/|__)go\.mod(@[0-9a-f]+)?$/.test(f))
    .map((f) => join(dir, f))
    .filter((p) => existsSync(p))
    .sort();
}

export interface KubernetesGoMod {
  file: string;
  text: string;
  /** Requires fetched over the network (not replaced by a directory): the module versions the proxy serves. */
  network: StandIn[];
  /** Directories of the directory replaces (relative, as written) and the module each stands for. */
  directories: Array<{ dir: string; module: string }>;
  requires: number;
}

export function kubernetesGoMod(): KubernetesGoMod {
  const file = join(corpusDir(), 'kubernetes__kubernetes', 'go.mod');
  const text = readFileSync(file, 'utf8');
  const mod = parseGoMod(text);
  if (mod.errors.length) throw new Error(`${file}: ${mod.errors[0].message}`);
  const dirReplaced = new Set(mod.replace.filter((r) => r.isDirectory).map((r) => r.old.path.value));
  const network = mod.require.filter((r) => !dirReplaced.has(r.path.value)).map((r) => ({ path: r.path.value, version: r.version.value }));
  const directories = mod.replace.filter((r) => r.isDirectory).map((r) => ({ dir: r.new.path.value, module: r.old.path.value }));
  return { file, text, network, directories, requires: mod.require.length };
}

/** Writes the workspace go runs in: the go.mod byte for byte, a go.sum for the stand-ins, and a stub module
 *  (just a go.mod) in every ./staging directory the replaces point at, which do not exist outside kubernetes. */
export function writeKubernetesWorkspace(dir: string, k: KubernetesGoMod): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), k.text);
  writeFileSync(join(dir, 'go.sum'), goSumOf(k.network));
  for (const d of k.directories) {
    const stub = join(dir, d.dir);
    mkdirSync(stub, { recursive: true });
    writeFileSync(join(stub, 'go.mod'), `module ${d.module}\n\ngo 1.20\n`);
  }
  return join(dir, 'go.mod');
}
