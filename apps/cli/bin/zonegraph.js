#!/usr/bin/env node
// Inside the workspace the CLI runs from its TypeScript sources through tsx;
// resolved from here, so it works from any directory.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
