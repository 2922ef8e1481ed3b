// The engine a front end holds: built-in rules, the config that applies to each file, the
// user's rule files, and the caches that make the second document cheap. A front end asks it
// for one thing per document: open() (or openExport() for a helpdesk export), which resolves
// the document's settings once and hands back the run every later question is put to.
import * as path from 'node:path';
import { findConfig, loadConfig, settingsFor, type ResolvedConfig } from './config';
import { ChunkMemo } from './chunk-memo';
import { DocumentRun, type EngineCounts, type OpenOptions, type Resolution } from './document-run';
import { ExportRun, type OpenExportOptions } from './helpdesk/export-run';
import { canonicalLanguage } from './language';
import { readRules, type LoadedRules } from './read-rules';
import { RuleSet } from './rule-set';
import { readSnapshot } from './snapshot';
import { unknownRuleIds } from './rule-ids';
import type { Rule } from './rules';
import type { FileProblem, Severity } from './types';

export interface UserSettings {
  /** 'auto' or a language code. */
  language?: string;
  disable?: string[];
  severity?: Record<string, Severity | 'off'>;
  /** Extra rule files or folders (absolute paths). */
  rules?: string[];
  /** An explicit config file, instead of searching upward from each file. */
  config?: string;
  /** Search for .warmlyrc.yaml at all (the CLI's --no-config turns it off). */
  useConfigFiles?: boolean;
}

export interface EngineOptions {
  builtinRulesDir: string;
  /** A snapshot of the built-in rules written at build time (dist/rules.snapshot.json); used when it matches. */
  builtinSnapshot?: string;
  /** False in an untrusted workspace: nothing but the built-in rules is read. */
  trusted?: boolean;
  settings?: UserSettings;
  /**
   * For editors, which lint the same document after every change: keep each paragraph's tokens
   * and matches (chunk-memo.ts), so a change re-reads only the paragraph it touched.
   */
  incremental?: boolean;
}

export class Engine {
  /** How often each expensive step ran (see EngineCounts). */
  readonly counts: EngineCounts = { resolve: 0, lint: 0, detect: 0 };
  private builtin?: LoadedRules;
  private readonly configs = new Map<string, ResolvedConfig | null>();
  private readonly configForDir = new Map<string, string | null>();
  private readonly ruleSets = new Map<string, { ruleSet: RuleSet; problems: FileProblem[] }>();
  // Survives reload(): a rule file broken mid-edit keeps its last good version working.
  private readonly lastGood = new Map<string, Rule>();
  private settings: UserSettings;
  private readonly trusted: boolean;
  /** Paragraph memo shared by every document this engine opens (only with `incremental`). */
  readonly memo?: ChunkMemo;

  constructor(private readonly options: EngineOptions) {
    this.settings = options.settings ?? {};
    this.trusted = options.trusted ?? true;
    this.memo = options.incremental ? new ChunkMemo() : undefined;
  }

  /** Forget cached configs and rule sets (a watched file or a setting changed). */
  reload(settings?: UserSettings): void {
    if (settings) this.settings = settings;
    this.configs.clear();
    this.configForDir.clear();
    this.ruleSets.clear();
  }

  /** One document: its settings resolved now, its findings and fixes computed when asked. */
  open(options: OpenOptions): DocumentRun {
    const resolution = this.resolve(options.fileName, options.dir);
    const language = options.language && options.language !== 'auto' ? options.language : undefined;
    const { text, fileName, format } = options;
    return new DocumentRun(resolution, text, fileName, format, language, this.counts, this.memo);
  }

  /** One helpdesk export: detected once, each reply a DocumentRun under the export's own settings. */
  openExport(options: OpenExportOptions): ExportRun {
    const resolution = this.resolve(options.fileName);
    return new ExportRun(resolution, options, this.counts, this.memo);
  }

  /** The config that governs a file (or, with no file, a folder), or undefined (none found, or untrusted). */
  configFor(fileName: string | undefined, dir?: string): ResolvedConfig | undefined {
    if (!this.trusted || this.settings.useConfigFiles === false) return undefined;
    let file: string | undefined | null = this.settings.config ? path.resolve(this.settings.config) : undefined;
    const from = fileName ? path.dirname(path.resolve(fileName)) : dir && path.resolve(dir);
    if (!file && from) {
      file = this.configForDir.get(from);
      if (file === undefined) {
        file = findConfig(from) ?? null;
        this.configForDir.set(from, file);
      }
    }
    if (!file) return undefined;
    let config = this.configs.get(file);
    if (config === undefined) {
      config = loadConfig(file);
      this.configs.set(file, config);
    }
    return config ?? undefined;
  }

  private builtins(): LoadedRules {
    const { builtinRulesDir: dir, builtinSnapshot: snapshot } = this.options;
    this.builtin ??= (snapshot && readSnapshot(dir, snapshot)) || readRules([dir], { builtin: true });
    return this.builtin;
  }

  private resolve(fileName: string | undefined, dir?: string): Resolution {
    this.counts.resolve++;
    const config = this.configFor(fileName, dir);
    const fromConfig = config && settingsFor(config, fileName && path.resolve(fileName));
    const entry = this.ruleSetFor(config);
    const problems = [...(config?.problems ?? []), ...entry.problems];
    const configured = fromConfig?.language;
    const known = entry.ruleSet.languages;
    if (config && configured && configured !== 'auto' && !canonicalLanguage(configured, known.keys())) {
      const message = `language "${configured}" has no rules — use auto or one of ${[...known.keys()].join(', ')}`;
      problems.push({ file: config.file, line: 1, column: 1, message });
    }
    if (config) problems.push(...unknownRuleIds(config, entry.ruleSet));
    const explicit = this.settings.language && this.settings.language !== 'auto' ? this.settings.language : undefined;
    return {
      ruleSet: entry.ruleSet,
      language: explicit ?? (configured !== 'auto' ? configured : undefined),
      settings: {
        disable: [...(fromConfig?.disable ?? []), ...(this.settings.disable ?? [])],
        severity: { ...(fromConfig?.severity ?? {}), ...(this.settings.severity ?? {}) },
        lists: config?.lists ?? {},
        placeholders: fromConfig?.placeholders ?? {},
      },
      ignored: fromConfig?.ignored ?? false,
      problems,
    };
  }

  // Rule sets are shared by every document whose config reads the same rule files.
  private ruleSetFor(config: ResolvedConfig | undefined): { ruleSet: RuleSet; problems: FileProblem[] } {
    const userRules = this.trusted
      ? [...new Set([...(config?.rules ?? []), ...(this.settings.rules ?? [])].map((r) => path.resolve(r)))]
      : [];
    const builtins = config ? config.builtins : true;
    const lists = config?.lists ?? {};
    const key = JSON.stringify([builtins, userRules, Object.keys(lists)]);
    let entry = this.ruleSets.get(key);
    if (!entry) {
      const base = this.builtins();
      const user =
        userRules.length > 0
          ? readRules(userRules, {
              knownLanguages: base.languages.map((l) => l.code),
              knownLists: Object.keys(lists),
              lastGood: this.lastGood,
            })
          : { languages: [], rules: [], problems: [] };
      const languages = [
        ...base.languages,
        ...user.languages.filter((l) => !base.languages.some((b) => b.code === l.code)),
      ];
      const ruleSet = RuleSet.build(languages, builtins ? base.rules : [], user.rules);
      entry = { ruleSet, problems: [...base.problems, ...user.problems, ...ruleSet.problems] };
      this.ruleSets.set(key, entry);
    }
    return entry;
  }
}
