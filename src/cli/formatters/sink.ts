// Formatters write their output piece by piece instead of returning it: 400,000 findings as
// one string passed V8's string limit ("Invalid string length"), and a spread over 130,000
// findings overflowed the stack. Pieces are gathered into writes of about 64 KB.
export type Write = (chunk: string) => void;

/** Gathers small pieces into larger writes; `end()` writes what is left. */
export function buffered(write: Write, size = 64 * 1024): { write: Write; end: () => void } {
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (parts.length === 0) return;
    write(parts.join(''));
    parts = [];
    length = 0;
  };
  return {
    write: (chunk) => {
      parts.push(chunk);
      length += chunk.length;
      if (length >= size) flush();
    },
    end: flush,
  };
}

/** The whole output as one string, without its last line break (for callers that want a string). */
export function collect(run: (write: Write) => void): string {
  const parts: string[] = [];
  run((chunk) => parts.push(chunk));
  return parts.join('').replace(/\n$/, '');
}

// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a reader sees.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a file (its name, a matched phrase, a message that quotes it) made safe for a
 * terminal or a CI log: control characters, escape sequences among them, and bidirectional
 * overrides are shown as \u{…} instead of acting; a line break shows as ⏎ so it cannot forge
 * a line of output.
 */
export function clean(text: string, keepLineBreaks = false): string {
  const oneLine = keepLineBreaks ? text : text.replace(/\r\n|\r|\n/g, '⏎');
  return oneLine.replace(CONTROL, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}
