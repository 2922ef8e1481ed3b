// Reading rule and language files from disk. This is the only part of the engine that touches
// the file system, and matching never calls it: rule sets are built once and cached.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalLanguage, type LanguageInfo } from './language';
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
export function readRules(paths: string[], options: { builtin?: boolean; knownLanguages?: string[]; knownLists?: string[]; languages?: LanguageInfo[]; lastGood?: Map<string, Rule> } = {}): LoadedRules {
  const out: LoadedRules = { languages: [], rules: [], problems: [] };
  const files: Array<{ file: string; lang?: string }> = [];
  const known = new Set(options.knownLanguages ?? []);
  const visit = (p: string, lang: string | undefined, depth: number) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      out.problems.push({ file: p, line: 1, column: 1, message: `cannot read the rule path: ${(e as NodeJS.ErrnoException).code ?? e} — check the path in "rules:" (it is relative to the config file)` });
      return;
    }
    if (stat.isDirectory()) {
      if (depth > 8) return;
      const entries = fs.readdirSync(p).sort();
      const langFile = entries.includes(LANGUAGE_FILE) ? path.join(p, LANGUAGE_FILE) : undefined;
      const name = path.basename(p).toLowerCase();
      const here = (langFile ? name : canonicalLanguage(name, known)) ?? lang;
      if (langFile) {
        const text = readText(langFile, out.problems);
        if (text !== undefined) {
          const { language, problems } = parseLanguageFile({ file: langFile, text, code: path.basename(p).toLowerCase() });
          out.problems.push(...problems);
          if (language) {
            out.languages.push(language);
            known.add(language.code);
          }
        }
      }
      for (const name of entries) {
        const child = path.join(p, name);
        if (name === LANGUAGE_FILE || name.startsWith('.')) continue;
        let childStat: fs.Stats;
        try {
          childStat = fs.statSync(child);
        } catch {
          continue;
        }
        if (childStat.isDirectory()) visit(child, here, depth + 1);
        else if (isRuleFile(name)) files.push({ file: child, lang: here });
      }
    } else {
      const parent = path.basename(path.dirname(p));
      files.push({ file: p, lang: canonicalLanguage(parent, known) ?? lang });
    }
  };
  for (const p of new Set(paths.map((x) => path.resolve(x)))) visit(p, undefined, 0);
  const unique = [...new Map(files.map((f) => [f.file, f])).values()];
  for (const { file, lang } of unique) {
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
      out.problems.push({ file, line: 1, column: 1, message: `rule "${usable.id}" (${usable.language}) is also defined in ${twin.file} — rename one of the files, or merge them` });
      continue;
    }
    out.rules.push(usable);
  }
  return out;
}

function readText(file: string, problems: FileProblem[]): string | undefined {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_RULE_FILE_BYTES) {
      problems.push({ file, line: 1, column: 1, message: `the file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_RULE_FILE_BYTES / 1048576} MB limit for rule files — split it into one file per rule` });
      return undefined;
    }
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    problems.push({ file, line: 1, column: 1, message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? e} — check that it exists and is readable` });
    return undefined;
  }
}
