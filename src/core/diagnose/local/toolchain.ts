// go and toolchain lines that ask for a newer Go than the one installed: the go command then downloads a
// toolchain (network, proxy and checksum database) or, with GOTOOLCHAIN=local, refuses to work.
import type { Finding } from '../../finding';
import { t } from '../../i18n';
import { compareGoVersions, goVersionOfToolchain } from '../../modfile/gover';
import type { GoStmt, ToolchainStmt } from '../../modfile/types';
import { finding, type Family, type LocalContext } from './context';

export function toolchainFindings(family: Family, go: GoStmt | undefined, toolchain: ToolchainStmt | undefined, ctx: LocalContext): Finding[] {
  const have = ctx.localGoVersion;
  if (!have) return [];
  const out: Finding[] = [];
  if (go && compareGoVersions(go.version.value, have) > 0) {
    out.push(
      finding(`${family}.go-too-new`, 'warning', t('gomod.go-too-new', { need: go.version.value, have }), ctx.file, go.version.range, {
        evidence: { required: go.version.value, local: have },
      }),
    );
  }
  const wanted = toolchain ? goVersionOfToolchain(toolchain.name.value) : undefined;
  if (toolchain && wanted && compareGoVersions(wanted, have) > 0) {
    out.push(
      finding(`${family}.toolchain-too-new`, 'warning', t('gomod.toolchain-too-new', { need: toolchain.name.value, have }), ctx.file, toolchain.name.range, {
        evidence: { required: wanted, local: have },
      }),
    );
  }
  return out;
}
