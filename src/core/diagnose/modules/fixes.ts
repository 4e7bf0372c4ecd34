// Fixes of the module rules. Env fixes are goenv fix ids (`env[@editor]:set:…`), written by goenv's writer.
// Edits of go.mod and the go.sum download have their own ids:
//   module.upgrade:<module>@<version>        set the version of every require of <module>
//   module.remove-replace:<module>[@<version>]  delete the replace directive(s) of <module> (and version)
//   module.download:<module>@<version>       run `go mod download <module>@<version>` next to the go.mod
import type { FixRef, Range } from '../../finding';
import { formatFixId, type EnvChange, type WriteLayer } from '../../goenv/fixid';
import type { ResolvedEnv } from '../../goenv/resolve';
import { t } from '../../i18n';
import { parseGoMod, parseGoWork } from '../../modfile';

export type ModuleFix =
  | { kind: 'upgrade'; module: string; version: string }
  | { kind: 'remove-replace'; module: string; version?: string }
  | { kind: 'download'; module: string; version: string };

export function formatModuleFixId(f: ModuleFix): string {
  return `module.${f.kind}:${f.module}${f.version ? '@' + f.version : ''}`;
}

export function parseModuleFixId(id: string): ModuleFix | undefined {
  const m = /^module\.(upgrade|remove-replace|download):([^@\s]+)(?:@(\S+))?$/.exec(id);
  if (!m) return undefined;
  const [, kind, module, version] = m;
  if (kind === 'remove-replace') return version ? { kind, module, version } : { kind, module };
  if (!version) return undefined;
  return { kind: kind as 'upgrade' | 'download', module, version };
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** The edits of a go.mod / go.work text that a fix makes; [] when nothing in the text matches. */
export function moduleFixEdits(fix: ModuleFix, text: string, kind: 'go.mod' | 'go.work' = 'go.mod'): TextEdit[] {
  if (fix.kind === 'download') return [];
  if (fix.kind === 'upgrade') {
    if (kind !== 'go.mod') return [];
    return parseGoMod(text)
      .require.filter((r) => r.path.value === fix.module)
      .map((r) => ({ range: r.version.range, newText: fix.version }));
  }
  const replaces = kind === 'go.mod' ? parseGoMod(text).replace : parseGoWork(text).replace;
  return replaces
    .filter((r) => r.old.path.value === fix.module && (fix.version === undefined || r.old.version?.value === fix.version))
    .map((r) => ({ range: { start: { line: r.range.start.line, character: 0 }, end: { line: r.range.end.line + 1, character: 0 } }, newText: '' }));
}

export function moduleFixRef(fix: ModuleFix): FixRef {
  const title =
    fix.kind === 'upgrade'
      ? t('module.fix.upgrade', { version: fix.version })
      : fix.kind === 'remove-replace'
        ? t('module.fix.remove-replace')
        : t('module.fix.download', { module: fix.module, version: fix.version });
  return { id: formatModuleFixId(fix), title };
}

/** The layer an env fix must go to so that it takes effect: the editor's when the OS or editor sets the variable. */
export function layerFor(names: string[], resolved: ResolvedEnv | undefined): WriteLayer {
  if (!resolved) return 'envfile';
  return names.some((n) => {
    const v = resolved.get(n);
    return v !== undefined && (v.layer === 'process' || v.layer === 'editor');
  })
    ? 'editor'
    : 'envfile';
}

/** An env fix: id for goenv's writer, title from the module catalogue with the layer named when it is the editor's. */
export function envFixRef(changes: EnvChange[], resolved: ResolvedEnv | undefined, title: (layer: string) => string): FixRef {
  const layer = layerFor(
    changes.map((c) => c.name),
    resolved,
  );
  return { id: formatFixId({ layer, changes }), title: title(layer === 'editor' ? t('module.fix.layer.editor') : '') };
}
