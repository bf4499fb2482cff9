/**
 * The `hasura/graphql-engine` image (cli-migrations-v3): engine/, the Hasura-compatible engine of this repository,
 * with the service's HASURA_GRAPHQL_* environment unchanged (the engine reads Hasura's own variables, see
 * engine/README.md), the metadata directory mounted where HASURA_GRAPHQL_METADATA_DIR says. Hasura listens on every
 * interface of its container; here that is the replica's address (HASURA_GRAPHQL_SERVER_HOST).
 */
import { join } from 'node:path';
import type { LocalProgram } from '../program.js';
import { processEnv } from './common.js';

export const engineProgram: LocalProgram = {
  description: 'engine/ (the Hasura-compatible engine), `engine serve` with the service environment',
  process(ctx) {
    if (ctx.service.entrypoint !== undefined || ctx.service.command !== undefined) {
      throw new Error(`service ${ctx.service.name}: the local engine runs the image's default command only`);
    }
    const env = processEnv(ctx);
    env['HASURA_GRAPHQL_SERVER_HOST'] ??= ctx.view.address;
    return {
      command: process.execPath,
      args: [join(ctx.stack.repo, 'engine', 'bin', 'engine.mjs'), 'serve'],
      env,
      cwd: ctx.view.runDir,
      stopSignal: 'SIGTERM',
    };
  },
};
