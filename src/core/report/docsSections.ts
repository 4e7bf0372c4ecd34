// The sections of docs/findings.md by code: what SARIF rules carry as their descriptions and help, so a
// code-scanning alert explains itself without a link that works only on the machine that ran the check.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docsAnchor, docsUrl } from '../diagnose/docs';

export interface DocsSection {
  /** The whole section as markdown, heading excluded. */
  markdown: string;
  /** The first sentence of the description, severity word removed. */
  short: string;
  /** The description paragraph (before **Fix:**), as plain text. */
  full: string;
}

let cache: { file: string; sections: Map<string, string> } | undefined;

/** Markdown to plain text for the text forms of SARIF messages: emphasis and code marks dropped. */
export function markdownToText(md: string): string {
  return md
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .trim();
}

/** Splits a findings page into sections keyed by the anchor of their `### \`code\`` heading. */
export function parseDocsSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (current) sections.set(current, body.join('\n').trim());
  };
  for (const line of text.split(/\r?\n/)) {
    const heading = /^###\s+`([^`]+)`\s*$/.exec(line);
    if (heading || /^#{1,2}\s/.test(line)) {
      flush();
      current = heading ? docsAnchor(heading[1]) : undefined;
      body = [];
    } else if (current) body.push(line);
  }
  flush();
  return sections;
}

/** The docs section of a finding code, read from the findings page that ships with the package; undefined when missing. */
export function docsSection(code: string): DocsSection | undefined {
  const file = fileURLToPath(docsUrl(code).replace(/#.*$/, ''));
  if (cache?.file !== file) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // A layout without docs (a bare bundle): rules then carry only their ids.
    }
    cache = { file, sections: parseDocsSections(text) };
  }
  const markdown = cache.sections.get(docsAnchor(code));
  if (!markdown) return undefined;
  const description = markdownToText(markdown.split(/\*\*Fix:\*\*/)[0]).replace(/\s+/g, ' ').replace(/^(Error|Warning|Info|Information|Hint)\.\s*/i, '');
  const short = /^(.+?[.!?])(\s|$)/.exec(description)?.[1] ?? description;
  return { markdown, short, full: description };
}
