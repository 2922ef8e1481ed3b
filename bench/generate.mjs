// Reproducible benchmark inputs: the same seed gives byte-identical texts on every machine, so
// runs can be compared across commits and every tool sees exactly the same words.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languages } from './texts.mjs';

/** mulberry32: tiny, fast, and good enough to pick sentences. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const between = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// One definition of a word for every tool, so words/s compares like with like.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
export function countWords(text) {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Mostly English, with a share of the other four languages. */
function pickLanguage(rand) {
  const r = rand();
  if (r < 0.8) return 'en';
  if (r < 0.85) return 'nl';
  if (r < 0.9) return 'sv';
  if (r < 0.95) return 'nb';
  return 'ro';
}

/** A reply of `min`–`target` words (close to `target`): greeting, maybe a quote, paragraphs, sign-off. */
export function reply(rand, lang, target, min = 0) {
  const bank = languages[lang];
  const parts = [pick(rand, bank.greetings)];
  if (rand() < 0.35) parts.push(pick(rand, bank.quotes));
  let words = countWords(parts.join(' '));
  const signoff = pick(rand, bank.signoffs);
  const budget = target - countWords(signoff);
  const floor = min - countWords(signoff);
  let full = false;
  while (!full) {
    const sentences = [];
    const size = between(rand, 1, 4);
    for (let i = 0; i < size && !full; i++) {
      // about one sentence in four is cold, so findings are common but not the whole text;
      // a sentence that would overshoot the length is redrawn a few times, then the reply ends
      let s;
      for (let tries = 0; tries < 8 && s === undefined; tries++) {
        const candidate = pick(rand, rand() < 0.25 ? bank.cold : bank.warm);
        if (words + countWords(candidate) <= budget || words < floor) s = candidate;
      }
      if (s === undefined) full = true;
      else {
        sentences.push(s);
        words += countWords(s);
      }
    }
    if (sentences.length > 0) parts.push(sentences.join(' '));
  }
  parts.push(signoff);
  return parts.join('\n\n') + '\n';
}

/** (a) 2,000 short replies of 30–200 words, mixed languages. */
export function shortReplies(seed, count) {
  const rand = prng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const lang = pickLanguage(rand);
    out.push({ lang, text: reply(rand, lang, between(rand, 30, 200), 30) });
  }
  return out;
}

/** (b) one English reply of about 2,000 words. */
export function longReply(seed) {
  return reply(prng(seed), 'en', 2000);
}

/** (c) one English document of at least `bytes` bytes: many tickets, one per section. */
export function bigDocument(seed, bytes) {
  const rand = prng(seed);
  const chunks = ['# Reply archive\n\n'];
  let size = Buffer.byteLength(chunks[0]);
  for (let i = 1; size < bytes; i++) {
    const chunk = `## Ticket ${i}\n\n${reply(rand, 'en', between(rand, 60, 300))}\n`;
    chunks.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return chunks.join('');
}

/** (d) a folder of template files; non-English ones are named `*.<lang>.md` as Warmly expects. */
export function writeTemplates(dir, seed, count) {
  const rand = prng(seed);
  fs.mkdirSync(dir, { recursive: true });
  let words = 0;
  for (let i = 0; i < count; i++) {
    const lang = pickLanguage(rand);
    const text = reply(rand, lang, between(rand, 40, 250));
    const ext = rand() < 0.8 ? 'md' : 'txt';
    const name = `reply-${String(i + 1).padStart(4, '0')}${lang === 'en' ? '' : `.${lang}`}.${ext}`;
    fs.writeFileSync(path.join(dir, name), text);
    words += countWords(text);
  }
  return words;
}
