// Local directories named by replace (go.mod, go.work) and use (go.work): they must exist and hold a go.mod,
// and a replacement's go.mod must declare the module it replaces.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Finding } from '../../finding';
import { t } from '../../i18n';
import { parseGoMod } from '../../modfile';
import type { ReplaceStmt, UseStmt } from '../../modfile/types';
import { finding, type Family, type LocalContext } from './context';

type DirState = { kind: 'missing' } | { kind: 'no-gomod' } | { kind: 'module'; path?: string };

function inspectDir(base: string, dir: string): DirState {
  const abs = isAbsolute(dir) ? dir : resolve(base, dir);
  try {
    if (!statSync(abs).isDirectory()) return { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
  let text: string;
  try {
    text = readFileSync(join(abs, 'go.mod'), 'utf8');
  } catch {
    return { kind: 'no-gomod' };
  }
  return { kind: 'module', path: parseGoMod(text).module?.path.value };
}

export function replaceDirFindings(family: Family, replaces: ReplaceStmt[], ctx: LocalContext): Finding[] {
  const base = dirname(ctx.file);
  const out: Finding[] = [];
  for (const r of replaces) {
    if (!r.isDirectory) continue;
    const dir = r.new.path.value;
    const state = inspectDir(base, dir);
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
  for (const u of uses) {
    const dir = u.path.value;
    const state = inspectDir(base, dir);
    const evidence = { directory: resolve(base, dir) };
    if (state.kind === 'missing') {
      out.push(finding('gowork.use-missing', 'error', t('gowork.use-missing', { dir }), ctx.file, u.path.range, { evidence }));
    } else if (state.kind === 'no-gomod') {
      out.push(finding('gowork.use-no-gomod', 'error', t('gowork.use-no-gomod', { dir }), ctx.file, u.path.range, { evidence }));
    }
  }
  return out;
}
