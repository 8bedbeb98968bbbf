#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// The `radhus` command. Rådhus runs its TypeScript sources through tsx, so a clone needs no build
// step for the server (see docs/decisions/0001-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
