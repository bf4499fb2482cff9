import type { Runtime, RuntimeOptions } from './runtime.js';

export function createRuntime(_opts: RuntimeOptions): Promise<Runtime> {
  return Promise.reject(new Error('not implemented yet'));
}
