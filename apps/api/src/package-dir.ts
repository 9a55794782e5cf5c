import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * apps/api, whether this code runs from src/ (tsx, tests) or compiled into
 * dist/server.js: files the server reads from the repository are found from here.
 */
export const apiPackageDir = dirname(createRequire(import.meta.url).resolve('@zonegraph/api/package.json'));
