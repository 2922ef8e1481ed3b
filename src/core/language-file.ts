// rules/<lang>/_language.yaml: how a language splits sentences, what may open or end a capture,
// how its words inflect and fold, and the word classes its rules share. Not a rule itself.
import languageSchema from '../../rules/language.schema.json';
import type { LanguageInfo } from './language';
import { checkPattern } from './pattern-checks';
import { PatternError } from './pattern-syntax';
import { readYaml } from './yaml-file';
import type { FileProblem } from './types';

interface LanguageYaml {
  name: string;
  parser: LanguageInfo['parser'];
  stemmer?: string;
  fold?: Record<string, string>;
  determiners: string[];
  'function-words': string[];
  detect: string[];
  letters?: string;
  lists?: Record<string, string[]>;
  dangling?: string[];
  'clause-openers'?: string[];
  abbreviations?: string[];
  spellings?: Record<string, string>;
  facts?: string[];
}

export function parseLanguageFile(input: { file: string; text: string; code: string }): {
  language?: LanguageInfo;
  problems: FileProblem[];
} {
  const parsed = readYaml<LanguageYaml>(input.file, input.text, languageSchema);
  const y = parsed.data;
  if (!y) return { problems: parsed.problems };
  const problems = [...parsed.problems];
  // Each entry of a shared list is a small phrase of its own (words, word~, word*, [a|b]).
  for (const [name, entries] of Object.entries(y.lists ?? {})) {
    entries.forEach((entry, j) => {
      if (/^\s*(\{\{[\s\S]*\}\}|\{%[\s\S]*%\}|\[%[\s\S]*%\])\s*$/.test(entry)) return;
      try {
        checkPattern(entry);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problems.push({ file: input.file, ...parsed.locate(['lists', name, j], e.index), message: e.message });
      }
    });
  }
  if (problems.length > 0) return { problems };
  return {
    language: {
      code: input.code,
      name: y.name,
      parser: y.parser,
      stemmer: y.stemmer,
      fold: y.fold,
      determiners: y.determiners,
      functionWords: y['function-words'],
      detect: y.detect,
      letters: y.letters ?? '',
      lists: y.lists ?? {},
      dangling: y.dangling ?? [],
      clauseOpeners: y['clause-openers'] ?? [],
      abbreviations: y.abbreviations ?? [],
      spellings: y.spellings ?? {},
      facts: y.facts ?? [],
      file: input.file,
    },
    problems,
  };
}
