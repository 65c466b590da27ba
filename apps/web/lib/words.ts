// How the dashboard counts things: "1 page", "3 pages", "1,000 layers". One helper for every page.

/** `n` (with thousands separators) and the noun, in the plural unless n is 1. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
