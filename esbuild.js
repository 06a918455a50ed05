// Bundles the extension (vscode external) and the server and CLI (no externals, so a stray
// `vscode` import in the server fails the build instead of failing at run time).
const esbuild = require('esbuild');

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['client/src/captureWorker.ts'], outfile: 'dist/captureWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The version is written in at build time, so the bundle needs no package.json where it runs.
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { SIP_TRACE_LINT_VERSION: JSON.stringify(require('./package.json').version) },
  }),
]).catch(() => process.exit(1));
