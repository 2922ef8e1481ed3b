// The one table of file types: which extensions and VS Code language ids each covers, how its
// prose is extracted (SourceFormat), and the comment a suppression can safely be written in.
// The engine, the CLI's file discovery, the extension and the docs all read this table, so a
// new template language is one row here.
import type { SourceFormat } from './types';

export interface FileType {
  /** The name front ends pass as `format` to engine.open(). */
  id: string;
  /** How the extractor reads it. */
  source: SourceFormat;
  extensions: string[];
  /** VS Code language ids of this type. */
  languageIds: string[];
  /** The comment that carries `body`, or undefined when no comment is safe (it would show, or break the file). */
  comment?: (body: string) => string;
}

const html = (body: string) => `<!-- ${body} -->`;
const jinja = (body: string) => `{# ${body} #}`;

export const FILE_TYPES: readonly FileType[] = [
  {
    id: 'markdown',
    source: 'markdown',
    extensions: ['md', 'markdown', 'mdx', 'mdown'],
    languageIds: ['markdown'],
    comment: html,
  },
  { id: 'html', source: 'html', extensions: ['html', 'htm', 'xhtml'], languageIds: ['html'], comment: html },
  {
    id: 'handlebars',
    source: 'template',
    extensions: ['hbs', 'handlebars'],
    languageIds: ['handlebars'],
    comment: (body) => `{{!-- ${body} --}}`,
  },
  {
    id: 'mustache',
    source: 'template',
    extensions: ['mustache'],
    languageIds: [],
    comment: (body) => `{{! ${body} }}`,
  },
  {
    id: 'liquid',
    source: 'template',
    extensions: ['liquid'],
    languageIds: ['liquid'],
    comment: (body) => `{% comment %} ${body} {% endcomment %}`,
  },
  {
    id: 'jinja',
    source: 'template',
    extensions: ['jinja', 'jinja2', 'j2', 'njk', 'twig'],
    languageIds: ['jinja', 'jinja-html', 'django-html', 'twig', 'nunjucks'],
    comment: jinja,
  },
  {
    id: 'template-toolkit',
    source: 'template',
    extensions: ['tt', 'tt2'],
    languageIds: [],
    comment: (body) => `[%# ${body} %]`,
  },
  {
    id: 'reply-template',
    source: 'template',
    extensions: ['reply', 'tmpl'],
    languageIds: ['reply-template'],
    comment: jinja,
  },
  // A template of unknown dialect (a helpdesk reply): any comment might be sent to the customer.
  { id: 'template', source: 'template', extensions: [], languageIds: [] },
  { id: 'text', source: 'text', extensions: ['txt', 'text'], languageIds: ['plaintext'] },
];

/** Helpdesk exports: linted reply by reply (src/core/helpdesk), never as prose; no comment is safe in them. */
export const EXPORT_EXTENSIONS: readonly string[] = ['json', 'csv'];

const byExtension = new Map(FILE_TYPES.flatMap((t) => t.extensions.map((e) => [e, t] as const)));
const byId = new Map(FILE_TYPES.map((t) => [t.id, t] as const));
const byLanguageId = new Map(FILE_TYPES.flatMap((t) => t.languageIds.map((l) => [l, t] as const)));

function extensionOf(fileName: string | undefined): string | undefined {
  const m = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName) : null;
  return m ? m[1].toLowerCase() : undefined;
}

/** The file type of a name, a format id (or SourceFormat), or undefined when neither says. */
export function fileType(format: string | undefined, fileName?: string): FileType | undefined {
  if (format) return byId.get(format);
  const ext = extensionOf(fileName);
  return ext ? byExtension.get(ext) : undefined;
}

/** How a file's prose is read: from its extension; plain text when unknown. */
export function formatForFile(fileName: string | undefined): SourceFormat {
  return fileType(undefined, fileName)?.source ?? 'text';
}

/** A template or prose file the CLI lints when it walks a folder. */
export function isKnownExtension(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return !!ext && byExtension.has(ext);
}

export function isExportFileName(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return !!ext && EXPORT_EXTENSIONS.includes(ext);
}

/** Every extension a folder walk picks up, templates and exports. */
export function lintedExtensions(): string[] {
  return [...byExtension.keys(), ...EXPORT_EXTENSIONS];
}

/**
 * The file type id for a VS Code language id, or undefined when Warmly does not know it. The
 * generic "plaintext" id (what a `.liquid` or `.tmpl` file gets when no extension knows the
 * language) decides nothing when the file name does: a Liquid macro stays a Liquid macro.
 */
export function formatForLanguageId(languageId: string, fileName?: string): string | undefined {
  if (languageId === 'plaintext' && fileType(undefined, fileName)) return fileType(undefined, fileName)?.id;
  return byLanguageId.get(languageId)?.id;
}

/** Every VS Code language id the table knows (the extension's default `warmly.fileTypes`). */
export function knownLanguageIds(): string[] {
  return [...byLanguageId.keys()];
}
