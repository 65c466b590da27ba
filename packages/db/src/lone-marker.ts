/**
 * The comment the tenant pool puts in the `begin` of a lone statement's transaction (tenant.ts); the embedded
 * server recognises it and runs begin, statement and commit as one turn of its single session (node/pglite-lone.ts).
 * Any other Postgres reads it as a comment.
 */
export const LONE_MARKER = '/* cogo:lone */';
