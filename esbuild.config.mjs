// Bundles the CLI (with `warmly lsp`), the extension and the retext plugin. The first two are
// CommonJS for Node 20+/VS Code (the retext plugin is ESM, as unified is); the ESM-only
// unified/retext packages are folded into the bundles, so nothing is resolved at run time
// except `vscode` (provided by the editor) and the rule files next to the bundle.
import * as esbuild from 'esbuild';

const release = process.argv.includes('--release');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: release ? false : 'linked',
  minify: release,
  legalComments: 'none',
  logLevel: 'warning',
  // ESM-only dependencies (fdir, via tinyglobby) read import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__warmlyImportMetaUrl' },
  banner: { js: "const __warmlyImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// The LSP libraries reach `net` and `child_process` only for transports and helpers `warmly lsp`
// does not use; inside them both resolve to an inert stand-in (src/lsp/no-network.ts).
const inert = (await import('node:url')).fileURLToPath(new URL('src/lsp/no-network.ts', import.meta.url));
const noNetwork = {
  name: 'lsp-no-network',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(net|child_process)$/ }, (args) =>
      /node_modules[\\/]vscode-(jsonrpc|languageserver)/.test(args.importer) ? { path: inert } : undefined,
    );
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    plugins: [noNetwork],
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  },
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // `warmly/retext` (package.json "exports"): ESM, as unified plugins are. Bundled CommonJS code
  // still finds require, __filename and __dirname (the built-in rules are found from there).
  {
    ...common,
    entryPoints: ['src/retext/index.ts'],
    outfile: 'dist/retext.mjs',
    format: 'esm',
    define: {},
    banner: {
      js: [
        "import { createRequire as __warmlyRequire } from 'node:module';",
        "import { fileURLToPath as __warmlyPath } from 'node:url';",
        "import { dirname as __warmlyDirname } from 'node:path';",
        'const require = __warmlyRequire(import.meta.url);',
        'const __filename = __warmlyPath(import.meta.url);',
        'const __dirname = __warmlyDirname(__filename);',
      ].join('\n'),
    },
  },
];

const fs = await import('node:fs');
const { execFileSync } = await import('node:child_process');
for (const options of builds) {
  // The extension is optional while it is being built up; the CLI always is built.
  if (!fs.existsSync(options.entryPoints[0])) continue;
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
// `npx warmly` runs the bin directly: on a fresh clone nothing else marks it executable.
if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
// `warmly report` inlines Chart.js's browser build; a copy beside the CLI bundle means the npm
// package needs no runtime dependency (src/cli/report/chart-library.ts).
fs.copyFileSync('node_modules/chart.js/dist/chart.umd.min.js', 'dist/chart.umd.min.js');

// The snapshot of the built-in rules (src/core/snapshot.ts): built with a throwaway bundle that
// stays out of dist/, so the VSIX and the npm package carry only the snapshot itself.
if (!watch) {
  const tool = 'node_modules/.cache/warmly/write-snapshot.js';
  await esbuild.build({
    ...common,
    sourcemap: false,
    minify: false,
    entryPoints: ['src/cli/write-snapshot.ts'],
    outfile: tool,
  });
  execFileSync(process.execPath, [tool, 'rules', 'dist/rules.snapshot.json'], { stdio: 'inherit' });
}
