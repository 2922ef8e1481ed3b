import type { Finding, Rule } from '../../core/index';

/** What SARIF's rules table says of a rule. */
export type RuleMeta = Pick<Rule, 'principle' | 'why' | 'url' | 'severity' | 'source'>;

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
  /** Rule metadata for SARIF's rules table, by id, taken from the findings. */
  rules: Map<string, RuleMeta>;
  color: boolean;
}
