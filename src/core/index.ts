// The engine's public surface. Front ends import from here only; src/core/README.md draws the
// data flow through the files behind it.
export * from './types';
export { Engine, type EngineOptions, type UserSettings } from './engine';
export { DocumentRun, type DocumentFix, type EngineCounts, type OpenOptions, type Resolution } from './document-run';
export { lint, COMMENT_RULE, type LintOptions, type LintResult } from './lint';
export { applyEdits, fixAll, preferredEdits, MAX_ROUNDS } from './fix';
export { changedSpan, type ChangedSpan } from './changed-span';
export { RuleSet, type RuleSettings } from './rule-set';
export { readRules } from './read-rules';
export { parseRuleFile, type Rule } from './rules';
export { extractProse } from './extract-prose';
export * from './formats';
export { loadConfig, findConfig, CONFIG_NAMES } from './config';
export { disableInConfig, type DisableScope } from './config-edit';
export { canonicalLanguage, languageFromPath, type LanguageInfo } from './language';
export { LANGUAGES, LANGUAGE_CODES, describeLanguageCodes, type BuiltinLanguage } from './languages';
export * from './exit-codes';
export { testRules, type ExampleResult } from './test-rules';
