// Words the CLI prints: one way to count things ("1 component", "11 components").

/** `n` and the word, in the plural unless n is 1. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
