#!/usr/bin/env node
// Launcher for the engine CLI: registers tsx (no build step) and runs src/cli.ts. See `engine --help`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
