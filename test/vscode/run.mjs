// `npm run test:vscode`: builds the extension and the suite, then runs the suite inside a real
// VS Code twice through @vscode/test-electron's runTests() — once in a trusted workspace, once
// in an untrusted one — and ends with a summary line the project's test driver adds up:
//   VSCODE-TOTALS: <passed> passed, <failed> failed
// Options: --screenshots <dir> (default .vscode-test/screenshots; `docs` refreshes the README's),
//          --vsix <file> (test the packaged extension, as unpacked from the VSIX, not the source tree),
//          --only trusted|untrusted (one of the two sessions, while working on it),
//          --suite <name> (only test/vscode/suite/<name>.ts, e.g. config-health; repeatable).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// code-server.mjs gives a session this long; the trusted one runs every suite file and took over
// five minutes on a busy two-core machine.
process.env.VSCODE_TEST_TIMEOUT_MS ??= '600000';
const ROOT = path.resolve(HERE, '../..');
const OUT = path.join(ROOT, '.vscode-test/suite');

// A fresh machine sets itself up from the project's own script (cached after the first time).
if (!fs.existsSync(path.join(ROOT, '.vscode-test/cs/.installed'))) {
  execFileSync('bash', [path.join(HERE, 'install.sh')], { stdio: 'inherit' });
}
const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? path.resolve(process.argv[i + 1]) : undefined;
};
const vsix = option('vsix');
const screenshotDir = option('screenshots') ?? path.join(ROOT, '.vscode-test/screenshots');

let extensionPath = ROOT;
if (vsix) {
  // A VSIX is a zip whose extension/ folder is what VS Code installs.
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-vsix-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked], { stdio: 'inherit' });
  extensionPath = path.join(unpacked, 'extension');
  console.log(`testing the packaged extension from ${path.relative(ROOT, vsix)}`);
} else {
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.config.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

// The suite runs inside the extension host: CommonJS, with vscode and mocha from the host.
fs.rmSync(OUT, { recursive: true, force: true });
const suiteFiles = fs
  .readdirSync(path.join(HERE, 'suite'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(HERE, 'suite', f));
await esbuild.build({
  entryPoints: suiteFiles,
  outdir: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

const runs = [
  { name: 'trusted', trust: false },
  { name: 'untrusted', trust: true },
];
let passed = 0,
  failed = 0;
const onlyArg = process.argv.indexOf('--only');
// --suite picks suite files by name; index.ts reads the list from the environment.
const suites = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--suite' ? [`${a}.js`] : []));
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
for (const run of runs.filter((r) => !only || r.name === only)) {
  // Each run gets its own copy of the fixture workspace: the tests edit and save files in it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `warmly-vscode-${run.name}-`));
  const ws = path.join(dir, 'workspace');
  fs.cpSync(path.join(HERE, 'fixtures/workspace'), ws, { recursive: true });
  // Tells the suite which run this is and where to write its counts.
  fs.writeFileSync(
    path.join(dir, 'run.json'),
    JSON.stringify({ name: run.name, results: path.join(dir, 'results.json'), root: ROOT }),
  );
  console.log(`\n== VS Code tests: ${run.name} workspace ==`);
  try {
    await runTests({
      vscodeExecutablePath: path.join(HERE, 'fake-code'),
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [ws],
      extensionTestsEnv: {
        WARMLY_SCREENSHOT_DIR: screenshotDir,
        ...(run.trust ? { WARMLY_WORKSPACE_TRUST: '1' } : {}),
        ...(suites.length ? { WARMLY_SUITES: suites.join(',') } : {}),
      },
    });
  } catch (error) {
    console.log(`runTests (${run.name}) failed: ${error.message}`);
  }
  const results = readResults(path.join(dir, 'results.json'));
  if (results) {
    passed += results.passed;
    failed += results.failed;
  } else {
    // No counts means the suite never ran or crashed: that is a failure, not zero tests.
    console.log(`no results from the ${run.name} run`);
    failed += 1;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
if (vsix) fs.rmSync(path.dirname(extensionPath), { recursive: true, force: true });
console.log(`VSCODE-TOTALS: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
