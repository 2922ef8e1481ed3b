// Rule files and language files: from YAML text (I/O is the caller's) to validated rules.
// Every mistake becomes a FileProblem with the file, the place and the remedy; a broken rule
// never takes the others down with it.
import { pathToFileURL } from 'node:url';
import { RE2JS } from 're2js';
import ruleSchema from '../../rules/rule.schema.json';
import languageSchema from '../../rules/language.schema.json';
import { capturesOf, compilePattern, PatternError } from './pattern-syntax';
import { readYaml } from './yaml-file';
import type { LanguageInfo } from './language';
import type { FileProblem, Severity, SourceFormat } from './types';

export interface PatternDef {
  phrase?: string;
  regex?: string;
  suggest: string[];
  message?: string;
}

export interface RuleExamples {
  bad: Array<{ text: string; fixed?: string; format?: SourceFormat }>;
  good: Array<{ text: string; format?: SourceFormat }>;
}

export interface Rule {
  id: string;
  language: string;
  severity: Severity;
  principle: string;
  source: string;
  message: string;
  why: string;
  url: string;
  replace: boolean;
  patterns: PatternDef[];
  unless: string[];
  lists: Record<string, string[]>;
  examples: RuleExamples;
  file: string;
  builtin: boolean;
}

interface RuleYaml {
  severity: Severity;
  principle: string;
  source?: string;
  message: string;
  why: string;
  url?: string;
  lang?: string;
  replace?: boolean;
  patterns: Array<{ phrase?: string; regex?: string; suggest?: string[]; message?: string }>;
  unless?: string[];
  lists?: Record<string, string[]>;
  examples: { bad: Array<{ text: string; fixed?: string; format?: SourceFormat }>; good: Array<string | { text: string; format?: SourceFormat }> };
}

export const DOCS_URL = 'https://github.com/warmly-dev/warmly/blob/main/docs/rules.md';

/** Captures a message or rewrite uses: {name}, but not the {{ }} of a template placeholder. */
export const TEMPLATE_REF = /(?<!\{)\{([A-Za-z][\w-]*)\}(?!\})/g;

export function ruleIdFromPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, '');
}

