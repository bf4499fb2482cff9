/** engine/README.md shows the library example exactly as test/library/example.test.ts runs it. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (rel: string): string => readFileSync(new URL(rel, import.meta.url), 'utf8');

it('the README example is the example test, verbatim', () => {
  const readme = read('../../README.md');
  const block = /## Use as a library[\s\S]*?```ts\n([\s\S]*?)\n```/.exec(readme)?.[1];
  expect(block).toBe(read('../library/example.test.ts').trimEnd());
});
