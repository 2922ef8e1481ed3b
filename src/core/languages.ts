// The one table of the languages Warmly ships rules for: code, name, and the other spellings
// accepted for each. The CLI's usage text, the extension's language picker, the docs generator
// and the tests read it; rules/<code>/_language.yaml describes how each is parsed and detected.

export interface BuiltinLanguage {
  code: string;
  /** The language's own name for itself, as pickers show it. */
  name: string;
  /** Other codes accepted for it, lower case (`no` → `nb`). */
  aliases: string[];
}

export const LANGUAGES: readonly BuiltinLanguage[] = [
  { code: 'en', name: 'English', aliases: ['en-us', 'en-gb', 'eng'] },
  { code: 'nl', name: 'Nederlands', aliases: ['nl-nl', 'nl-be', 'nld', 'dut'] },
  { code: 'sv', name: 'Svenska', aliases: ['sv-se', 'swe'] },
  { code: 'nb', name: 'Norsk bokmål', aliases: ['no', 'nob', 'nb-no', 'no-no'] },
  { code: 'ro', name: 'Română', aliases: ['ro-ro', 'ron', 'rum'] },
];

/** Alias → code, for every alias in the table. */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  LANGUAGES.flatMap((l) => l.aliases.map((a) => [a, l.code])),
);

export const LANGUAGE_CODES: readonly string[] = LANGUAGES.map((l) => l.code);

/** "en, nl, sv, nb (or no), ro": the list usage texts print. */
export function describeLanguageCodes(): string {
  return LANGUAGES.map((l) => (l.aliases.includes('no') ? `${l.code} (or no)` : l.code)).join(', ');
}
