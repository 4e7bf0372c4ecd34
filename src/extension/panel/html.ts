// The health panel's HTML shell and its Content Security Policy. Pure: the host passes the webview's cspSource
// and resource URIs in. Nothing from the snapshot is ever put here; the script builds the page with DOM calls.
import { randomBytes } from 'node:crypto';

/** A fresh nonce for each page load (128 random bits, base64 without padding). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64').replace(/=+$/, '');
}

/** Nothing loads from anywhere but the webview's own resource origin; only the script carrying the nonce runs.
 *  cspSource is webview.cspSource: one or more sources (code-server: "'self' https://*.vscode-cdn.net"). */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // A source or nonce with a separator or a keyword of its own would smuggle in directives or allowances.
  const sources = cspSource.trim().split(/\s+/);
  if (!sources.every((src) => src === "'self'" || /^[^\s;,'"]+$/.test(src))) throw new Error(`unexpected webview CSP source: ${cspSource}`);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error('unexpected nonce');
  const from = sources.join(' ');
  return [`default-src 'none'`, `style-src ${from}`, `script-src 'nonce-${nonce}'`, `img-src ${from}`].join('; ');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PanelHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** BCP 47 tag of the display language (vscode.env.language). */
  lang: string;
  title: string;
}

export function panelHtml(p: PanelHtmlInput): string {
  const a = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${a(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(p.styleUri)}">
<title>${a(p.title)}</title>
</head>
<body>
<main id="root" aria-busy="true"></main>
<script nonce="${a(p.nonce)}" src="${a(p.scriptUri)}"></script>
</body>
</html>
`;
}
