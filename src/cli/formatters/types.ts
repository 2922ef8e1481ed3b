import type { Finding, Rule } from '../../core/index';

/** One linted file as every formatter sees it. */
export interface FileResult {
  /** Absolute path, or the --stdin-filename (or "<stdin>"). */
  filePath: string;
  language: string;
  findings: Finding[];
}

export interface FormatContext {
  cwd: string;
  version: string;
  /** Rule metadata for SARIF's rules table, by id (first language wins). */
  rules: Map<string, Rule>;
  color: boolean;
}
