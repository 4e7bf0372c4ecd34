// Finds the go.mod, go.work and go.sum files below a directory, as a person would expect `check` to see them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { moduleFileKind } from './local';

// Not module sources: VCS metadata, other package managers' trees, and vendored copies (checked by go itself).
const skipped = new Set(['.git', '.hg', '.svn', 'node_modules', 'vendor']);

export function findModuleFiles(dir: string, limit = 10_000): string[] {
  const found: string[] = [];
  const stack = [dir];
  while (stack.length > 0 && found.length < limit) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // unreadable directories are skipped, like the go command skips them when walking
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? 1 : -1))) {
      const path = join(current, e.name);
      if (e.isDirectory() && !skipped.has(e.name)) stack.push(path);
      else if (e.isFile() && moduleFileKind(path)) found.push(path);
    }
  }
  return found.sort();
}
