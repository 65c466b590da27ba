// Words the CLI prints: one way to count things ("1 component", "11 components").

/** `n` and the word, in the plural (`many`, by default the word + "s") unless n is 1. */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
