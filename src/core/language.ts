// Which language a document is in: an explicit setting, then the file-name or folder
// convention (reply.sv.md, sv/reply.md), then front matter, then detection from the words.
// Detection scores each language by its own common words (from rules/<lang>/_language.yaml),
// so adding a language folder teaches detection too.
import { LANGUAGE_ALIASES as ALIASES } from './languages';
import { normaliseToken } from './pattern-syntax';
import type { TrigramModel } from './trigrams';

export type LanguageSource = 'option' | 'file-name' | 'front-matter' | 'detected' | 'default';

export interface LanguageInfo {
  code: string;
  name: string;
  parser: 'english' | 'dutch' | 'latin';
  determiners: string[];
  functionWords: string[];
  /** Common words that tell this language apart, for detection. */
  detect: string[];
  /** Letters typical of the language (å, ș …), a small extra hint for detection. */
  letters: string;
  /** Snowball stemmer for `word~` patterns (see stemmers.ts). */
  stemmer?: string;
  /** Letters folded on both sides of a match, for writers who leave diacritics out (ă → a). */
  fold?: Record<string, string>;
  /** Whole words read as another on both sides (cant → can't), after the letters are folded. */
  spellings?: Record<string, string>;
  /** Word classes every rule of the language may use as @name or {capture:name}. */
  lists?: Record<string, string[]>;
  /** Words a sentence cannot end on: a deletion that leaves one last is not a safe fix. */
  dangling?: string[];
  /** Abbreviations whose full stop ends no sentence before a number or a small letter (kl. 12). */
  abbreviations?: string[];
  /** Words that open a clause (that): deleted words ending on one between two commas were no aside. */
  clauseOpeners?: string[];
  /** Words that state a fact (times, days, amounts): a fix may not add one the text lacks. */
  facts?: string[];
  file?: string;
}

/** Maps "no", "sv-SE" and friends onto the code a rule folder uses; undefined when unknown. */
export function canonicalLanguage(code: string | undefined, known: Iterable<string>): string | undefined {
  if (!code) return undefined;
  const lower = code.toLowerCase().replace('_', '-');
  const set = new Set(known);
  if (set.has(lower)) return lower;
  const alias = ALIASES[lower];
  if (alias && set.has(alias)) return alias;
  const base = lower.split('-')[0];
  if (set.has(base)) return base;
  const baseAlias = ALIASES[base];
  return baseAlias && set.has(baseAlias) ? baseAlias : undefined;
}

/** `reply.sv.md` or `…/sv/reply.md` (the nearest folder named after a language wins). */
export function languageFromPath(fileName: string | undefined, known: Iterable<string>): string | undefined {
  if (!fileName) return undefined;
  const parts = fileName.split(/[\\/]/);
  const base = parts[parts.length - 1];
  const dotted = base.split('.');
  if (dotted.length >= 3) {
    const code = canonicalLanguage(dotted[dotted.length - 2], known);
    if (code) return code;
  }
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i].length < 2 || parts[i].length > 5) continue;
    const code = canonicalLanguage(parts[i], known);
    if (code) return code;
  }
  return undefined;
}

export interface Detection {
  code: string | undefined;
  scores: Record<string, number>;
}

/** Enough words to tell five languages apart; reading a whole 2,000-word reply adds nothing. */
const DETECT_WORDS = 300;
/** How much one detect-list word weighs against the trigrams' log-likelihood (tuned on our batches). */
const WORD_WEIGHT = 2;
/** Letters a text needs before its trigrams alone may name its language. */
const MIN_LETTERS = 12;

export class Detector {
  private readonly weights = new Map<string, Array<[string, number]>>();
  /** Letter → the languages it hints at. */
  private readonly letters = new Map<string, string[]>();
  private readonly hinted: RegExp;

  constructor(
    private readonly languages: LanguageInfo[],
    private readonly trigrams?: TrigramModel,
  ) {
    // A word common to several languages ("in", "de", "er") is weaker evidence for each.
    const owners = new Map<string, string[]>();
    for (const lang of languages)
      for (const w of new Set(lang.detect.map(normaliseToken))) owners.set(w, [...(owners.get(w) ?? []), lang.code]);
    for (const [w, codes] of owners)
      this.weights.set(
        w,
        codes.map((c) => [c, 1 / codes.length]),
      );
    for (const lang of languages)
      for (const ch of new Set(lang.letters.toLowerCase()))
        this.letters.set(ch, [...(this.letters.get(ch) ?? []), lang.code]);
    const escaped = [...this.letters.keys()].map((c) => c.replace(/[\\^\]-]/g, '\\$&')).join('');
    this.hinted = new RegExp(escaped ? `[${escaped}]` : '(?!)', 'gu');
  }

  detect(text: string): Detection {
    const scores: Record<string, number> = Object.fromEntries(this.languages.map((l) => [l.code, 0]));
    const re = /[\p{L}'’]+/gu;
    const folded = text.normalize('NFC').toLowerCase();
    let words = 0;
    let end = folded.length;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (words === DETECT_WORDS) {
        end = m.index;
        break;
      }
      words++;
      const w = this.weights.get(normaliseToken(m[0]));
      if (w) for (const [code, weight] of w) scores[code] += weight;
      this.hinted.lastIndex = 0;
      for (let h = this.hinted.exec(m[0]); h; h = this.hinted.exec(m[0]))
        for (const code of this.letters.get(h[0]) ?? []) scores[code] += 0.5;
    }
    let best: string | undefined;
    let top = 0;
    for (const [code, score] of Object.entries(scores)) {
      if (score > top) {
        top = score;
        best = code;
      }
    }
    // Without a common word, letters alone decide only when there are enough of them.
    const letters = (folded.slice(0, end).match(/\p{L}/gu) ?? []).length;
    if (!this.trigrams || (top === 0 && letters < MIN_LETTERS)) return { code: top > 0 ? best : undefined, scores };
    // With word evidence, letter trigrams decide, the words weighing in (each word counts two
    // nats): short replies of shared words ("din", "de") are where the trigrams tell languages apart.
    const likelihood = this.trigrams.scores(folded.slice(0, end));
    let bestCombined = -Infinity;
    for (const lang of this.languages) {
      const l = likelihood.get(lang.code);
      if (l === undefined) continue;
      const combined = l + WORD_WEIGHT * scores[lang.code];
      if (combined > bestCombined) {
        bestCombined = combined;
        best = lang.code;
      }
    }
    return { code: best, scores };
  }
}
