/**
 * The execution-phase mark: an error thrown while executing (after validation) is sent over a websocket as data
 * (`{"data":null,"errors":[…]}`), a request error as an `error` message.
 */
const EXECUTION = Symbol('execution-phase');

/** Mark an error thrown while executing (after validation); `isExecutionError` reads the mark. */
export function markExecution<T>(err: T): T {
  if (typeof err === 'object' && err !== null) (err as { [EXECUTION]?: true })[EXECUTION] = true;
  return err;
}

export function isExecutionError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { [EXECUTION]?: true })[EXECUTION] === true;
}

/** Run the execution phase: errors it throws are marked as execution errors. */
export async function executing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw markExecution(e);
  }
}
