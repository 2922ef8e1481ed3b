// The built-in rules straight from rules/, through the core alone (no Engine, no config): what
// the rule scripts measure and check, so they keep working while front ends change around them.
import * as path from 'node:path';
import { readRules } from '../src/core/read-rules';
import { RuleSet } from '../src/core/rule-set';
import type { FileProblem } from '../src/core/types';

export const RULES_DIR = path.join(__dirname, '..', 'rules');

export function builtinRules(dir = RULES_DIR): { ruleSet: RuleSet; problems: FileProblem[] } {
  const loaded = readRules([dir], { builtin: true });
  return { ruleSet: RuleSet.build(loaded.languages, loaded.rules, []), problems: loaded.problems };
}
