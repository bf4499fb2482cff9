/**
 * `Promise.withResolvers` for Node 20 (ES2024; Node 22 has it). PostGraphile 5's grafast and @dataplan/pg call it
 * and fail on nested connections without it (../shared/reference/platform.md §9). Imported first by the PostGraphile
 * server; a no-op where the method exists.
 */
interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

const P = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>(): Resolvers<T> {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
}

export {};
