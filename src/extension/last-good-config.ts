// A .warmlyrc.yaml broken mid-edit (a YAML slip, a key the schema refuses, a misspelt rule id)
// must not switch off the team's rules, disables and severities in every reply while someone
// fixes it. The core reads each config as it is now, which is right for the CLI (it stops with
// exit 2); the editor instead keeps the last version of each config that had no problem and
// lints with it until the file is good again. The problems are still reported on every
// document the config governs (diagnostics.ts, status-bar.ts) and both transitions are logged.
import * as vscode from 'vscode';
import { Engine, type DocumentRun, type EngineOptions, type FileProblem, type OpenOptions } from '../core';
import type { ExportRun, OpenExportOptions } from '../core/helpdesk';
import type { Log } from './log';

type Config = NonNullable<ReturnType<Engine['configFor']>>;

/** What the editor knows of each config file: its last good version, and whether it is broken now. */
export class ConfigHealth {
  private readonly good = new Map<string, Config>();
  /** Broken configs and their first problem, as last logged. */
  private readonly broken = new Map<string, string>();

  constructor(private readonly log?: Log) {}

  /**
   * The config to lint with, given the current one and the problems located in its files:
   * undefined means "the current one"; a broken config with a good past gets that past.
   */
  judge(config: Config, problems: FileProblem[]): Config | undefined {
    const file = config.file;
    if (problems.length === 0) {
      this.good.set(file, config);
      if (this.broken.delete(file)) this.log?.info(`${shown(file)} is fixed: its settings and rules apply again`);
      return undefined;
    }
    const last = this.good.get(file);
    const [first] = problems;
    const said = `${shown(first.file)}:${first.line}:${first.column}: ${first.message}`;
    if (this.broken.get(file) !== said) {
      this.broken.set(file, said);
      this.log?.warn(
        `${shown(file)} is broken (${said}${problems.length > 1 ? `, and ${problems.length - 1} more` : ''}); ` +
          (last
            ? 'its last good version stays in force until it is fixed'
            : 'no good version of it was seen this session, so its rules and settings are off until it is fixed'),
      );
    }
    return last;
  }

  /** Whether documents under this config are linted with its last good version (it is broken now). */
  isHeld(file: string): boolean {
    return this.broken.has(file) && this.good.has(file);
  }
}

/** An Engine that lints under the last good version of a broken config (see ConfigHealth). */
export class SteadyEngine extends Engine {
  /** Set only while a document is opened under a held config: what configFor() answers then. */
  private substitute: Config | undefined;

  constructor(
    options: EngineOptions,
    private readonly health: ConfigHealth,
  ) {
    super(options);
  }

  override configFor(fileName: string | undefined, dir?: string): Config | undefined {
    return this.substitute ?? super.configFor(fileName, dir);
  }

  override open(options: OpenOptions): DocumentRun {
    return this.steady(options.fileName, options.dir, () => super.open(options));
  }

  override openExport(options: OpenExportOptions): ExportRun {
    return this.steady(options.fileName, undefined, () => super.openExport(options));
  }

  // Opens as the core would; when the config turns out broken and a good version is known,
  // opens again under that version, carrying the current problems (and no rule-id check of
  // the old refs, which the current ones replace).
  private steady<R extends { problems: FileProblem[] }>(
    fileName: string | undefined,
    dir: string | undefined,
    open: () => R,
  ): R {
    const run = open();
    const config = super.configFor(fileName, dir);
    if (!config) return run;
    const own = run.problems.filter((p) => config.files.includes(p.file));
    const held = this.health.judge(config, own);
    if (!held) return run;
    this.substitute = { ...held, problems: own, ruleRefs: [] };
    try {
      return open();
    } finally {
      this.substitute = undefined;
    }
  }
}

function shown(file: string): string {
  return vscode.workspace.asRelativePath(file);
}
