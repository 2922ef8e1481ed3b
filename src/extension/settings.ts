// Reads the `warmly.*` settings for one document, normalised once, so every other part of the
// extension works from plain values and never calls getConfiguration itself.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { knownLanguageIds, type Severity, type UserSettings } from '../core';

export type RunMode = 'onType' | 'onSave';

export interface WarmlySettings {
  enable: boolean;
  run: RunMode;
  /** VS Code language ids that are linted. */
  fileTypes: string[];
  /** What the engine is given; relative rule paths are already absolute. */
  engine: UserSettings;
  /** The workspace folder the settings were read for (relative paths resolve against it). */
  folder: vscode.WorkspaceFolder | undefined;
}

/** Every VS Code language id Warmly knows a format for (package.json's default says the same). */
export const DEFAULT_FILE_TYPES = knownLanguageIds();

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

export function readSettings(resource: vscode.Uri | undefined): WarmlySettings {
  const config = vscode.workspace.getConfiguration('warmly', resource);
  const folder = resource ? vscode.workspace.getWorkspaceFolder(resource) : vscode.workspace.workspaceFolders?.[0];
  const base = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;

  const severity: Record<string, Severity | 'off'> = {};
  for (const [ruleId, level] of Object.entries(config.get<Record<string, string>>('severity') ?? {})) {
    // A typo in settings.json should not reach the engine as an unknown level.
    if (SEVERITIES.includes(level)) severity[ruleId] = level as Severity | 'off';
  }
  const rules = strings(config.get('rules'))
    .map((p) => expandHome(p))
    .filter((p) => path.isAbsolute(p) || base !== undefined)
    .map((p) => (path.isAbsolute(p) ? p : path.resolve(base!, p)));
  const language = config.get<string>('language') || 'auto';
  const run = config.get<string>('run') === 'onSave' ? 'onSave' : 'onType';

  return {
    enable: config.get<boolean>('enable') ?? true,
    run,
    fileTypes: strings(config.get('fileTypes'), DEFAULT_FILE_TYPES),
    engine: { language, disable: strings(config.get('disable')), severity, rules },
    folder,
  };
}

function strings(value: unknown, fallback: string[] = []): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : fallback;
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(process.env.HOME ?? '', p.slice(1)) : p;
}

/** Where a `warmly.*` setting should be written so that it affects `resource`. */
export function settingsTarget(resource: vscode.Uri | undefined): vscode.ConfigurationTarget {
  if (resource && vscode.workspace.getWorkspaceFolder(resource)) return vscode.ConfigurationTarget.WorkspaceFolder;
  return vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
}
