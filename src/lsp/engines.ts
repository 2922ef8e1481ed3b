// One core Engine per distinct set of settings, as the CLI and the extension hold theirs; the
// engine caches rule sets and configs, so a document's second lint costs only the matching.
// In untrusted mode (--builtin-only) no engine reads a config or a rule file, whatever is asked.
import { Engine, type DocumentRun, type Finding, type UserSettings } from '../core/index';
import { builtinRulesDir, builtinSnapshot } from '../cli/paths';

const MAX_ENGINES = 8;

export class Engines {
  private readonly engines = new Map<string, Engine>();
  private readonly rulesDir = builtinRulesDir();

  constructor(readonly trusted: boolean) {}

  engineFor(settings: UserSettings): Engine {
    const key = JSON.stringify(settings);
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine({
        builtinRulesDir: this.rulesDir,
        builtinSnapshot: builtinSnapshot(),
        trusted: this.trusted,
        settings,
        // A change re-reads only the paragraph it touched.
        incremental: true,
      });
      // Settings toggled back and forth reuse their engine; a long session keeps only the recent ones.
      if (this.engines.size >= MAX_ENGINES) this.engines.delete(this.engines.keys().next().value!);
    }
    this.engines.delete(key);
    this.engines.set(key, engine);
    return engine;
  }

  /** A .warmlyrc.yaml or rule file changed: engines keep their settings, forget what they read. */
  reload(): void {
    for (const engine of this.engines.values()) engine.reload();
  }
}

/** Where a document is and what it is: what engine.open() needs besides the text. */
export interface DocumentPlace {
  fileName: string | undefined;
  /** A file type id (formats.ts) when the file name does not tell it. */
  format: string | undefined;
  /** With no file name: the workspace folder whose config applies. */
  dir: string | undefined;
}

/** The one place the server opens a document version in the engine; lint, fix and suppression all read from it. */
export function openDocument(
  engine: Engine,
  text: string,
  place: DocumentPlace,
  language: string | undefined,
): DocumentRun {
  return engine.open({ text, ...place, language: language && language !== 'auto' ? language : undefined });
}

/** The findings to show: none for a file the config's `ignore:` leaves out. */
export function findingsOf(run: DocumentRun): Finding[] {
  return run.ignored ? [] : run.lint().findings;
}
