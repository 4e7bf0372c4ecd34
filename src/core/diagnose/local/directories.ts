// Local directories named by replace (go.mod, go.work) and use (go.work): they must exist and hold a go.mod,
// and a replacement's go.mod must declare the module it replaces.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Finding } from '../../finding';
import { t } from '../../i18n';
import { parseGoMod } from '../../modfile';
import type { ReplaceStmt, UseStmt } from '../../modfile/types';
import { finding, type Family, type LocalContext } from './context';
import { SIZE_LIMITS } from './limits';

type DirState = { kind: 'missing' } | { kind: 'no-gomod' } | { kind: 'module'; path?: string };

/** What is on disk at base/dir; `seen` holds the answers of this check, since a file may name one directory many times. */
function inspectDir(base: string, dir: string, seen: Map<string, DirState>): DirState {
  const abs = isAbsolute(dir) ? dir : resolve(base, dir);
  let state = seen.get(abs);
  if (!state) {
    state = inspectAbsDir(abs);
    seen.set(abs, state);
  }
  return state;
}

function inspectAbsDir(abs: string): DirState {
  try {
    if (!statSync(abs).isDirectory()) return { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
  const gomod = join(abs, 'go.mod');
  let text: string;
  try {
    // Only a regular file is read (a FIFO named go.mod would block forever), and only when small enough to parse.
    const st = statSync(gomod);
    if (!st.isFile()) return { kind: 'no-gomod' };
    if (st.size > SIZE_LIMITS['go.mod']) return { kind: 'module' };
    text = readFileSync(gomod, 'utf8');
  } catch {
    return { kind: 'no-gomod' };
  }
  return { kind: 'module', path: parseGoMod(text).module?.path.value };
}

export function replaceDirFindings(family: Family, replaces: ReplaceStmt[], ctx: LocalContext): Finding[] {
  const base = dirname(ctx.file);
  const out: Finding[] = [];
  const seen = new Map<string, DirState>();
  for (const r of replaces) {
    if (!r.isDirectory) continue;
    const dir = r.new.path.value;
    const state = inspectDir(base, dir, seen);
    const extra = { module: r.old.path.value, evidence: { directory: resolve(base, dir) } };
    if (state.kind === 'missing') {
      out.push(finding(`${family}.replace-dir-missing`, 'error', t('gomod.replace-dir-missing', { dir }), ctx.file, r.new.path.range, extra));
    } else if (state.kind === 'no-gomod') {
      out.push(finding(`${family}.replace-dir-no-gomod`, 'error', t('gomod.replace-dir-no-gomod', { dir }), ctx.file, r.new.path.range, extra));
    } else if (state.path !== undefined && state.path !== r.old.path.value) {
      out.push(
        finding(
          `${family}.replace-dir-module-mismatch`,
          'error',
          t('gomod.replace-dir-module-mismatch', { dir, declared: state.path, module: r.old.path.value }),
          ctx.file,
          r.new.path.range,
          { ...extra, evidence: { ...extra.evidence, declared: state.path } },
        ),
      );
    }
  }
  return out;
}

export function useDirFindings(uses: UseStmt[], ctx: LocalContext): Finding[] {
  const base = dirname(ctx.file);
  const out: Finding[] = [];
  const seen = new Map<string, DirState>();
  for (const u of uses) {
    const dir = u.path.value;
    const state = inspectDir(base, dir, seen);
    const evidence = { directory: resolve(base, dir) };
    if (state.kind === 'missing') {
      out.push(finding('gowork.use-missing', 'error', t('gowork.use-missing', { dir }), ctx.file, u.path.range, { evidence }));
    } else if (state.kind === 'no-gomod') {
      out.push(finding('gowork.use-no-gomod', 'error', t('gowork.use-no-gomod', { dir }), ctx.file, u.path.range, { evidence }));
    }
  }
  return out;
}
