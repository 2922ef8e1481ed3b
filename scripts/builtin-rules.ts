// The built-in rules straight from rules/, through the core alone (no Engine, no config), and the
// labelled sets they are measured on: what the rule scripts share, so they keep working while
// front ends change around them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRules } from '../src/core/read-rules';
import { RuleSet } from '../src/core/rule-set';
import type { FileProblem } from '../src/core/types';

export const RULES_DIR = path.join(__dirname, '..', 'rules');

export function builtinRules(dir = RULES_DIR): { ruleSet: RuleSet; problems: FileProblem[] } {
  const loaded = readRules([dir], { builtin: true });
  return { ruleSet: RuleSet.build(loaded.languages, loaded.rules, []), problems: loaded.problems };
}

const ROOT = path.join(__dirname, '..');

/**
 * The labelled sets the rule scripts read by default: the shared dev sets (from ../shared at run
 * time; their text never enters the project) and every blind-written batch in test/batches.
 */
export function labelledSets(): string[] {
  const batches = path.join(ROOT, 'test', 'batches');
  return [
    ...['dev-en.jsonl', 'dev-nordic.jsonl'].map((f) => path.join(ROOT, '..', 'shared', 'labelled', f)),
    ...fs
      .readdirSync(batches)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => path.join(batches, f)),
  ].filter((f) => fs.existsSync(f));
}
