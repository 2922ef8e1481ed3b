// Keeps one core Engine per distinct set of settings (and trust state). Engines are reloaded in
// place when rule or config files change: the engine remembers the last good version of each
// rule file, so a content lead's half-typed rule never switches off the rules that worked, and
// ConfigHealth (shared by all engines, kept across settings changes) does the same for configs.
import * as vscode from 'vscode';
import type { Engine } from '../core';
import { ConfigHealth, SteadyEngine } from './last-good-config';
import type { Log } from './log';
import type { WarmlySettings } from './settings';

export class Engines {
  private readonly engines = new Map<string, Engine>();
  readonly health: ConfigHealth;

  /**
   * @param builtinSnapshot the build's compiled copy of the built-in rules; the engine uses it only
   * while it matches the rule files' hashes, so a first lint does not parse every YAML file.
   */
  constructor(
    private readonly builtinRulesDir: string,
    private readonly builtinSnapshot?: string,
    log?: Log,
  ) {
    this.health = new ConfigHealth(log);
  }

  /** Whether workspace files (config, user rules) may be read at all. */
  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  engineFor(settings: WarmlySettings): Engine {
    const options = {
      builtinRulesDir: this.builtinRulesDir,
      builtinSnapshot: this.builtinSnapshot,
      trusted: this.trusted,
      settings: settings.engine,
      // A keystroke re-reads only the paragraph it touched.
      incremental: true,
    };
    const key = JSON.stringify(options);
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new SteadyEngine(options, this.health);
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** A watched rule or config file changed on disk. */
  reload(): void {
    for (const engine of this.engines.values()) engine.reload();
  }

  /** Settings or trust changed: nothing cached can be reused. */
  clear(): void {
    this.engines.clear();
  }
}
