import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Load a suite YAML file (mapping order is kept, which the key-order comparison relies on). */
export function loadYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'), { uniqueKeys: false });
}
