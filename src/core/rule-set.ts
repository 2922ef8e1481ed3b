// All loaded rules and languages, and the compiled matcher per language and settings. Compiling
// is the expensive part (pattern expansion, indexes), so it happens once per combination and is
// reused for every document after that.
import { RE2JS } from 're2js';
import ruleSchema from '../../rules/rule.schema.json';
import { Detector, type LanguageInfo } from './language';
import { Matcher } from './matcher';
import { folderFor, stemmerFor } from './stemmers';
import { TrigramModel } from './trigrams';
import type { PatternDef, Rule } from './rules';
import type { FileProblem, Severity } from './types';

export interface RuleSettings {
  disable?: string[];
  severity?: Record<string, Severity | 'off'>;
  /** Team vocabulary from the config: lists any rule may use as {name:list}. */
  lists?: Record<string, string[]>;
  /** The team's placeholder syntax for rewrite slots: { first_name: "{{ticket.requester.first_name}}" }. */
  placeholders?: Record<string, string>;
}

export interface CompiledRegex {
  rule: number;
  pattern: number;
  re: RE2JS;
}

export interface CompiledLanguage {
  info: LanguageInfo;
  rules: Rule[];
  matcher: Matcher;
  /** Per rule: the pattern index of each phrase handed to the matcher. */
  phrasePatterns: number[][];
  regexes: CompiledRegex[];
}

export class RuleSet {
  private readonly cache = new Map<string, CompiledLanguage>();
  private detectorCache?: Detector;

  constructor(
    readonly languages: Map<string, LanguageInfo>,
    readonly rules: Rule[],
    /** Rule files that could not be used as they stand (RuleSet.build): the engine reports them. */
    readonly problems: FileProblem[] = [],
  ) {}

  /**
   * Built-in rules first, then the user's. A user rule with a built-in id adds to it (replace: true
   * replaces it): patterns, unless, lists and examples are added, and the team file's severity and
   * message go on its own patterns only, so the built-in patterns keep theirs. A rule that adds
   * nothing to an earlier one must be complete (Rule.missing).
   */
  static build(languages: LanguageInfo[], builtin: Rule[], user: Rule[]): RuleSet {
    const byKey = new Map<string, Rule>();
    const problems: FileProblem[] = [];
    for (const rule of [...builtin, ...user]) {
      const key = `${rule.language}/${rule.id}`;
      const prev = byKey.get(key);
      const missing = rule.missing ?? [];
      if (prev && !rule.replace) byKey.set(key, addTo(prev, rule));
      else if (missing.length > 0) problems.push(...incomplete(rule, missing, prev !== undefined));
      else byKey.set(key, rule);
    }
    return new RuleSet(new Map(languages.map((l) => [l.code, l])), [...byKey.values()], problems);
  }

  get detector(): Detector {
    // Every rule example is a sentence in its language: they teach detection its letter trigrams.
    this.detectorCache ??= new Detector([...this.languages.values()], new TrigramModel(this.examples()));
    return this.detectorCache;
  }

  private *examples(): Generator<[string, string]> {
    for (const rule of this.rules) {
      for (const ex of rule.examples.bad) {
        yield [rule.language, ex.text];
        if (ex.fixed) yield [rule.language, ex.fixed];
      }
      for (const ex of rule.examples.good) yield [rule.language, ex.text];
    }
  }

  private ids?: string[];

  ruleIds(): string[] {
    this.ids ??= [...new Set(this.rules.map((r) => r.id))].sort();
    return this.ids;
  }

