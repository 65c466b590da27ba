import pkg from '../package.json';

/** The API's version, from its package.json. */
export const VERSION: string = pkg.version;
