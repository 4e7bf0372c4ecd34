// The panel's HTML shell: the CSP is exactly the strict one, every interpolated value is escaped, and the only
// script is the nonce-carrying bundle.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentSecurityPolicy, escapeHtml, makeNonce, panelHtml } from '../../../src/extension/panel/html';

const SOURCE = 'https://*.vscode-cdn.net';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('panel html', () => {
  it('the CSP allows nothing but the webview origin for styles and images, and the nonce for scripts', () => {
    const d = directives(contentSecurityPolicy(SOURCE, 'abc123'));
    assert.deepEqual([...d.keys()], ['default-src', 'style-src', 'script-src', 'img-src']);
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.deepEqual(d.get('style-src'), [SOURCE]);
    assert.deepEqual(d.get('img-src'), [SOURCE]);
    assert.deepEqual(d.get('script-src'), ["'nonce-abc123'"]);
    for (const values of d.values()) for (const v of values) assert.ok(!/unsafe|\*$|^https?:$|^data:/.test(v) || v === SOURCE, v);
  });

  it('takes a source list as code-server gives it', () => {
    const d = directives(contentSecurityPolicy("'self' https://*.vscode-cdn.net", 'abc'));
    assert.deepEqual(d.get('style-src'), ["'self'", 'https://*.vscode-cdn.net']);
    assert.deepEqual(d.get('img-src'), ["'self'", 'https://*.vscode-cdn.net']);
    assert.deepEqual(d.get('script-src'), ["'nonce-abc'"]);
  });

  it('refuses a source or nonce that would add directives or allowances of its own', () => {
    for (const bad of ["x; script-src 'unsafe-inline'", "'self' 'unsafe-inline'", "'unsafe-eval'", 'x,y', "x'", '', '  ']) {
      assert.throws(() => contentSecurityPolicy(bad, 'abc'), /CSP source/, bad);
    }
    for (const bad of ["abc' 'unsafe-inline", 'a;b', 'a b', '']) assert.throws(() => contentSecurityPolicy(SOURCE, bad), /nonce/, bad);
  });

  it('nonces are fresh, 128-bit and CSP-safe', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const n = makeNonce();
      assert.match(n, /^[A-Za-z0-9+/]{22}$/);
      assert.ok(!seen.has(n));
      seen.add(n);
      contentSecurityPolicy(SOURCE, n); // accepted
    }
  });

  it('the page has one script (the bundle, with the nonce), one stylesheet, the CSP first in <head>, no inline code or style', () => {
    const nonce = makeNonce();
    const html = panelHtml({
      cspSource: SOURCE,
      nonce,
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.js',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
      lang: 'zh-cn',
      title: 'Go 模块健康状况',
    });
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0][2], '', 'inline script body');
    assert.match(scripts[0][1], new RegExp(`nonce="${nonce.replace(/[+/]/g, '\\$&')}"`));
    assert.match(scripts[0][1], /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/panel\.js"/);
    assert.equal([...html.matchAll(/<link\b/g)].length, 1);
    assert.ok(!/<style\b|\sstyle=|\son\w+=/i.test(html), 'inline style or handler');
    const head = /<head>([\s\S]*?)<\/head>/.exec(html)![1];
    const firstTags = [...head.matchAll(/<(\w+)[^>]*>/g)].map((m) => m[0]);
    assert.match(firstTags[0], /<meta charset/);
    assert.match(firstTags[1], /http-equiv="Content-Security-Policy"/);
    assert.match(html, /<html lang="zh-cn">/);
    assert.match(html, /<title>Go 模块健康状况<\/title>/);
  });

  it('escapes every value it puts into the page (random strings)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (lang, title) => {
        const html = panelHtml({ cspSource: SOURCE, nonce: 'n0nce', scriptUri: 'a', styleUri: 'b', lang, title });
        assert.ok(html.includes(`<html lang="${escapeHtml(lang)}">`));
        assert.ok(html.includes(`<title>${escapeHtml(title)}</title>`));
        // Nothing the caller passed can open or close a tag or an attribute.
        const rest = html.replace(escapeHtml(lang), '').replace(escapeHtml(title), '');
        assert.equal((rest.match(/</g) ?? []).length, (html.match(/</g) ?? []).length);
      }),
      { numRuns: 500, seed: 3 },
    );
    assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
});
