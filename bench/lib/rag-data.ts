/**
 * Synthetic but clustered embeddings for bench/rag.ts: uniform random vectors in 1024-d are all nearly orthogonal,
 * which makes every neighbour list a coin toss and flatters nothing; real text embeddings form topics. So: K random
 * centroids on the unit sphere, each row a centroid plus gaussian noise, normalised (cosine is what the index uses).
 * Seeded, so two runs insert the same rows and ask the same queries.
 */

/** mulberry32: small, fast and good enough for test data (not for anything secret). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function normalise(v: Float64Array): Float64Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

export interface ClusteredSpace {
  dims: number;
  centroids: Float64Array[];
  /** A row: a random centroid plus noise of norm ≈ `noise` (cosine to its centroid ≈ 1/√(1+noise²)). */
  row: () => { cluster: number; vector: Float64Array };
  /** A query: near a random centroid (noise of norm ≈ `queryNoise`). */
  query: () => Float64Array;
}

/** The space: `clusters` centroids, rows with `noise`, queries with `queryNoise`, all from `seed`. */
export function clusteredSpace(options: { dims: number; clusters: number; noise: number; queryNoise: number; seed: number }): ClusteredSpace {
  const { dims, clusters, noise, queryNoise } = options;
  const random = rng(options.seed);
  const queries = rng(options.seed ^ 0x9e3779b9); // its own stream: changing --chunks must not change the queries
  const point = (r: () => number) => normalise(Float64Array.from({ length: dims }, () => gaussian(r)));
  const centroids = Array.from({ length: clusters }, () => point(random));
  const near = (r: () => number, c: Float64Array, sigma: number) => {
    const scale = sigma / Math.sqrt(dims);
    return normalise(Float64Array.from(c, (x) => x + scale * gaussian(r)));
  };
  return {
    dims,
    centroids,
    row: () => {
      const cluster = Math.floor(random() * clusters);
      return { cluster, vector: near(random, centroids[cluster]!, noise) };
    },
    query: () => near(queries, centroids[Math.floor(queries() * clusters)]!, queryNoise),
  };
}

/** pgvector's text form, `[x,y,…]`, at 6 significant digits (float4 keeps about 7). */
export function vectorText(v: Float64Array): string {
  let out = '[';
  for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + v[i]!.toPrecision(6);
  return `${out}]`;
}
