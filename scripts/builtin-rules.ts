// The built-in rules straight from rules/, through the core alone (no Engine, no config), and the
// labelled sets they are measured on: what the rule scripts share, so they keep working while
// front ends change around them. A labelled line may carry only an id into ../shared/corpus (real
// replies labelled for us: their text stays out of the project), and its text is read from there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRules } from '../src/core/read-rules';
import { RuleSet } from '../src/core/rule-set';
import type { FileProblem } from '../src/core/types';

export const RULES_DIR = path.join(__dirname, '..', 'rules');

export function builtinRules(dir = RULES_DIR): { ruleSet: RuleSet; problems: FileProblem[] } {
  const loaded = readRules([dir], { builtin: true });
  return { ruleSet: RuleSet.build(loaded.languages, loaded.rules, []), problems: loaded.problems };
}

const ROOT = path.join(__dirname, '..');

/**
 * The labelled sets the rule scripts read by default: the shared dev sets (from ../shared at run
 * time; their text never enters the project) and every blind-written batch in test/batches.
 */
export function labelledSets(): string[] {
  const batches = path.join(ROOT, 'test', 'batches');
  return [
    ...['dev-en.jsonl', 'dev-nordic.jsonl'].map((f) => path.join(ROOT, '..', 'shared', 'labelled', f)),
    ...fs
      .readdirSync(batches)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => path.join(batches, f)),
  ].filter((f) => fs.existsSync(f));
}

export interface LabelledCase {
  id?: string;
  lang: string;
  expect: string[];
  text: string;
}

const corpusTexts = new Map<string, Map<string, string>>();

function corpusText(lang: string, id: string): string | undefined {
  let texts = corpusTexts.get(lang);
  if (!texts) {
    texts = new Map();
    const file = path.join(ROOT, '..', 'shared', 'corpus', `replies-${lang}.jsonl`);
    if (fs.existsSync(file))
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const row = JSON.parse(line) as { id: string; text: string };
        texts.set(row.id, row.text);
      }
    corpusTexts.set(lang, texts);
  }
  return texts.get(id);
}

/** The cases of a labelled JSON Lines file; a line without text takes its id's text from the corpus. */
export function readCases(file: string): LabelledCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const c = JSON.parse(l) as Omit<LabelledCase, 'text'> & { text?: string };
      const text = c.text ?? (c.id ? corpusText(c.lang, c.id) : undefined);
      if (text === undefined)
        throw new Error(`${file}: ${c.id ?? 'a line'} has no text and no reply of that id in ../shared/corpus`);
      return { ...c, text };
    });
}
