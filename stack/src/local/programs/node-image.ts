/**
 * The API image built from api/Dockerfile (the `api`, `worker` and `migrations` services): this Node with the
 * image's environment (Dockerfile ENV, e.g. NODE_OPTIONS loading tsx), working directory and command (the
 * Dockerfile's CMD unless docker-compose sets `command`). The image's /app is the repository (the Dockerfile copies
 * package.json, api/ and migrations/ there; tsx, which NODE_OPTIONS loads, is in its node_modules).
 */
import { join } from 'node:path';
import { readImageConfig } from '../dockerfile.js';
import type { LocalProgram } from '../program.js';
import { composeArgv, localCommand, processEnv } from './common.js';

export function nodeImageProgram(dockerfile: string): LocalProgram {
  const image = readImageConfig(dockerfile);
  return {
    description: `this Node (${process.version}) running ${dockerfile.split('/').slice(-2).join('/')}'s command`,
    imageMounts: (stack) => ({ '/app': stack.repo }),
    imageEnv: () => image.env,
    process(ctx) {
      const [command, ...args] = composeArgv(ctx, { entrypoint: image.entrypoint, cmd: image.cmd });
      if (command === undefined) throw new Error(`service ${ctx.service.name}: the image has no command`);
      return {
        command: localCommand(ctx, command),
        args: args.map((a) => ctx.view.localize(a)),
        env: processEnv(ctx),
        cwd: ctx.view.hostPath(ctx.service.workingDir ?? image.workdir),
        stopSignal: 'SIGTERM',
      };
    },
  };
}

export const API_DOCKERFILE = (repo: string): string => join(repo, 'api', 'Dockerfile');
