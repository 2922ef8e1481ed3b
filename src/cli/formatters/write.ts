// One entry for printing results in any format, piece by piece to a stream.
import { writeGithub } from './github';
import { writeJson } from './json';
import { writeSarif } from './sarif';
import type { Write } from './sink';
import { writeStylish } from './stylish';
import type { FileResult, FormatContext } from './types';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github';

export function writeResults(name: FormatName, results: FileResult[], ctx: FormatContext, write: Write): void {
  if (name === 'json') writeJson(results, write);
  else if (name === 'sarif') writeSarif(results, ctx, write);
  else if (name === 'github') writeGithub(results, ctx, write);
  else writeStylish(results, ctx, write);
}
