// Reading rule and language files from disk. This is the only part of the engine that touches
// the file system, and matching never calls it: rule sets are built once and cached.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalLanguage, type LanguageInfo } from './language';
import { readBoundedText } from './read-bounded';
import { parseLanguageFile, parseRuleFile, type Rule } from './rules';
import type { FileProblem } from './types';

export interface LoadedRules {
  languages: LanguageInfo[];
  rules: Rule[];
  problems: FileProblem[];
}

export const LANGUAGE_FILE = '_language.yaml';
/** Rule files larger than this are refused: nobody writes 2 MB of phrases by hand. */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

export function isRuleFile(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('_') && !name.startsWith('.');
}

/**
 * Reads rule files and folders. A folder's sub-folders named after a language (sv/, nb/ …)
 * give their rules that language; a `_language.yaml` in one adds or describes a language.
 * `lastGood` keeps, per file, the last rule that loaded, so a file broken mid-edit keeps working.
 */
export function readRules(
  paths: string[],
  options: {
    builtin?: boolean;
    knownLanguages?: string[];
    knownLists?: string[];
    languages?: LanguageInfo[];
    lastGood?: Map<string, Rule>;
  } = {},
): LoadedRules {
  const out: LoadedRules = { languages: [], rules: [], problems: [] };
  for (const { file, lang } of ruleFilesUnder(paths, new Set(options.knownLanguages ?? []), out)) {
    const text = readText(file, out.problems);
    if (text === undefined) continue;
    // A rule may use its language's shared word classes (_language.yaml "lists:") as well as the team's.
    const info = [...out.languages, ...(options.languages ?? [])].find((l) => l.code === lang);
    const knownLists = [...(options.knownLists ?? []), ...Object.keys(info?.lists ?? {})];
    const { rule, problems } = parseRuleFile({ file, text, language: lang, builtin: options.builtin, knownLists });
    out.problems.push(...problems);
    const usable = rule ?? (problems.length > 0 ? options.lastGood?.get(file) : undefined);
    if (rule) options.lastGood?.set(file, rule);
    if (!usable) continue;
    // Two files of one rule pack claiming the same id and language would silently merge.
    const twin = out.rules.find((r) => r.id === usable.id && r.language === usable.language);
    if (twin) {
      out.problems.push({
        file,
        line: 1,
        column: 1,
        message: `rule "${usable.id}" (${usable.language}) is also defined in ${twin.file} — rename one of the files, or merge them`,
      });
      continue;
    }
    out.rules.push(usable);
  }
  return out;
}

/** How deep rule folders may nest under a path named in "rules:". */
const MAX_DEPTH = 8;

/**
 * The rule files under the given files and folders, each with the language its folder gives
 * it; `_language.yaml` files are read on the way (into `out`). Each folder and file is taken
 * once by its real path, so symbolic links that loop, or that reach one folder by many
 * routes, cost one visit each instead of a visit per route.
 */
function ruleFilesUnder(paths: string[], known: Set<string>, out: LoadedRules): Array<{ file: string; lang?: string }> {
  const files = new Map<string, { file: string; lang?: string }>();
  const seen = new Set<string>();
  const visit = (p: string, lang: string | undefined, depth: number, named: boolean) => {
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(p);
      real = fs.realpathSync(p);
    } catch (e) {
      if (named)
        out.problems.push({
          file: p,
          line: 1,
          column: 1,
          message:
            `cannot read the rule path: ${(e as NodeJS.ErrnoException).code ?? e}` +
            ' — check the path in "rules:" (it is relative to the config file)',
        });
      return;
    }
    if (!stat.isDirectory()) {
      if (!files.has(real))
        files.set(real, {
          file: p,
          lang: named ? (canonicalLanguage(path.basename(path.dirname(p)), known) ?? lang) : lang,
        });
      return;
    }
    if (depth > MAX_DEPTH || seen.has(real)) return;
    seen.add(real);
    const entries = fs.readdirSync(p).sort();
    const here = folderLanguage(p, entries, lang, known, out);
    for (const name of entries) {
      if (name === LANGUAGE_FILE || name.startsWith('.')) continue;
      const child = path.join(p, name);
      let isDir = false;
      try {
        isDir = fs.statSync(child).isDirectory();
      } catch {
        continue; // a dangling or looping link inside a rule folder is no rule file
      }
      if (isDir) visit(child, here, depth + 1, false);
      else if (isRuleFile(name)) visit(child, here, depth + 1, false);
    }
  };
  for (const p of new Set(paths.map((x) => path.resolve(x)))) visit(p, undefined, 0, true);
  return [...files.values()];
}

/** The language a folder gives its rules: its own _language.yaml, its name, or its parent's. */
function folderLanguage(
  dir: string,
  entries: string[],
  inherited: string | undefined,
  known: Set<string>,
  out: LoadedRules,
): string | undefined {
  const name = path.basename(dir).toLowerCase();
  if (!entries.includes(LANGUAGE_FILE)) return canonicalLanguage(name, known) ?? inherited;
  const langFile = path.join(dir, LANGUAGE_FILE);
  const text = readText(langFile, out.problems);
  if (text !== undefined) {
    const { language, problems } = parseLanguageFile({ file: langFile, text, code: name });
    out.problems.push(...problems);
    if (language) {
      out.languages.push(language);
      known.add(language.code);
    }
  }
  return name;
}

function readText(file: string, problems: FileProblem[]): string | undefined {
  const r = readBoundedText(file, MAX_RULE_FILE_BYTES);
  if (r.ok) return r.text;
  const message =
    r.code === 'EFBIG'
      ? `the file is ${((r.size ?? 0) / 1048576).toFixed(1)} MB, over the ${MAX_RULE_FILE_BYTES / 1048576} MB limit ` +
        'for rule files — split it into one file per rule'
      : `cannot read the file: ${r.reason} — a rule file must be a readable YAML file`;
  problems.push({ file, line: 1, column: 1, message });
  return undefined;
}
