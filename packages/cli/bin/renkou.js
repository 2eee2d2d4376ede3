#!/usr/bin/env node
// The `renkou` command. TypeScript sources run through tsx (see docs/decisions/0002-typescript-without-build.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