  compiled(language: string, settings: RuleSettings = {}): CompiledLanguage | undefined {
    const info = this.languages.get(language);
    if (!info) return undefined;
    const key = `${language}\u0000${JSON.stringify([settings.disable ?? [], settings.severity ?? {}, settings.lists ?? {}])}`;
    let compiled = this.cache.get(key);
    if (compiled) return compiled;
    const disabled = new Set(settings.disable ?? []);
    const rules: Rule[] = [];
    for (const rule of this.rules) {
      if (rule.language !== language || disabled.has(rule.id)) continue;
      const override = settings.severity?.[rule.id];
      if (override === 'off') continue;
      // A severity set in the config beats the one a team file gives its own patterns.
      const patterns = override ? rule.patterns.map(({ severity: _, ...p }) => p) : rule.patterns;
      rules.push(override ? { ...rule, severity: override, patterns } : rule);
    }
    const phrasePatterns: number[][] = [];
    const regexes: CompiledRegex[] = [];
    const shared = mergeLists(info.lists ?? {}, settings.lists ?? {});
    const matcherRules = rules.map((rule, r) => {
      const phrases: string[] = [];
      const phraseUnless: string[][] = [];
      phrasePatterns[r] = [];
      rule.patterns.forEach((p, i) => {
        if (p.phrase !== undefined) {
          phrases.push(p.phrase);
          phraseUnless.push(p.unless ?? []);
          phrasePatterns[r].push(i);
        } else if (p.regex !== undefined) {
          regexes.push({ rule: r, pattern: i, re: RE2JS.compile(p.regex, RE2JS.CASE_INSENSITIVE) });
        }
      });
      return { phrases, phraseUnless, unless: rule.unless, lists: mergeLists(shared, rule.lists) };
    });
    const matcher = new Matcher(matcherRules, {
      determiners: info.determiners,
      functionWords: info.functionWords,
      stem: stemmerFor(info.stemmer),
      fold: folderFor(info.fold, info.spellings),
      common: [...info.detect, ...info.functionWords, ...info.determiners],
    });
    compiled = { info, rules, matcher, phrasePatterns, regexes };
    this.cache.set(key, compiled);
    return compiled;
  }
}

// A list with the same name as a broader one adds to it: a rule's own list extends the team's,
// which extends the language's ("parties: [warehouse]" still catches "bank").
function mergeLists(team: Record<string, string[]>, own: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...team };
  for (const [name, words] of Object.entries(own)) out[name] = [...new Set([...(team[name] ?? []), ...words])];
  return out;
}

// The built-in rule gains the team file's patterns (each keeping the file it came from and, when
// the file states them, its severity and message), vetoes, list words and examples.
function addTo(prev: Rule, rule: Rule): Rule {
  const given = (k: string) => !(rule.missing ?? []).includes(k);
  const own = (p: PatternDef): PatternDef => ({
    ...p,
    file: p.file ?? rule.file,
    ...(given('severity') ? { severity: rule.severity } : {}),
    ...(p.message === undefined && given('message') ? { message: rule.message } : {}),
  });
  // Every pattern and example names its file, so the rule's own `file` can be the latest team
  // file: `warmly test-rules team-rules/` then runs the merged rule, as before.
  const from =
    (file: string) =>
    <T extends { file?: string }>(x: T): T => ({ ...x, file: x.file ?? file });
  return {
    ...prev,
    file: rule.file,
    patterns: [...prev.patterns.map(from(prev.file)), ...rule.patterns.map(own)],
    unless: [...prev.unless, ...rule.unless],
    lists: mergeLists(prev.lists, rule.lists),
    examples: {
      bad: [...prev.examples.bad.map(from(prev.file)), ...rule.examples.bad.map(from(rule.file))],
      good: [...prev.examples.good.map(from(prev.file)), ...rule.examples.good.map(from(rule.file))],
    },
    builtin: prev.builtin && rule.builtin,
  };
}

// Worded as the schema's own "missing key" problems (yaml-file.ts), with why the key is needed here.
function incomplete(rule: Rule, missing: string[], replacing: boolean): FileProblem[] {
  const why = replacing
    ? 'the file says "replace: true", so it stands alone'
    : `only a file with a built-in rule's id may leave it out, and ${rule.language} has no built-in "${rule.id}"`;
  const props = ruleSchema.properties as Record<string, { description?: string }>;
  return missing.map((key) => ({
    file: rule.file,
    line: 1,
    column: 1,
    message: `missing key "${key}" — add it: ${props[key]?.description ?? ''} (${why})`,
  }));
}
