// go.sum lines whose h1: hash cannot be a SHA-256 (the go command would report a mismatch it cannot explain).
import type { Finding } from '../../finding';
import { t } from '../../i18n';
import type { SumFile } from '../../modfile/types';
import { finding, type LocalContext } from './context';

const h1 = /^h1:[A-Za-z0-9+/]{43}=$/;

export function sumFindings(sum: SumFile, ctx: LocalContext): Finding[] {
  const out: Finding[] = [];
  for (const line of sum.lines) {
    const hash = line.hash.value;
    // Only h1 is defined; other algorithms are for future Go versions and are skipped by the go command.
    if (hash.startsWith('h1:') && !h1.test(hash)) {
      out.push(
        finding('gosum.hash-invalid', 'error', t('gosum.hash-invalid', { module: line.module.value, version: line.version.value }), ctx.file, line.hash.range, {
          module: line.module.value,
          version: line.version.value,
        }),
      );
    }
  }
  return out;
}
