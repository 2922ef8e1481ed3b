// The Warmly output channel, and the last lines written to it: the channel is what a writer
// reads; the lines let the integration tests check that reloads and config problems are said.
import * as vscode from 'vscode';

/** What the other parts write through (the channel's own signature, so a parameter is a drop-in). */
export interface Log {
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

const KEPT_LINES = 500;

export class ExtensionLog implements Log, vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Warmly', { log: true });
  private readonly kept: string[] = [];

  info(message: string, ...args: unknown[]): void {
    this.channel.info(message, ...args);
    this.keep('info', message);
  }

  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(message, ...args);
    this.keep('warning', message);
  }

  error(message: string | Error, ...args: unknown[]): void {
    this.channel.error(message, ...args);
    this.keep('error', String(message));
  }

  /** The latest lines, oldest first, as "level: message". */
  lines(): string[] {
    return [...this.kept];
  }

  dispose(): void {
    this.channel.dispose();
  }

  private keep(level: string, message: string): void {
    this.kept.push(`${level}: ${message}`);
    if (this.kept.length > KEPT_LINES) this.kept.splice(0, this.kept.length - KEPT_LINES);
  }
}
