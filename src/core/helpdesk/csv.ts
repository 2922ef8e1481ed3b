// A CSV scanner that keeps positions. csv-parse (the library we test against) returns values and
// per-record byte counts, but not where each field starts or whether it was quoted, and --fix
// needs both to rewrite one field and leave every other byte alone. So this scanner follows
// RFC 4180 ("" inside quotes, CRLF or LF rows) with the delimiter the header uses (a comma, or
// the semicolon or tab that spreadsheets in many locales write), and records each field's span;
// the tests check its values against csv-parse on the fixtures and on generated files.

export interface CsvField {
  value: string;
  /** The field's raw text, without the surrounding quotes when quoted. */
  rawStart: number;
  rawEnd: number;
  quoted: boolean;
  /** offsets[i]: source offset of value[i]; offsets[value.length] === rawEnd. */
  offsets: number[];
}

export interface CsvRecord {
  fields: CsvField[];
  /** 1-based line of the record's first character. */
  line: number;
}

export function scanCsv(source: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  const at = { i: source.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1 };
  while (at.i < source.length) {
    const fields: CsvField[] = [];
    const recordLine = at.line;
    for (;;) {
      fields.push(readField(source, at, delimiter));
      if (at.i < source.length && source[at.i] === delimiter) {
        at.i++;
        continue;
      }
      break;
    }
    if (source[at.i] === '\r') at.i++;
    if (source[at.i] === '\n') at.i++;
    at.line++;
    // A blank line is no record (csv-parse skips them too with skip_empty_lines).
    if (fields.length === 1 && !fields[0].quoted && fields[0].value === '') continue;
    records.push({ fields, line: recordLine });
  }
  return records;
}

/** One field from `at.i`, quoted or bare; `at` moves past it (not past the delimiter). */
function readField(source: string, at: { i: number; line: number }, delimiter: string): CsvField {
  const n = source.length;
  let value = '';
  const offsets: number[] = [];
  const quoted = source[at.i] === '"';
  const ends = (k: number) => k >= n || source[k] === delimiter || source[k] === '\n' || source[k] === '\r';
  if (!quoted) {
    const rawStart = at.i;
    while (!ends(at.i)) {
      value += source[at.i];
      offsets.push(at.i++);
    }
    offsets.push(at.i);
    return { value, rawStart, rawEnd: at.i, quoted, offsets };
  }
  const opened = at.line;
  const rawStart = ++at.i;
  for (;;) {
    if (at.i >= n) throw new CsvError(`a quoted field opened on line ${opened} never closes`, opened);
    if (source[at.i] === '"') {
      if (source[at.i + 1] !== '"') break;
      value += '"';
      offsets.push(at.i);
      at.i += 2;
      continue;
    }
    if (source[at.i] === '\n') at.line++;
    value += source[at.i];
    offsets.push(at.i++);
  }
  const rawEnd = at.i++; // past the closing quote
  if (!ends(at.i)) throw new CsvError(`unexpected text after a closing quote on line ${at.line}`, at.line);
  offsets.push(rawEnd);
  return { value, rawStart, rawEnd, quoted, offsets };
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Writes a value as a CSV field: bare when it can be, quoted when it holds a quote, a line
 * break or any of the delimiters a CSV may use. Quoting a field that did not need it is always
 * valid, so a rewrite stays one field whichever delimiter its file uses.
 */
export function encodeCsvField(value: string, delimiter = ','): string {
  return needsQuotes(value, delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function needsQuotes(value: string, delimiter = ','): boolean {
  return value.includes(delimiter) || /["\r\n,;\t]/.test(value);
}

const DELIMITERS = [',', ';', '\t'];

/** The delimiter of a CSV: whichever of , ; and tab its first line has most of, outside quotes. */
export function detectDelimiter(source: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < source.length && i < 65536; i++) {
    const ch = source[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
