// lint(text, options): one text through the pipeline (src/core/README.md): source → prose →
// tokens → one matcher pass → findings with exact ranges and their rewrites. Front ends reach it
// through engine.open() (document-run.ts), which hands it the settings resolved once.
import { extractProse, formatForFile } from './extract-prose';
import { canonicalLanguage, languageFromPath, type LanguageInfo, type LanguageSource } from './language';
import { LineIndex } from './positions';
import { fill } from './rewrite';
import { rewritesFor } from './rewrites';
import type { PatternDef } from './rules';
import type { CompiledLanguage, RuleSet, RuleSettings } from './rule-set';
import { applyDirectives } from './apply-directives';
import type { ChunkMemo } from './chunk-memo';
import { chunkTokens, firstEndingAfter, placeholdersIn, proseChunks, type Token } from './tokenize';
import type { Finding, Severity, SourceFormat } from './types';

export interface LintOptions {
  ruleSet: RuleSet;
  fileName?: string;
  /** 'auto' or undefined to resolve it from the file name, front matter or the words. */
  language?: string;
  /** Used when nothing else tells the language. */
  defaultLanguage?: string;
  format?: SourceFormat;
  settings?: RuleSettings;
  /** Keeps each paragraph's tokens and matches for the next lint of the same words (editors). */
  memo?: ChunkMemo;
}

export interface LintResult {
  language: string;
  languageSource: LanguageSource;
  findings: Finding[];
}

export { COMMENT_RULE } from './apply-directives';

export function lint(text: string, options: LintOptions): LintResult {
  const { ruleSet } = options;
  const format = options.format ?? formatForFile(options.fileName);
  const extracted = extractProse(text, format);
  const { language, languageSource } = resolveLanguage(extracted.prose, extracted.frontMatterLang, options);
  const compiled = ruleSet.compiled(language, options.settings);
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const { dangling, clauseOpeners } = wordSets(compiled?.info);
  const placeholders = options.settings?.placeholders ?? {};
  const at: Where = {
    text,
    lines,
    language,
    prose: extracted.prose,
    html: format === 'html',
    dangling,
    clauseOpeners,
    placeholders,
    slots: extracted.placeholders,
  };
  if (compiled && compiled.rules.length > 0) {
    phraseFindings(at, compiled, extracted.placeholders, options.memo, findings);
    regexFindings(at, compiled, findings);
  }
  const kept = applyDirectives(findings, extracted.directives, lines, ruleSet.ruleIds(), text, language);
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { language, languageSource, findings: kept };
}

// The phrase patterns, one paragraph at a time (each from the memo when an editor keeps one).
function phraseFindings(
  at: Where,
  compiled: CompiledLanguage,
  documentSlots: Array<[number, number]>,
  memo: ChunkMemo | undefined,
  findings: Finding[],
): void {
  const { matcher, info } = compiled;
  const { prose, text } = at;
  const { abbreviations } = wordSets(info);
  for (const [from, to] of proseChunks(prose)) {
    const chunk = prose.slice(from, to);
    if (!/\S/.test(chunk) || !matcher.mayMatch(chunk)) continue;
    const slots = placeholdersIn(documentSlots, from, to);
    const read = () => {
      const tokens = chunkTokens(chunk, slots, info.parser, abbreviations);
      return { tokens, matches: tokens.length > 0 ? matcher.match(tokens) : [] };
    };
    const { tokens, matches } = memo ? memo.get(matcher, chunkKey(chunk, slots), read) : read();
    const slice = (range: [number, number]) =>
      text.slice(from + tokens[range[0]].start, from + tokens[range[1] - 1].end);
    for (const m of matches) {
      const rule = compiled.rules[m.rule];
      const pattern = rule.patterns[compiled.phrasePatterns[m.rule][m.phrase]];
      const captures: Record<string, string> = {};
      for (const [name, range] of Object.entries(m.captures)) captures[name] = slice(range);
      const start = from + tokens[m.from].start;
      const end = from + tokens[m.to - 1].end;
      findings.push(
        makeFinding(at, rule, pattern, pattern.phrase ?? '', captures, start, end, isSentenceStart(tokens, m.from)),
      );
    }
  }
}

// The `regex:` patterns, over the whole prose.
function regexFindings(at: Where, compiled: CompiledLanguage, findings: Finding[]): void {
  for (const { rule: r, pattern: p, re } of compiled.regexes) {
    const rule = compiled.rules[r];
    const pattern = rule.patterns[p];
    const names = Object.keys(re.namedGroups());
    const matcher = re.matcher(at.prose);
    while (matcher.find()) {
      const start = matcher.start();
      const end = matcher.end();
      if (end <= start) break;
      const captures: Record<string, string> = {};
      for (const name of names) {
        const s = matcher.start(name);
        if (s >= 0) captures[name] = at.text.slice(s, matcher.end(name));
      }
      const sentenceStart = /(^|[.!?]\s+|\n\s*\n\s*)$/.test(at.prose.slice(Math.max(0, start - 4), start));
      findings.push(makeFinding(at, rule, pattern, `regex: ${pattern.regex}`, captures, start, end, sentenceStart));
    }
  }
}

