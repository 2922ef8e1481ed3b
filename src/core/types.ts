// The engine's public data shapes. Every front end (CLI, extension, reports) reads these and
// nothing else, so one id, one range and one list of suggestions travel everywhere.

export type Severity = 'error' | 'warning' | 'info';

/** Language codes Warmly ships rules for. `no` is accepted on input and mapped to `nb`. */
export type LanguageCode = string;

/** Source formats the prose extractor understands; each decides what is prose and what is not. */
export type SourceFormat = 'markdown' | 'html' | 'text' | 'template';

export interface Suggestion {
  /** The replacement for [start, end): what the source will read there once applied. */
  text: string;
  /** Offsets in the source (UTF-16 code units); usually the finding's own range. */
  start: number;
  end: number;
  /**
   * 'fix': keeps the meaning, adds no fact, leaves a sentence — fix-all, fix-on-save and --fix
   * apply it unasked. 'suggestion': needs the writer; offered, never applied unasked. Absent is
   * read as 'suggestion'.
   */
  kind?: 'fix' | 'suggestion';
  /** What applying it does, for a menu: "Replace with 'let me help'", "Remove 'kindly'". */
  title?: string;
  /** Slots the writer fills in ("time"); `text` shows each as [time]. */
  slots?: string[];
  /** `text` as a VS Code / LSP snippet, the slots as tab stops (only when there are slots). */
  snippet?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The service principle, one sentence. */
  principle: string;
  /** Why it matters to the customer, one or two sentences, in the rule's language. */
  why: string;
  /** Which seed text (and condition) the rule comes from, e.g. "004 #15". */
  source: string;
  /** Link to the rule's documentation. */
  url: string;
  language: LanguageCode;
  /** The matched source text, byte for byte. */
  actual: string;
  /** The pattern (as written in the rule file) that matched, or `regex:` + the expression. */
  pattern: string;
  /** Where that pattern is written: the rule file and the pattern's 1-based line and column. */
  origin?: { file: string; line: number; column: number };
  captures: Record<string, string>;
  /** Offsets into the source text, end exclusive. */
  start: number;
  end: number;
  /** 1-based line and column (UTF-16 code units, as VS Code counts), end exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions: Suggestion[];
}

/** A problem in a rule file or config file: always a file, a place and a remedy. */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}
