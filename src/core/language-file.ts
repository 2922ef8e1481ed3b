// rules/<lang>/_language.yaml: how a language splits sentences, what may open or end a capture,
// how its words inflect and fold, and the word classes its rules share. Not a rule itself.
import languageSchema from '../../rules/language.schema.json';
import type { LanguageInfo } from './language';
import { listProblems } from './pattern-checks';
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
  problems.push(...listProblems(y.lists, (path, inner) => ({ file: input.file, ...parsed.locate(path, inner) })));
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
