// One core Engine per distinct set of settings, as the CLI and the extension hold theirs; the
// engine caches rule sets and configs, so a document's second lint costs only the matching.
// In untrusted mode (--builtin-only) no engine reads a config or a rule file, whatever is asked.
import { Engine, type FileLintResult, type UserSettings } from '../core/index';
import { builtinRulesDir, builtinSnapshot } from '../cli/paths';

export class Engines {
  private readonly engines = new Map<string, Engine>();
  private readonly rulesDir = builtinRulesDir();

  constructor(readonly trusted: boolean) {}

  engineFor(settings: UserSettings): Engine {
    const key = JSON.stringify(settings);
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine({ builtinRulesDir: this.rulesDir, builtinSnapshot: builtinSnapshot(), trusted: this.trusted, settings });
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** A .warmlyrc.yaml or rule file changed: engines keep their settings, forget what they read. */
  reload(): void {
    for (const engine of this.engines.values()) engine.reload();
  }

  /** Settings changed: engines for old settings would only take memory. */
  clear(): void {
    this.engines.clear();
  }
}

/** What the server needs from one lint; the one place that calls the engine for a document. */
export interface DocumentLint {
  findings: FileLintResult['findings'];
  language: string;
  problems: FileLintResult['problems'];
}

export function lintDocument(engine: Engine, text: string, fileName: string | undefined, language: string | undefined): DocumentLint {
  // A file the config's `ignore:` leaves out is not linted in the editor either.
  if (fileName && engine.isIgnored(fileName)) return { findings: [], language: language ?? 'auto', problems: engine.problems(fileName) };
  const explicit = language && language !== 'auto' ? { language } : {};
  const result = engine.lintText(text, fileName, explicit);
  return { findings: result.findings, language: result.language, problems: result.problems };
}

/** The document with every fix applied (as `--fix` and fix-all in VS Code do). */
export function fixDocument(engine: Engine, text: string, fileName: string | undefined, language: string | undefined): string {
  const explicit = language && language !== 'auto' ? { language } : {};
  return engine.fixText(text, fileName, explicit).output;
}
