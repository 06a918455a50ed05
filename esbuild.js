// Bundles the extension (vscode external) and the server and CLI (no externals, so a stray
// `vscode` import in the server fails the build instead of failing at run time).
const esbuild = require('esbuild');

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };

// The version is written in at build time, so a command's bundle needs no package.json where it runs.
const command = (entry, outfile) =>
  esbuild.build({
    ...common,
    entryPoints: [entry],
    outfile,
    banner: { js: '#!/usr/bin/env node' },
    define: { SIP_TRACE_LINT_VERSION: JSON.stringify(require('./package.json').version) },
  });

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['client/src/captureWorker.ts'], outfile: 'dist/captureWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  command('server/src/cli.ts', 'dist/cli.js'),
  command('server/src/flowCli.ts', 'dist/flow.js'),
  // The call flow webview's own script and style: the only files its page may load.
  esbuild.build({ ...common, platform: 'browser', format: 'iife', entryPoints: ['client/webview/callFlow.ts'], outfile: 'dist/media/callFlow.js' }),
  // With VS Code's own icon font (codicons), written beside it under its own name.
  esbuild.build({ ...common, entryPoints: ['client/webview/callFlow.css'], outfile: 'dist/media/callFlow.css', loader: { '.ttf': 'file' }, assetNames: '[name]' }),
]).catch(() => process.exit(1));
