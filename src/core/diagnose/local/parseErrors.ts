// Turns the parser's go-worded errors into Findings with a code a person (and a test) can rely on.
import type { Finding } from '../../finding';
import { t } from '../../i18n';
import { formatGoError } from '../../modfile';
import type { ParseError } from '../../modfile/types';
import { finding, type Family, type LocalContext } from './context';

const majorMismatch = /should be v\d+(?: or v1)?, not v\d+|invalid version: should be/;
const invalidVersion = /version "[^"]*" invalid|invalid (?:go|toolchain) version|disallowed version string/;

export function classifyParseError(err: ParseError): 'major-mismatch' | 'version-invalid' | 'syntax' {
  if (majorMismatch.test(err.message)) return 'major-mismatch';
  if (invalidVersion.test(err.message)) return 'version-invalid';
  return 'syntax';
}

// `require example.com/foo: version "master" invalid: must be of the form v1.2.3`: a branch or tag written where a
// version belongs, which `go get module@name` resolves.
const notSemver = /^(?:require|exclude|replace) (\S+): version "([^"]+)" invalid: must be of the form v1\.2\.3$/;

function versionMessage(err: ParseError): string {
  const m = notSemver.exec(err.message);
  return m ? t('gomod.version-not-semver', { module: m[1], version: m[2] }) : t('gomod.version-invalid', { detail: err.message });
}

export function parseErrorFindings(errors: ParseError[], family: Family, fileLabel: string, ctx: LocalContext): Finding[] {
  return errors.map((err) => {
    const kind = classifyParseError(err);
    const goError = formatGoError(fileLabel, err);
    const message =
      kind === 'syntax'
        ? t('gomod.syntax', { file: fileLabel, detail: goError })
        : kind === 'major-mismatch'
          ? t('gomod.major-mismatch', { detail: err.message })
          : versionMessage(err);
    return finding(`${family}.${kind}`, 'error', message, ctx.file, err.range, { evidence: { goError } });
  });
}