export function parseRuleFile(input: { file: string; text: string; language?: string; builtin?: boolean; knownLists?: Iterable<string> }): { rule?: Rule; problems: FileProblem[] } {
  const { file, text } = input;
  const id = ruleIdFromPath(file);
  const parsed = readYaml<RuleYaml>(file, text, ruleSchema);
  const problems = [...parsed.problems];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    problems.push({ file, line: 1, column: 1, message: `the file name "${id}" is the rule id, and ids are lower-case words joined by "-" — rename the file (e.g. not-my-table.yaml)` });
  }
  const y = parsed.data;
  if (!y) return { problems };
  const language = y.lang?.toLowerCase() ?? input.language;
  if (!language) {
    problems.push({ file, line: 1, column: 1, message: 'the rule has no language — put the file in a folder named after it (rules/sv/…) or add "lang: sv"' });
    return { problems };
  }
  const lists = y.lists ?? {};
  const known = new Set([...Object.keys(lists), ...(input.knownLists ?? [])]);
  const usedByMessage = (msg: string) => [...msg.matchAll(TEMPLATE_REF)].map((m) => m[1]).filter((n) => n !== 'match');
  y.patterns.forEach((p, i) => {
    let captureSets: string[][] = [];
    if (p.phrase !== undefined) {
      try {
        const seqs = compilePattern(p.phrase);
        captureSets = seqs.map(capturesOf);
        for (const seq of seqs) {
          for (const item of seq) {
            if (item.t === 'cap' && item.list && !known.has(item.list)) {
              const at = parsed.locate(['patterns', i, 'phrase']);
              problems.push({ file, ...at, message: `the list "${item.list}" in {${item.name}:${item.list}} is not defined — add it under "lists:" in this file or in .warmlyrc.yaml` });
            }
          }
        }
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        const at = parsed.locate(['patterns', i, 'phrase'], e.index);
        problems.push({ file, ...at, message: `${e.message}` });
        return;
      }
    } else if (p.regex !== undefined) {
      const checked = checkRegex(p.regex);
      if (typeof checked === 'string') {
        const at = parsed.locate(['patterns', i, 'regex']);
        problems.push({ file, ...at, message: checked });
        return;
      }
      captureSets = [checked];
    }
    const texts: Array<[string, Array<string | number>]> = [[p.message ?? y.message, p.message ? ['patterns', i, 'message'] : ['message']]];
    (p.suggest ?? []).forEach((s, j) => texts.push([s, ['patterns', i, 'suggest', j]]));
    for (const [t, path] of texts) {
      for (const name of usedByMessage(t)) {
        if (captureSets.every((set) => set.includes(name))) continue;
        const at = parsed.locate(path);
        problems.push({ file, ...at, message: `{${name}} is not captured by every phrasing of pattern ${i + 1} — add {${name}} to the pattern, or write the text without it` });
      }
    }
  });
  for (const [j, u] of (y.unless ?? []).entries()) {
    try {
      compilePattern(u);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      problems.push({ file, ...parsed.locate(['unless', j], e.index), message: e.message });
    }
  }
  if (problems.length > 0) return { problems };
  return {
    rule: {
      id,
      language,
      severity: y.severity,
      principle: y.principle,
      source: y.source ?? '',
      message: y.message,
      why: y.why,
      // A team's own rule is documented by its file; the built-in docs have no section for it.
      url: y.url ?? (input.builtin ? `${DOCS_URL}#${id}` : pathToFileURL(file).href),
      replace: y.replace ?? false,
      patterns: y.patterns.map((p) => ({ phrase: p.phrase, regex: p.regex, suggest: p.suggest ?? [], message: p.message })),
      unless: y.unless ?? [],
      lists,
      examples: {
        bad: y.examples.bad,
        good: y.examples.good.map((g) => (typeof g === 'string' ? { text: g } : g)),
      },
      file,
      builtin: input.builtin ?? false,
    },
    problems,
  };
}

/**
 * A user regex runs inside the editor on every keystroke, so it must run in linear time:
 * it is compiled with RE2's engine (re2js), which has no backtracking and refuses
 * backreferences and look-around. Returns the named groups, or why it was refused.
 */
export function checkRegex(source: string): string[] | string {
  try {
    const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    if (re.matcher('').find()) return 'the regex matches empty text, so it would flag every position — make at least one part required';
    // A regex that fires on most words of a plain, warm sentence would flag everything.
    const ordinary = re.matcher('Thank you for your message, we will look into it today and write back.');
    let hits = 0;
    while (ordinary.find()) hits++;
    if (hits >= 4) return 'the regex matches ordinary text almost everywhere (it fires on most words of a plain sentence) — make it specific to the phrase you mean';
    return Object.keys(re.namedGroups());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return `the regex cannot be used: ${why} — Warmly runs regexes in linear time (RE2), so backreferences and look-around are not available; use a phrase, or rewrite the regex without them`;
  }
}

interface LanguageYaml {
  name: string;
  parser: LanguageInfo['parser'];
  determiners: string[];
  'function-words': string[];
  detect: string[];
  letters?: string;
}

export function parseLanguageFile(input: { file: string; text: string; code: string }): { language?: LanguageInfo; problems: FileProblem[] } {
  const parsed = readYaml<LanguageYaml>(input.file, input.text, languageSchema);
  const y = parsed.data;
  if (!y) return { problems: parsed.problems };
  return {
    language: {
      code: input.code,
      name: y.name,
      parser: y.parser,
      determiners: y.determiners,
      functionWords: y['function-words'],
      detect: y.detect,
      letters: y.letters ?? '',
      file: input.file,
    },
    problems: parsed.problems,
  };
}
