// Bundles one file per process: the extension host (vscode external), the language server, the CLI, the panel's webview.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The health panel's script, run inside the webview (browser globals; type-checked with src/webview/tsconfig.json).
  esbuild.build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    sourcemap: false, // a webview has no use for one, and it must not ship
    tsconfig: 'src/webview/tsconfig.json',
    entryPoints: ['src/webview/main.ts'],
    outfile: 'media/panel.js',
  }),
]);
