// Shared test helpers: a rule set built from YAML written inside the test, so engine tests
// do not depend on the wording of the built-in rules, and temporary folders for CLI tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, parseRuleFile, RuleSet, type Finding, type LintOptions } from '../src/core/index';
import { parseLanguageFile } from '../src/core/rules';

export const ROOT = path.resolve(__dirname, '..');
export const RULES_DIR = path.join(ROOT, 'rules');

export function english() {
  const file = path.join(RULES_DIR, 'en', '_language.yaml');
  const { language } = parseLanguageFile({ file, text: fs.readFileSync(file, 'utf8'), code: 'en' });
  if (!language) throw new Error('rules/en/_language.yaml does not load');
  // The built-in word classes stay out too: a test rule's lists are all it matches.
  return { ...language, lists: {} };
}

/** A one-language rule set from { 'rule-id': yaml } (each YAML gets the required keys filled in). */
export function ruleSetOf(rules: Record<string, string>): RuleSet {
  const parsed = Object.entries(rules).map(([id, body]) => {
    const text = withDefaults(body);
    const { rule, problems } = parseRuleFile({ file: `/virtual/en/${id}.yaml`, text, language: 'en' });
    if (!rule)
      throw new Error(
        `test rule ${id} does not load: ${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`,
      );
    return rule;
  });
  return RuleSet.build([english()], parsed, []);
}

function withDefaults(body: string): string {
  const has = (key: string) => new RegExp(`^${key}:`, 'm').test(body);
  let text = body;
  if (!has('severity')) text += '\nseverity: warning';
  if (!has('principle')) text += '\nprinciple: Test principle.';
  if (!has('message')) text += '\nmessage: Test message.';
  if (!has('why')) text += '\nwhy: Test reason.';
  if (!has('examples')) text += '\nexamples:\n  bad: [{ text: "x" }]\n  good: ["y"]';
  return text;
}

export function findings(text: string, ruleSet: RuleSet, options: Partial<LintOptions> = {}): Finding[] {
  return lint(text, { ruleSet, language: 'en', ...options }).findings;
}

export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmly-test-'));
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}
