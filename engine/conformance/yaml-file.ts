import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { parse } from 'yaml';

/**
 * Load a suite YAML file (mapping order is kept, which the key-order comparison relies on). Upstream reads the files
 * with a lenient Python parser; a few are not strict YAML 1.2 (e.g. a double-quoted scalar continued at the parent's
 * indentation), so when `yaml` rejects a file, js-yaml (as lenient as upstream there) reads it.
 */
export function loadYaml(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return parse(text, { uniqueKeys: false });
  } catch (e) {
    try {
      return jsyaml.load(text);
    } catch {
      throw e;
    }
  }
}
