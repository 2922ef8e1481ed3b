// The `warmly.*` settings for one document, asked of the client through workspace/configuration
// (scoped to the document, so per-folder settings work) or, for clients that cannot be asked,
// taken from what they push with workspace/didChangeConfiguration. Normalised once here, so the
// rest of the server works from plain values.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { Severity, UserSettings } from '../core/index';

export type RunMode = 'onType' | 'onSave';

export interface ServerSettings {
  enable: boolean;
  run: RunMode;
  /** What the engine is given; relative rule paths are already absolute. */
  engine: UserSettings;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

/** Plain values from whatever the client sent (an editor's settings are hand-written JSON/TOML/Lua). */
export function normalise(raw: unknown, base: string | undefined): ServerSettings {
  const o = isObject(raw) ? raw : {};
  const severity: Record<string, Severity | 'off'> = {};
  for (const [ruleId, level] of Object.entries(isObject(o.severity) ? o.severity : {})) {
    if (typeof level === 'string' && SEVERITIES.includes(level)) severity[ruleId] = level as Severity | 'off';
  }
  const rules = strings(o.rules)
    .map((p) => (p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p))
    .filter((p) => path.isAbsolute(p) || base !== undefined)
    .map((p) => (path.isAbsolute(p) ? p : path.resolve(base!, p)));
  return {
    enable: o.enable !== false,
    run: o.run === 'onSave' ? 'onSave' : 'onType',
    engine: {
      language: typeof o.language === 'string' && o.language ? o.language : 'auto',
      disable: strings(o.disable),
      severity,
      rules,
    },
  };
}

export class Settings {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  /** The `warmly` section last pushed by didChangeConfiguration (or initializationOptions). */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: () => boolean,
    private readonly folderOf: (uri: string) => string | undefined,
    initial?: unknown,
  ) {
    this.pushed = initial;
  }

  /** The settings for a document; asked once per document until the next change. */
  for(uri: string): Promise<ServerSettings> {
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.ask(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  /** Settings changed: forget every answer. `pushed` is the payload of didChangeConfiguration. */
  changed(pushed?: unknown): void {
    if (isObject(pushed) && 'warmly' in pushed) this.pushed = pushed.warmly;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async ask(uri: string): Promise<ServerSettings> {
    const base = this.folderOf(uri);
    if (!this.canAsk()) return normalise(this.pushed, base);
    try {
      const answer: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'warmly' });
      // A client with nothing configured answers null; pushed settings are the fallback then.
      return normalise(answer ?? this.pushed, base);
    } catch {
      return normalise(this.pushed, base);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}
