// Generated stand-ins for real module versions: the path and version a go.mod requires, with a tiny package, so
// the local proxy can serve every require of a real go.mod and the go command accepts what it downloads.
import { buildModule, moduleFixture, type BuiltModule } from '../../test/support/modules';

export interface StandIn {
  path: string;
  version: string;
}

/** The module served for one required path@version. A +incompatible version comes from a repository without a
 *  go.mod (the proxy synthesises `module <path>`), so its zip has none either. */
export function standInModule(s: StandIn): BuiltModule {
  const f = moduleFixture(s.path, s.version);
  if (s.version.endsWith('+incompatible')) delete f.files['go.mod'];
  // An old go line: no dependency may ask for a newer go than the main modules of the bench declare.
  else f.files['go.mod'] = `module ${s.path}\n\ngo 1.16\n`;
  return buildModule(f);
}

/** go.sum text for the stand-ins (both lines each), sorted as go writes it. */
export function goSumOf(standIns: readonly StandIn[]): string {
  const lines = standIns.flatMap((s) => standInModule(s).gosum.trim().split('\n'));
  return [...new Set(lines)].sort().join('\n') + '\n';
}