function resolveLanguage(
  prose: string,
  frontMatter: string | undefined,
  options: LintOptions,
): { language: string; languageSource: LanguageSource } {
  const known = [...options.ruleSet.languages.keys()];
  const explicit =
    options.language && options.language !== 'auto' ? canonicalLanguage(options.language, known) : undefined;
  if (explicit) return { language: explicit, languageSource: 'option' };
  const fromPath = languageFromPath(options.fileName, known);
  if (fromPath) return { language: fromPath, languageSource: 'file-name' };
  const fromFrontMatter = canonicalLanguage(frontMatter, known);
  if (fromFrontMatter) return { language: fromFrontMatter, languageSource: 'front-matter' };
  const detected = options.ruleSet.detector.detect(prose).code;
  if (detected) return { language: detected, languageSource: 'detected' };
  const fallback =
    canonicalLanguage(options.defaultLanguage, known) ?? (known.includes('en') ? 'en' : (known[0] ?? 'en'));
  return { language: fallback, languageSource: 'default' };
}

type WordSets = Record<'dangling' | 'clauseOpeners' | 'abbreviations', Set<string>>;
const wordSetsOf = new WeakMap<LanguageInfo, WordSets>();
const NO_WORD_SETS: WordSets = { dangling: new Set(), clauseOpeners: new Set(), abbreviations: new Set() };

// The language's word lists as lower-case sets, made once per language, not on every lint.
function wordSets(info: LanguageInfo | undefined): WordSets {
  if (!info) return NO_WORD_SETS;
  let sets = wordSetsOf.get(info);
  if (!sets) {
    const lower = (words: string[] | undefined) => new Set((words ?? []).map((w) => w.toLowerCase()));
    sets = {
      dangling: lower(info.dangling),
      clauseOpeners: lower(info.clauseOpeners),
      abbreviations: lower(info.abbreviations),
    };
    wordSetsOf.set(info, sets);
  }
  return sets;
}

// A paragraph's words and which of them are the document's placeholders: all its matches depend on.
function chunkKey(chunk: string, slots: Array<[number, number]>): string {
  return slots.length === 0 ? chunk : `${chunk}\u0000${slots.join(';')}`;
}

// Only placeholders before it ("@handle Sorry for…", "{{ name }} Sorry…") still leave a word
// the first of its sentence, so a rewrite there keeps the capital the writer gave it.
function isSentenceStart(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && tokens[k].sentence === tokens[i].sentence; k--)
    if (!tokens[k].placeholder) return false;
  return true;
}

interface Where {
  text: string;
  lines: LineIndex;
  language: string;
  prose: string;
  html: boolean;
  dangling: Set<string>;
  clauseOpeners: Set<string>;
  placeholders: Record<string, string>;
  /** Where the document's own placeholders are ({{ name }}): a rewrite must carry each one it covers. */
  slots: Array<[number, number]>;
}

type RuleInfo = {
  id: string;
  severity: Severity;
  message: string;
  principle: string;
  why: string;
  source: string;
  url: string;
  file?: string;
};

function makeFinding(
  at: Where,
  rule: RuleInfo,
  def: PatternDef,
  pattern: string,
  captures: Record<string, string>,
  start: number,
  end: number,
  sentenceStart: boolean,
): Finding {
  const { text, prose } = at;
  const actual = text.slice(start, end);
  const ctx = { source: text, start, end, sentenceStart, prose, html: at.html, clauseOpeners: at.clauseOpeners };
  return {
    ruleId: rule.id,
    severity: def.severity ?? rule.severity,
    message: fill(def.message ?? rule.message, captures, actual),
    principle: rule.principle,
    why: rule.why,
    source: rule.source,
    url: rule.url,
    language: at.language,
    actual,
    pattern,
    ...(rule.file && def.line
      ? { origin: { file: def.file ?? rule.file, line: def.line, column: def.column ?? 1 } }
      : {}),
    captures,
    ...at.lines.range(start, end),
    // Markup or code inside the matched words ("contact <b>the bank</b>") would be lost by a
    // rewrite of the whole span, so such a finding is reported without one.
    suggestions: hidesMarkup(text, prose, start, end)
      ? []
      : rewritesFor({
          fix: def.fix,
          suggest: def.suggest,
          captures,
          ctx,
          placeholders: at.placeholders,
          dangling: at.dangling,
        }).filter((s) => keepsPlaceholders(text, at.slots, s)),
  };
}

// A rewrite that would drop one of the document's placeholders ("[% name %]" matched by "_")
// would send the customer a broken template, so it is not offered.
function keepsPlaceholders(
  text: string,
  slots: Array<[number, number]>,
  s: { text: string; start: number; end: number },
): boolean {
  for (let k = firstEndingAfter(slots, s.start); k < slots.length && slots[k][0] < s.end; k++) {
    if (!s.text.includes(text.slice(slots[k][0], slots[k][1]))) return false;
  }
  return true;
}

function hidesMarkup(source: string, prose: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (prose[i] === ' ' && !/\s/.test(source[i])) return true;
  return false;
}
