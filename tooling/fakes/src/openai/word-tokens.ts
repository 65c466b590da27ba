// Word tokens for the word-vector embedder: identifiers and prose alike, so "call-to-action", "PrimaryButton",
// "primary_button" and "primary button" all give the same lowercase words. Letters only: digits and punctuation
// separate words, as the vocabulary holds alphabetic words only.

/** The lowercase words of `text`, splitting on anything but letters and at camelCase / PascalCase boundaries. */
export function wordTokens(text: string): string[] {
  const spaced = text
    // "primaryButton" → "primary Button"; "HTMLButton" → "HTML Button" (an acronym ends before its last capital)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  return (spaced.toLowerCase().match(/\p{L}+/gu) ?? []);
}
