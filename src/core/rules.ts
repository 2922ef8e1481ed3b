// Rule files and language files: from YAML text (I/O is the caller's) to validated rules.
// Every mistake becomes a FileProblem with the file, the place and the remedy; a broken rule
// never takes the others down with it.
import { pathToFileURL } from 'node:url';
import { RE2JS } from 're2js';
import ruleSchema from '../../rules/rule.schema.json';
import { checkPattern, guaranteedCaptures, listProblems, listsOf } from './pattern-checks';
import { PatternError } from './pattern-syntax';
import { readYaml } from './yaml-file';
import type { FileProblem, Severity, SourceFormat } from './types';

export interface PatternDef {
  phrase?: string;
  regex?: string;
  /**
   * The rewrite fix-all and --fix may apply unasked: it keeps the meaning and adds no fact.
   * Candidates in order; the first whose {slot?}s the config's placeholders all fill is used.
   */
  fix: string[];
  /** Rewrites that need the writer (a time to fill in, a new claim): offered, never applied unasked. */
  suggest: string[];
  /** Vetoes for this pattern only. */
  unless: string[];
  message?: string;
  /** Set on a team file's patterns added to a built-in rule: they keep the file's own severity. */
  severity?: Severity;
  /** The rule file the pattern is written in, when it is not the rule's own (an added pattern). */
  file?: string;
  /** Where the pattern is written (1-based), for messages about it. */
  line?: number;
  column?: number;
}

/** Where an example is written (1-based), so a failing example is reported at its place. */
interface At {
  /** Set when the example comes from a team file that adds to a built-in rule. */
  file?: string;
  line?: number;
  column?: number;
}

export interface RuleExamples {
  bad: Array<{ text: string; fixed?: string; format?: SourceFormat } & At>;
  good: Array<{ text: string; format?: SourceFormat } & At>;
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
  /**
   * Required keys the file leaves out. Fine for a team file with a built-in rule's id, which adds
   * to that rule (RuleSet.build fills them from it); any other rule file with one is a problem.
   */
  missing: string[];
}

/** Keys a rule that is not added to a built-in one must have. */
export const REQUIRED_KEYS = ['severity', 'principle', 'message', 'why', 'patterns', 'examples'] as const;

interface RuleYaml {
  severity?: Severity;
  principle?: string;
  source?: string;
  message?: string;
  why?: string;
  url?: string;
  lang?: string;
  replace?: boolean;
  patterns?: Array<{
    phrase?: string;
    regex?: string;
    fix?: string | string[];
    suggest?: string[];
    unless?: string[];
    message?: string;
  }>;
  unless?: string[];
  lists?: Record<string, string[]>;
  examples?: {
    bad: Array<{ text: string; fixed?: string; format?: SourceFormat }>;
    good: Array<string | { text: string; format?: SourceFormat }>;
  };
}

export const DOCS_URL = 'https://github.com/warmly-dev/warmly/blob/main/docs/rules.md';

/** Captures a message or rewrite uses: {name}, but not the {{ }} of a template placeholder. */
export const TEMPLATE_REF = /(?<!\{)\{([A-Za-z][\w-]*)\}(?!\})/g;
/** A slot in a rewrite for what only the writer knows: {time?}. */
export const SLOT_REF = /(?<!\{)\{([A-Za-z][\w-]*)\?\}(?!\})/g;

export function ruleIdFromPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, '');
}

export function parseRuleFile(input: {
  file: string;
  text: string;
  language?: string;
  builtin?: boolean;
  knownLists?: Iterable<string>;
}): { rule?: Rule; problems: FileProblem[] } {
  const { file, text } = input;
  const id = ruleIdFromPath(file);
  const parsed = readYaml<RuleYaml>(file, text, ruleSchema);
  const problems = [...parsed.problems];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `the file name "${id}" is the rule id, and ids are lower-case words joined by "-" — rename the file (e.g. not-my-table.yaml)`,
    });
  }
  const data = parsed.data;
  if (!data) return { problems };
  const missing = REQUIRED_KEYS.filter((k) => data[k] === undefined);
  const y = { ...data, patterns: data.patterns ?? [], examples: data.examples ?? { bad: [], good: [] } };
  const language = y.lang?.toLowerCase() ?? input.language;
  if (!language) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: 'the rule has no language — put the file in a folder named after it (rules/sv/…) or add "lang: sv"',
    });
    return { problems };
  }
  const lists = y.lists ?? {};
  const known = new Set([...Object.keys(lists), ...(input.knownLists ?? [])]);
  checkPatterns(y, { file, known, locate: parsed.locate, problems });
  problems.push(...listProblems(y.lists, (path, inner) => ({ file, ...parsed.locate(path, inner) })));
  if (problems.length > 0) return { problems };
  return {
    rule: ruleFrom(y, { id, language, file, lists, builtin: input.builtin ?? false, missing, locate: parsed.locate }),
    problems,
  };
}

type Locate = (path: Array<string | number>, inner?: number) => { line: number; column: number };

type CheckedYaml = RuleYaml & {
  patterns: NonNullable<RuleYaml['patterns']>;
  examples: NonNullable<RuleYaml['examples']>;
};

