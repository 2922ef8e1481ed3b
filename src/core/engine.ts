// The engine a front end holds: built-in rules, the config that applies to each file, the
// user's rule files, and the caches that make the second lint of anything cheap. The CLI and
// the extension both lint through this class, so they can never disagree.
import * as path from 'node:path';
import { findConfig, loadConfig, settingsFor, type ResolvedConfig } from './config';
import { formatForFile } from './extract-prose';
import { canonicalLanguage } from './language';
import { fixAll } from './fix';
import { lint, type LintResult } from './lint';
import { readRules, type LoadedRules } from './read-rules';
import { RuleSet, type RuleSettings } from './rule-set';
import { readSnapshot } from './snapshot';
import type { Rule } from './rules';
import type { FileProblem, Finding, Severity } from './types';

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
}

export interface FileLintResult extends LintResult {
  problems: FileProblem[];
}

interface Resolved {
  ruleSet: RuleSet;
  language?: string;
  disable: string[];
  severity: Record<string, Severity | 'off'>;
  lists: Record<string, string[]>;
  ignored: boolean;
  problems: FileProblem[];
  config?: ResolvedConfig;
}

export class Engine {
  private builtin?: LoadedRules;
  private readonly configs = new Map<string, ResolvedConfig | null>();
  private readonly configForDir = new Map<string, string | null>();
  private readonly ruleSets = new Map<string, { ruleSet: RuleSet; problems: FileProblem[] }>();
  // Survives reload(): a rule file broken mid-edit keeps its last good version working.
  private readonly lastGood = new Map<string, Rule>();
  private settings: UserSettings;
  private readonly trusted: boolean;

  constructor(private readonly options: EngineOptions) {
    this.settings = options.settings ?? {};
    this.trusted = options.trusted ?? true;
  }

  /** Forget cached configs and rule sets (a watched file or a setting changed). */
  reload(settings?: UserSettings): void {
    if (settings) this.settings = settings;
    this.configs.clear();
    this.configForDir.clear();
    this.ruleSets.clear();
  }

  private builtins(): LoadedRules {
    const { builtinRulesDir: dir, builtinSnapshot: snapshot } = this.options;
    this.builtin ??= (snapshot && readSnapshot(dir, snapshot)) || readRules([dir], { builtin: true });
    return this.builtin;
  }

  /** The config that governs a file, or undefined (none found, or untrusted). */
  configFor(fileName: string | undefined): ResolvedConfig | undefined {
    if (!this.trusted || this.settings.useConfigFiles === false) return undefined;
    let file: string | undefined | null = this.settings.config ? path.resolve(this.settings.config) : undefined;
    if (!file && fileName) {
      const dir = path.dirname(path.resolve(fileName));
      file = this.configForDir.get(dir);
      if (file === undefined) {
        file = findConfig(dir) ?? null;
        this.configForDir.set(dir, file);
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

  private resolve(fileName: string | undefined): Resolved {
    const config = this.configFor(fileName);
    const fromConfig = config && fileName ? settingsFor(config, path.resolve(fileName)) : config ? settingsFor(config, '') : undefined;
    const userRules = this.trusted ? [...new Set([...(config?.rules ?? []), ...(this.settings.rules ?? [])].map((r) => path.resolve(r)))] : [];
    const builtins = config ? config.builtins : true;
    const lists = config?.lists ?? {};
    const key = JSON.stringify([builtins, userRules, Object.keys(lists)]);
    let entry = this.ruleSets.get(key);
    if (!entry) {
      const base = this.builtins();
      const user = userRules.length > 0 ? readRules(userRules, { knownLanguages: base.languages.map((l) => l.code), knownLists: Object.keys(lists), lastGood: this.lastGood }) : { languages: [], rules: [], problems: [] };
      const languages = [...base.languages, ...user.languages.filter((l) => !base.languages.some((b) => b.code === l.code))];
      entry = { ruleSet: RuleSet.build(languages, builtins ? base.rules : [], user.rules), problems: [...base.problems, ...user.problems] };
      this.ruleSets.set(key, entry);
    }
    const problems = [...(config?.problems ?? []), ...entry.problems];
    const configured = fromConfig?.language;
    if (config && configured && configured !== 'auto' && !canonicalLanguage(configured, entry.ruleSet.languages.keys())) {
      problems.push({ file: config.file, line: 1, column: 1, message: `language "${configured}" has no rules — use auto or one of ${[...entry.ruleSet.languages.keys()].join(', ')}` });
    }
    return {
      ruleSet: entry.ruleSet,
      language: this.settings.language && this.settings.language !== 'auto' ? this.settings.language : configured,
      disable: [...(fromConfig?.disable ?? []), ...(this.settings.disable ?? [])],
      severity: { ...(fromConfig?.severity ?? {}), ...(this.settings.severity ?? {}) },
      lists,
      ignored: fromConfig?.ignored ?? false,
      problems,
      config,
    };
  }

  /** True when the governing config's `ignore:` globs exclude the file. */
  isIgnored(fileName: string): boolean {
    return this.resolve(fileName).ignored;
  }

  lintText(text: string, fileName: string | undefined, opts: { language?: string } = {}): FileLintResult {
    const r = this.resolve(fileName);
    const result = lint(text, {
      ruleSet: r.ruleSet,
      fileName,
      language: opts.language ?? r.language,
      settings: { disable: r.disable, severity: r.severity, lists: r.lists },
    });
    return { ...result, problems: r.problems };
  }

  fixText(text: string, fileName: string | undefined, opts: { language?: string; ruleId?: string } = {}): { output: string; language: string; findings: Finding[]; rounds: number; settled: boolean; applied: number } {
    // The language is fixed from the original text: a rewrite must not flip detection. That
    // first lint is also the first round's, so it is not run twice.
    const first = this.lintText(text, fileName, { language: opts.language });
    const language = first.language;
    const only = (fs: Finding[]) => (opts.ruleId ? fs.filter((f) => f.ruleId === opts.ruleId) : fs);
    const result = fixAll(text, (t) => only(t === text ? first.findings : this.lintText(t, fileName, { language }).findings));
    return { ...result, language };
  }

  /** The disable, severity and list settings a file gets (for running rule examples under them). */
  ruleSettings(fileName?: string): RuleSettings {
    const r = this.resolve(fileName);
    return { disable: r.disable, severity: r.severity, lists: r.lists };
  }

  ruleSet(fileName?: string): RuleSet {
    return this.resolve(fileName).ruleSet;
  }

  problems(fileName?: string): FileProblem[] {
    return this.resolve(fileName).problems;
  }

  ruleIds(): string[] {
    return this.resolve(undefined).ruleSet.ruleIds();
  }

  /** The comment that silences one rule on the next line, in the file's own comment syntax. */
  suppressionComment(fileName: string, ruleId: string): string {
    const format = formatForFile(fileName);
    const body = `warmly-disable-next-line ${ruleId}`;
    if (format === 'template' && /\.(hbs|handlebars|mustache)$/i.test(fileName)) return `{{!-- ${body} --}}`;
    if (format === 'template' && /\.(tt|tt2)$/i.test(fileName)) return `[%# ${body} %]`;
    if (format === 'template') return `{# ${body} #}`;
    return `<!-- ${body} -->`;
  }
}
