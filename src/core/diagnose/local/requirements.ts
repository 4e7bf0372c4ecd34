// Module paths and versions as written: invalid paths, non-canonical versions, a module required twice.
import type { Finding } from '../../finding';
import { t } from '../../i18n';
import { checkImportPath, checkPath } from '../../modfile/module';
import type { ModFile, ReplaceStmt, Token } from '../../modfile/types';
import { finding, type Family, type LocalContext } from './context';

function pathFinding(family: Family, token: Token, detail: string, ctx: LocalContext): Finding {
  return finding(`${family}.path-invalid`, 'error', t('gomod.path-invalid', { detail }), ctx.file, token.range, {
    module: token.value,
  });
}

function noncanonical(family: Family, modulePath: string, version: Token | undefined, ctx: LocalContext): Finding[] {
  if (!version || version.raw.replace(/^"|"$/g, '') === version.value) return [];
  return [
    finding(
      `${family}.version-noncanonical`,
      'warning',
      t('gomod.version-noncanonical', { raw: version.raw, canonical: version.value }),
      ctx.file,
      version.range,
      { module: modulePath, version: version.value, evidence: { written: version.raw, canonical: version.value } },
    ),
  ];
}

/** Checks of the right-hand side of replace directives that are module paths (directories are checked on disk). */
export function replaceRequirementFindings(family: Family, replaces: ReplaceStmt[], ctx: LocalContext): Finding[] {
  const out: Finding[] = [];
  for (const r of replaces) {
    out.push(...noncanonical(family, r.old.path.value, r.old.version, ctx));
    if (r.isDirectory) continue;
    const bad = checkPath(r.new.path.value);
    if (bad) out.push(pathFinding(family, r.new.path, bad, ctx));
    out.push(...noncanonical(family, r.new.path.value, r.new.version, ctx));
  }
  return out;
}

export function requirementFindings(mod: ModFile, ctx: LocalContext): Finding[] {
  const out: Finding[] = [];
  if (mod.module) {
    const bad = checkImportPath(mod.module.path.value);
    if (bad) out.push(pathFinding('gomod', mod.module.path, bad, ctx));
  }
  const firstLine = new Map<string, number>();
  for (const r of mod.require) {
    const bad = checkPath(r.path.value);
    if (bad) out.push(pathFinding('gomod', r.path, bad, ctx));
    out.push(...noncanonical('gomod', r.path.value, r.version, ctx));
    const seen = firstLine.get(r.path.value);
    if (seen === undefined) {
      firstLine.set(r.path.value, r.range.start.line);
    } else {
      out.push(
        finding('gomod.duplicate-require', 'warning', t('gomod.duplicate-require', { module: r.path.value, line: seen + 1 }), ctx.file, r.path.range, {
          module: r.path.value,
          version: r.version.value,
          evidence: { firstLine: seen + 1 },
        }),
      );
    }
  }
  for (const e of mod.exclude) {
    const bad = checkPath(e.path.value);
    if (bad) out.push(pathFinding('gomod', e.path, bad, ctx));
    out.push(...noncanonical('gomod', e.path.value, e.version, ctx));
  }
  out.push(...replaceRequirementFindings('gomod', mod.replace, ctx));
  return out;
}
