// The engine's public surface. Front ends import from here only.
export * from './types';
export { Engine, type EngineOptions, type UserSettings, type FileLintResult } from './engine';
export { lint, COMMENT_RULE, type LintOptions, type LintResult } from './lint';
export { applyEdits, fixAll, preferredEdits, MAX_ROUNDS } from './fix';
export { RuleSet, type RuleSettings } from './rule-set';
export { readRules } from './read-rules';
export { parseRuleFile, type Rule } from './rules';
export { formatForFile, isKnownExtension, extractProse } from './extract-prose';
export { loadConfig, findConfig, CONFIG_NAMES } from './config';
export { canonicalLanguage, languageFromPath, type LanguageInfo } from './language';
export { testRules, type ExampleResult } from './test-rules';
