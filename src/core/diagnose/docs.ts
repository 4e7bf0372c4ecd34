// Where each Finding code is explained: a section of docs/findings.md, which ships inside the package so the
// link works offline in every face (extension, language server, CLI).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let docsFile = join(__dirname, '..', 'docs', 'findings.md');

/** The bundles live in dist/, so the default is ../docs/findings.md; tests and other layouts can point elsewhere. */
export function setDocsFile(path: string): void {
  docsFile = path;
}

// go.work and go.sum share most rules with go.mod; those codes are explained once, in the go.mod section.
const ownSections = new Set(['gowork.use-missing', 'gowork.use-no-gomod', 'gosum.hash-invalid', 'gosum.mismatch', 'gosum.missing', 'gosum.unknown-hash']);

function documentedCode(code: string): string {
  return /^go(work|sum)\./.test(code) && !ownSections.has(code) ? code.replace(/^go(work|sum)\./, 'gomod.') : code;
}

/** The anchor GitHub-style markdown renderers give a heading "`gomod.syntax`": dots and backticks dropped. */
export function docsAnchor(code: string): string {
  return documentedCode(code)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

export function docsUrl(code: string): string {
  return `${pathToFileURL(docsFile).href}#${docsAnchor(code)}`;
}
