// `warmly test-rules [paths]`: runs the examples of the named rule files (or of every rule the
// config in this folder uses and enables), prints a line per failure and the totals, exits 1 on
// any failure.
import * as path from 'node:path';
import { Engine, testRules, type ExampleResult, type UserSettings } from '../core/index';
import { builtinRulesDir, builtinSnapshot } from './paths';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, printProblems, type CliIo } from './io';

export function runTestRules(args: { io: CliIo; settings: UserSettings; paths: string[]; format: string }): number {
  const { io, paths } = args;
  const engine = new Engine({
    builtinRulesDir: builtinRulesDir(),
    builtinSnapshot: builtinSnapshot(),
    settings: { ...args.settings, rules: [...(args.settings.rules ?? []), ...paths] },
  });
  // The config that governs the rules under test (its lists, its other rules) is found from
  // the first path named, as it would be for a template next to them.
  const anchor = path.join(paths[0] ?? io.cwd, 'rules-under-test.md');
  const run = engine.open({ fileName: anchor, text: '' });
  if (printProblems(io, run.problems) > 0) return EXIT_TROUBLE;
  const within = (file: string) =>
    paths.length === 0 || paths.some((p) => file === p || file.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
  // Only the rules the config enables: a disabled rule's examples cannot pass, and are not the team's to fix.
  const { disable = [], severity = {} } = run.settings;
  const enabled = (id: string) => !disable.includes(id) && severity[id] !== 'off';
  const include = (rule: { id: string; file: string }) => within(rule.file) && enabled(rule.id);
  const results = testRules(run.ruleSet, { settings: run.settings, include });
  const failed = results.filter((r) => !r.ok);
  if (args.format === 'json') {
    io.stdout.write(JSON.stringify(results.map((r) => ({ ...r, file: path.relative(io.cwd, r.file) }))) + '\n');
  } else {
    for (const r of failed) io.stdout.write(describe(r, io.cwd) + '\n');
    const rules = new Set(results.map((r) => `${r.language}/${r.ruleId}`)).size;
    const passed = results.length - failed.length;
    io.stdout.write(
      `${rules} rule${rules === 1 ? '' : 's'}, ${results.length} checks: ${passed} passed, ${failed.length} failed\n`,
    );
  }
  if (results.length === 0) {
    io.stderr.write(
      'warmly: no rules to test — name rule files or folders, or run it where a .warmlyrc.yaml lists "rules:"\n',
    );
    return EXIT_TROUBLE;
  }
  return failed.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function describe(r: ExampleResult, cwd: string): string {
  const what = r.kind === 'pattern' ? `pattern ${r.index + 1}` : `${r.kind} example ${r.index + 1}`;
  // file:line:col first, so editors and CI logs jump to the example that failed.
  const at = r.line ? `:${r.line}:${r.column ?? 1}` : '';
  const where = `${path.relative(cwd, r.file)}${at} (${r.language}/${r.ruleId})`;
  return `✖ ${where} ${what}: ${JSON.stringify(r.text)}\n    ${r.problem}`;
}
