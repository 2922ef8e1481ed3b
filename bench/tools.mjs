// The three tools, each as an in-process linter (for the warm scenarios) and as a CLI command
// line (for the spawned ones). Every adapter lints Markdown, the format support teams keep
// templates in, and returns a count of findings so a run that silently did nothing shows up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const buildDir = path.join(root, 'bench', '.build');
/** The engine bundled by run.mjs from src/core, the same way esbuild bundles the CLI. */
export const coreBundle = path.join(buildDir, 'warmly-core.cjs');
/**
 * A private copy of dist/ taken right after the build: others rebuild dist/ while the
 * benchmark runs, and the CLI rows must measure the same code as the in-process rows.
 * From here the CLI still finds rules/ and package.json by walking up to the repository.
 */
export const cliDir = path.join(buildDir, 'dist');
/**
 * A copy of rules/ taken with it: the build's rule snapshot is used only while it matches the
 * rule files, and content leads edit rules/ all day. The CLI copy finds this folder first.
 */
export const rulesDir = path.join(buildDir, 'rules');

export const TOOLS = ['warmly', 'alex', 'textlint'];

/** textlint's config: a few real rules a writing team would pick. */
export function textlintConfig(dir) {
  const file = path.join(dir, 'textlintrc.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ rules: { 'write-good': true, 'no-todo': true, terminology: true } }, null, 2),
  );
  return file;
}

/**
 * Loads a tool in this process. Resolves to `lint(text, fileName) → number of findings`,
 * sync for Warmly and alex, a promise for textlint (its API is async).
 */
export async function loadLinter(tool, { inputs }) {
  if (tool === 'warmly') {
    const require = createRequire(import.meta.url);
    const { Engine } = require(coreBundle);
    // the build's precompiled rule set, when the build makes one, as the CLI loads it
    const snapshot = path.join(cliDir, 'rules.snapshot.json');
    const engine = new Engine({
      builtinRulesDir: rulesDir,
      ...(fs.existsSync(snapshot) ? { builtinSnapshot: snapshot } : {}),
    });
    // engine.open() is the one way through the engine since 86c66de; lintText() before it
    return engine.open
      ? (text, fileName) => engine.open({ text, fileName }).lint().findings.length
      : (text, fileName) => engine.lintText(text, fileName).findings.length;
  }
  if (tool === 'alex') {
    const { markdown } = await import('alex');
    return (text) => markdown(text).messages.length;
  }
  if (tool === 'textlint') {
    const { createLinter, loadTextlintrc } = await import('textlint');
    // rules resolve from this package's node_modules (passing node_modulesDir makes textlint
    // 15 load no rule at all, silently)
    const descriptor = await loadTextlintrc({ configFilePath: textlintConfig(inputs) });
    if (descriptor.rule.lintableDescriptors.length === 0) throw new Error('textlint loaded no rules');
    const linter = createLinter({ descriptor });
    return async (text, fileName) => (await linter.lintText(text, fileName)).messages.length;
  }
  throw new Error(`unknown tool ${tool}`);
}

/** The command line that runs a tool's CLI with `args` (files or flags). */
export function cliCommand(tool, args, { inputs }) {
  if (tool === 'warmly') return [process.execPath, path.join(cliDir, 'cli.js'), '--format', 'json', ...args];
  if (tool === 'alex') return [process.execPath, path.join(root, 'node_modules', 'alex', 'cli.js'), ...args];
  if (tool === 'textlint') {
    const bin = path.join(root, 'node_modules', 'textlint', 'bin', 'textlint.js');
    if (args[0] === '--version') return [process.execPath, bin, '--version'];
    return [process.execPath, bin, '--config', path.join(inputs, 'textlintrc.json'), '--format', 'json', ...args];
  }
  throw new Error(`unknown tool ${tool}`);
}

/** Environment for spawned CLIs: alex's update check would otherwise reach the network. */
export const cliEnv = { ...process.env, NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
