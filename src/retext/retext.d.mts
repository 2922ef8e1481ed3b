// The types of `warmly/retext` (package.json "exports"), for TypeScript users of the built
// plugin; they mirror index.ts, and test/retext/types.test.ts type-checks a pipeline against them.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';

export interface Options {
  /** 'auto' (default: file name, front matter, detection) or en, nl, sv, nb (no), ro. */
  language?: string;
  /** A file type id (markdown, html, handlebars, liquid, text…); default: the file's extension, else markdown. */
  format?: string;
  /** Rule ids to turn off. */
  disable?: string[];
  /** Per-rule severity: error (a fatal message), warning, info, or off. */
  severity?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  /** Extra rule files or folders (relative to the working directory). */
  rules?: string[];
  /** false: read no .warmlyrc.yaml; a path: use that one; default: the nearest above the file. */
  config?: false | string;
}

export default function retextWarmly(options?: Options): (tree: Root, file: VFile) => void;
