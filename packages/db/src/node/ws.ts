// `ws` loaded through Node's own resolver: bundler-style resolvers (vite under the Workers test
// plugin) pick its browser stub, which has no server and no client.
import { createRequire } from 'node:module';
import type * as WsModule from 'ws';

const require = createRequire(import.meta.url);

/** The real `ws` module. */
export const ws = require('ws') as typeof WsModule;
