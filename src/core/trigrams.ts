// Letter-trigram profiles for language detection, learnt from the rule files' own examples:
// every language folder carries hundreds of sentences in its language, so adding a language
// teaches detection without a word list or a model to download. On replies of one or two
// sentences trigrams tell Swedish from Norwegian and Dutch from English where common words
// alone cannot ("din", "de", "is" are shared).

/** Distinct trigrams a profile is smoothed over (an unseen trigram is rare, never impossible). */
const VOCABULARY = 30000;

function trigramsOf(text: string): string[] {
  const s = ` ${text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}']+/gu, ' ')
    .trim()} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return out;
}

export class TrigramModel {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();

  constructor(samples: Iterable<[language: string, text: string]>) {
    for (const [language, text] of samples) {
      let m = this.counts.get(language);
      if (!m) this.counts.set(language, (m = new Map()));
      const grams = trigramsOf(text);
      for (const g of grams) m.set(g, (m.get(g) ?? 0) + 1);
      this.totals.set(language, (this.totals.get(language) ?? 0) + grams.length);
    }
  }

  /** Log-likelihood of the text per language the model knows; empty for a text without letters. */
  scores(text: string): Map<string, number> {
    const out = new Map<string, number>();
    const grams = trigramsOf(text);
    if (grams.length === 0 || text.trim() === '') return out;
    for (const [language, m] of this.counts) {
      const denominator = Math.log((this.totals.get(language) ?? 0) + 0.5 * VOCABULARY);
      let s = 0;
      for (const g of grams) s += Math.log((m.get(g) ?? 0) + 0.5) - denominator;
      out.set(language, s);
    }
    return out;
  }
}
