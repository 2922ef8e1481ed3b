// YAML syntax errors in the words of someone who edits rule files, not of a parser writer: the
// parser says "Sequence item without - indicator" at column 1 of a line whose real trouble is
// one space too many before "fix:". Each explanation points at the character to change.
export interface PlainYamlError {
  /** Where to look: an offset into the text. */
  offset: number;
  message: string;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => (text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;

/** The first non-blank character at or after `at` (skipping blank lines): what the writer sees as wrong. */
function firstVisible(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i < text.length ? i : at;
}

/** The indentation of the nearest non-blank line above the one holding `at`, and its first word. */
function lineAbove(text: string, at: number): { indent: number; key: string } | undefined {
  let end = lineStart(text, at) - 1;
  while (end > 0) {
    const start = lineStart(text, end);
    const line = text.slice(start, end);
    if (line.trim() && !line.trim().startsWith('#')) {
      const item = /^( *)(- +)?/.exec(line) as RegExpExecArray;
      const key = /^[\w-]+/.exec(line.slice(item[0].length))?.[0] ?? line.trim();
      return { indent: item[0].length, key };
    }
    end = start - 1;
  }
  return undefined;
}

function indentation(text: string, offset: number): PlainYamlError {
  const at = firstVisible(text, offset);
  const start = lineStart(text, at);
  const line = text.slice(start, lineEnd(text, at));
  const word = /^[\w-]+:?/.exec(line.trimStart())?.[0] ?? line.trim().slice(0, 20);
  const above = lineAbove(text, at);
  const spaces = indentOf(line);
  const hint = above
    ? `, "${above.key}" on the line above by ${above.indent} — line them up (the same number of spaces) ` +
      `to make them keys of one entry, or indent "${word}" further to go inside "${above.key}"`
    : ' — indent it like the keys it belongs with';
  return { offset: at, message: `"${word}" is indented by ${spaces} space${spaces === 1 ? '' : 's'}${hint}` };
}

export function plainYamlError(
  code: string,
  parserMessage: string,
  text: string,
  offset: number,
): PlainYamlError | undefined {
  const at = Math.max(0, Math.min(offset, text.length));
  if (/Sequence item without - indicator|All mapping items must start at the same column/.test(parserMessage))
    return indentation(text, at);
  if (code === 'MULTILINE_IMPLICIT_KEY' || /Implicit keys need to be on a single line/.test(parserMessage))
    return indentation(text, lineEnd(text, at) + 1);
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const rest = text.slice(at, lineEnd(text, at));
    const colon = rest.search(/:( |$)/);
    if (colon >= 0)
      return {
        offset: at + colon,
        message:
          'a value with ": " in it must be in quotes — write the whole value as "…" ' +
          '(a colon and a space start a key)',
      };
    return indentation(text, lineEnd(text, at) + 1);
  }
  if (/Missing closing "?quote|Missing closing '/.test(parserMessage)) {
    const quote = parserMessage.includes("'") && !parserMessage.includes('"') ? "'" : '"';
    const open = text.lastIndexOf(quote, at - 1);
    return {
      offset: open >= 0 ? open : at,
      message: `this ${quote} opens a quoted value that is never closed — add the closing ${quote} at its end`,
    };
  }
  if (code === 'UNEXPECTED_TOKEN' && /scalar at node end/.test(parserMessage))
    return {
      offset: at,
      message:
        'text goes on after a closing quote — keep the whole value inside the quotes; ' +
        "an apostrophe inside '…' is " +
        'written \'\' (or quote the value with "…")',
    };
  if (code === 'BAD_SCALAR_START') {
    const ch = text[at];
    const message = `a value cannot start with "${ch}" unless it is in quotes — write it as "${ch}…"`;
    return { offset: at, message };
  }
  if (/Flow (sequence|mapping) in block collection|must be sufficiently indented and end with/.test(parserMessage)) {
    const bracket = /sequence/.test(parserMessage) ? ['[', ']'] : ['{', '}'];
    const open = text.lastIndexOf(bracket[0], at);
    return {
      offset: open >= 0 ? open : at,
      message: `this ${bracket[0]} starts a list that is not closed on its line — add the ${bracket[1]}`,
    };
  }
  return undefined;
}
