// Local diagnostics: everything that can be said about a go.mod, go.work or go.sum without the network.
import { basename } from 'node:path';
import type { Finding } from '../../finding';
import { parseGoMod, parseGoSum, parseGoWork } from '../../modfile';
import type { LocalContext } from './context';
import { replaceDirFindings, useDirFindings } from './directories';
import { exceedsSizeLimit, tooLargeFinding } from './limits';
import { parseErrorFindings } from './parseErrors';
import { replaceRequirementFindings, requirementFindings } from './requirements';
import { sumFindings } from './sum';
import { toolchainFindings } from './toolchain';

export type { LocalContext } from './context';
export { SIZE_LIMITS, exceedsSizeLimit } from './limits';

export type ModuleFileKind = 'go.mod' | 'go.work' | 'go.sum';

/** go.mod, go.work and go.sum by name; go.work.sum has the go.sum format. Other names are not ours. */
export function moduleFileKind(file: string): ModuleFileKind | undefined {
  const name = basename(file);
  if (name === 'go.mod') return 'go.mod';
  if (name === 'go.work') return 'go.work';
  if (name === 'go.sum' || name === 'go.work.sum') return 'go.sum';
  return undefined;
}

export function diagnoseText(kind: ModuleFileKind, text: string, ctx: LocalContext): Finding[] {
  const label = basename(ctx.file);
  if (exceedsSizeLimit(kind, text)) return [tooLargeFinding(kind, text, ctx.file, label)];
  switch (kind) {
    case 'go.mod': {
      const mod = parseGoMod(text, label);
      return [
        ...parseErrorFindings(mod.errors, 'gomod', label, ctx),
        ...requirementFindings(mod, ctx),
        ...replaceDirFindings('gomod', mod.replace, ctx),
        ...toolchainFindings('gomod', mod.go, mod.toolchain, ctx),
      ];
    }
    case 'go.work': {
      const work = parseGoWork(text, label);
      return [
        ...parseErrorFindings(work.errors, 'gowork', label, ctx),
        ...replaceRequirementFindings('gowork', work.replace, ctx),
        ...replaceDirFindings('gowork', work.replace, ctx),
        ...useDirFindings(work.use, ctx),
        ...toolchainFindings('gowork', work.go, work.toolchain, ctx),
      ];
    }
    case 'go.sum': {
      const sum = parseGoSum(text, label);
      return [...parseErrorFindings(sum.errors, 'gosum', label, ctx), ...sumFindings(sum, ctx)];
    }
  }
}
