// All loaded rules and languages, and the compiled matcher per language and settings. Compiling
// is the expensive part (pattern expansion, indexes), so it happens once per combination and is
// reused for every document after that.
import { RE2JS } from 're2js';
import { Detector, type LanguageInfo } from './language';
import { Matcher } from './matcher';
import { folderFor, stemmerFor } from './stemmers';
import { TrigramModel } from './trigrams';
import type { Rule } from './rules';
import type { Severity } from './types';

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
  ) {}

  /** Built-in rules first, then the user's: a user rule with a built-in id adds to it (or replaces it). */
  static build(languages: LanguageInfo[], builtin: Rule[], user: Rule[]): RuleSet {
    const byKey = new Map<string, Rule>();
    for (const rule of [...builtin, ...user]) {
      const key = `${rule.language}/${rule.id}`;
      const prev = byKey.get(key);
      if (!prev || rule.replace) {
        byKey.set(key, rule);
        continue;
      }
      byKey.set(key, {
        ...rule,
        patterns: [...prev.patterns, ...rule.patterns],
        unless: [...prev.unless, ...rule.unless],
        lists: { ...prev.lists, ...rule.lists },
        examples: { bad: [...prev.examples.bad, ...rule.examples.bad], good: [...prev.examples.good, ...rule.examples.good] },
        builtin: prev.builtin && rule.builtin,
      });
    }
    return new RuleSet(new Map(languages.map((l) => [l.code, l])), [...byKey.values()]);
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
      rules.push(override ? { ...rule, severity: override } : rule);
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
      fold: folderFor(info.fold),
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
