/** Prints the configuration keys (env variables) of the API as a Markdown table, from CONFIG_KEYS. */
import { z } from 'zod';
import { CONFIG_KEYS } from '../src/config.js';

const rows = Object.entries(CONFIG_KEYS).map(([key, { schema, doc }]) => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { default?: unknown };
  const required = !schema.safeParse(undefined).success;
  const def =
    json.default !== undefined
      ? `\`${typeof json.default === 'string' ? json.default : JSON.stringify(json.default)}\``
      : required
        ? '**required**'
        : '';
  return `| \`${key}\` | ${def} | ${doc.replace(/\|/g, '\\|')} |`;
});
process.stdout.write(`| Variable | Default | Meaning |\n|---|---|---|\n${rows.join('\n')}\n`);