// Every phrase and veto parses, names only known lists, and every capture a message or rewrite
// uses is on every phrasing of its pattern.
function checkPatterns(
  y: CheckedYaml,
  ctx: { file: string; known: Set<string>; locate: Locate; problems: FileProblem[] },
): void {
  const { file, known, problems } = ctx;
  const where = (path: Array<string | number>, inner?: number) => ({ file, ...ctx.locate(path, inner) });
  // A phrase (or veto) that parses, refers only to known lists, and is not too large.
  const checkPhrase = (source: string, path: Array<string | number>): Set<string> | undefined => {
    try {
      const nodes = checkPattern(source);
      for (const name of listsOf(nodes)) {
        if (known.has(name)) continue;
        problems.push({
          ...where(path, Math.max(0, source.indexOf(name))),
          message: `the list "${name}" is not defined — add it under "lists:" in this file, in the language's _language.yaml or in .warmlyrc.yaml`,
        });
      }
      return guaranteedCaptures(nodes);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      problems.push({ ...where(path, e.index), message: e.message });
      return undefined;
    }
  };
  y.patterns.forEach((p, i) => {
    let captured: Set<string> | undefined;
    if (p.phrase !== undefined) captured = checkPhrase(p.phrase, ['patterns', i, 'phrase']);
    else if (p.regex !== undefined) {
      const checked = checkRegex(p.regex);
      if (typeof checked === 'string') problems.push({ ...where(['patterns', i, 'regex']), message: checked });
      else captured = new Set(checked);
    }
    (p.unless ?? []).forEach((u, j) => checkPhrase(u, ['patterns', i, 'unless', j]));
    if (!captured) return;
    const texts: Array<[string, Array<string | number>]> = [
      [p.message ?? y.message ?? '', p.message ? ['patterns', i, 'message'] : ['message']],
    ];
    fixesOf(p.fix).forEach((s, j) =>
      texts.push([s, typeof p.fix === 'string' ? ['patterns', i, 'fix'] : ['patterns', i, 'fix', j]]),
    );
    (p.suggest ?? []).forEach((s, j) => texts.push([s, ['patterns', i, 'suggest', j]]));
    for (const [t, path] of texts) {
      for (const m of t.matchAll(TEMPLATE_REF)) {
        if (m[1] === 'match' || captured.has(m[1])) continue;
        problems.push({
          ...where(path),
          message: `{${m[1]}} is not captured by every phrasing of pattern ${i + 1} — add {${m[1]}} to the pattern, or write the text without it`,
        });
      }
    }
  });
  (y.unless ?? []).forEach((u, j) => checkPhrase(u, ['unless', j]));
}

function ruleFrom(
  y: CheckedYaml,
  ctx: {
    id: string;
    language: string;
    file: string;
    lists: Record<string, string[]>;
    builtin: boolean;
    missing: string[];
    locate: Locate;
  },
): Rule {
  const { id, language, file, lists, builtin, missing, locate } = ctx;
  return {
    id,
    language,
    severity: y.severity ?? 'warning',
    principle: y.principle ?? '',
    source: y.source ?? '',
    message: y.message ?? '',
    why: y.why ?? '',
    // A team's own rule is documented by its file; the built-in docs have no section for it.
    url: y.url ?? (builtin ? `${DOCS_URL}#${id}` : pathToFileURL(file).href),
    replace: y.replace ?? false,
    patterns: y.patterns.map((p, i) => ({
      phrase: p.phrase,
      regex: p.regex,
      fix: fixesOf(p.fix),
      suggest: p.suggest ?? [],
      unless: p.unless ?? [],
      message: p.message,
      ...locate(['patterns', i, p.phrase !== undefined ? 'phrase' : 'regex']),
    })),
    unless: y.unless ?? [],
    lists,
    examples: {
      bad: y.examples.bad.map((b, i) => ({ ...b, ...locate(['examples', 'bad', i, 'text']) })),
      good: y.examples.good.map((g, i) => ({
        ...(typeof g === 'string' ? { text: g } : g),
        ...locate(typeof g === 'string' ? ['examples', 'good', i] : ['examples', 'good', i, 'text']),
      })),
    },
    file,
    builtin,
    missing,
  };
}

function fixesOf(fix: string | string[] | undefined): string[] {
  return fix === undefined ? [] : typeof fix === 'string' ? [fix] : fix;
}

/**
 * A user regex runs inside the editor on every keystroke, so it must run in linear time:
 * it is compiled with RE2's engine (re2js), which has no backtracking and refuses
 * backreferences and look-around. Returns the named groups, or why it was refused.
 */
export function checkRegex(source: string): string[] | string {
  try {
    const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    if (re.matcher('').find())
      return 'the regex matches empty text, so it would flag every position — make at least one part required';
    // A regex that fires on most words of a plain, warm sentence would flag everything.
    const ordinary = re.matcher('Thank you for your message, we will look into it today and write back.');
    let hits = 0;
    // An empty match anywhere (^\b, \b|x, a*) ends the search there, so the rest never fires.
    while (ordinary.find()) {
      if (ordinary.end() === ordinary.start())
        return 'the regex can match empty text (an anchor or \\b alone, or a part that may be empty), which stops the search there — make every alternative match at least one character';
      hits++;
    }
    if (hits >= 4)
      return 'the regex matches ordinary text almost everywhere (it fires on most words of a plain sentence) — make it specific to the phrase you mean';
    return Object.keys(re.namedGroups());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return `the regex cannot be used: ${why} — Warmly runs regexes in linear time (RE2), so backreferences and look-around are not available; use a phrase, or rewrite the regex without them`;
  }
}

export { parseLanguageFile } from './language-file';
