// One document's way through the engine: its settings resolved once (engine.open), then lint,
// fix and the suppression comment all read from that one resolution. Every front end (CLI,
// report, exports, explain, the extension) holds one of these per document and version, so
// none of them can assemble a document's decisions differently.
import { ChunkMemo } from './chunk-memo';
import { fixAll, type FixResult } from './fix';
import { fileType, type FileType } from './formats';
import { lint, type LintResult } from './lint';
import type { RuleSet, RuleSettings } from './rule-set';
import type { FileProblem, SourceFormat } from './types';

/** What engine.open() takes: the text, and what tells its format, language and config. */
export interface OpenOptions {
  text: string;
  /** The file's path; decides the config, `ignore:`, overrides, the format and the language convention. */
  fileName?: string;
  /** A file type id from formats.ts (or a SourceFormat); otherwise read from the file name's extension. */
  format?: string;
  /** An explicit language ('auto' or undefined: from settings, config, file name, front matter, the words). */
  language?: string;
  /** With no file name: the folder whose config applies (an unsaved document in a workspace). */
  dir?: string;
}

/** Everything the engine decides about a document before reading its words. */
export interface Resolution {
  ruleSet: RuleSet;
  /** The language settings or config name for it, if any. */
  language?: string;
  settings: RuleSettings;
  /** Excluded by the governing config's `ignore:`. */
  ignored: boolean;
  /** Problems in the config and rule files that govern it. */
  problems: FileProblem[];
}

/** How many times the expensive steps ran: the tests hold the front ends to "once per document". */
export interface EngineCounts {
  resolve: number;
  lint: number;
  detect: number;
}

export interface DocumentFix extends FixResult {
  language: string;
}

export class DocumentRun {
  readonly type: FileType | undefined;
  private linted?: LintResult;

  constructor(
    private readonly resolution: Resolution,
    readonly text: string,
    readonly fileName: string | undefined,
    format: string | undefined,
    private readonly language: string | undefined,
    private readonly counts: EngineCounts,
    /** The engine's paragraph memo when it serves an editor (EngineOptions.incremental). */
    private memo?: ChunkMemo,
  ) {
    this.type = fileType(format, fileName);
  }

  get ignored(): boolean {
    return this.resolution.ignored;
  }

  get problems(): FileProblem[] {
    return this.resolution.problems;
  }

  get ruleSet(): RuleSet {
    return this.resolution.ruleSet;
  }

  get settings(): RuleSettings {
    return this.resolution.settings;
  }

  get format(): SourceFormat {
    return this.type?.source ?? 'text';
  }

  /** The findings of the text; linted once, however often asked. */
  lint(): LintResult {
    this.linted ??= this.lintText(this.text, this.language);
    return this.linted;
  }

  /**
   * A later revision of this document (a round of --fix): same settings, and the language the
   * original text was read in, so a rewrite cannot flip detection.
   */
  lintRevision(text: string): LintResult {
    return text === this.text ? this.lint() : this.lintText(text, this.lint().language);
  }

  /** Applies every fix (or one rule's) until nothing fixable is left; lint() is its first round. */
  fix(options: { ruleId?: string } = {}): DocumentFix {
    const only = options.ruleId;
    // Each round of fixes changes a few paragraphs: the rest are read once, whoever asks.
    this.memo ??= new ChunkMemo();
    const result = fixAll(this.text, (t) => {
      const findings = this.lintRevision(t).findings;
      return only ? findings.filter((f) => f.ruleId === only) : findings;
    });
    return { ...result, language: this.lint().language };
  }

  /** The comment that silences one rule on the next line, in the file's own syntax; undefined where none is safe. */
  suppressionComment(ruleId: string): string | undefined {
    return this.type?.comment?.(`warmly-disable-next-line ${ruleId}`);
  }

  private lintText(text: string, language: string | undefined): LintResult {
    this.counts.lint++;
    return lint(text, {
      ruleSet: this.resolution.ruleSet,
      fileName: this.fileName,
      format: this.format,
      language: language ?? this.resolution.language,
      settings: this.resolution.settings,
      memo: this.memo,
    });
  }
}
