/**
 * Compose interpolation (compose-spec "Interpolation"): every form, `$$`, nesting, and the differences between an
 * unset and an empty variable; errors carry compose's own message.
 */
import { describe, expect, it } from 'vitest';
import { ComposeError, interpolate, InterpolationError } from '../../src/compose/index.js';

const env = { SET: 'value', EMPTY: '', OTHER: 'other', PORT: '5432' };

describe('interpolate', () => {
  it.each([
    // plain references
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['a-$SET-b', 'a-value-b'],
    ['${SET}${OTHER}', 'valueother'],
    ['$SET.suffix', 'value.suffix'],
    ['${UNSET}', ''],
    ['$UNSET/x', '/x'],
    ['${EMPTY}', ''],
    // defaults: `:-` for unset or empty, `-` for unset only
    ['${SET:-d}', 'value'],
    ['${UNSET:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${SET-d}', 'value'],
    ['${UNSET-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${UNSET:-}', ''],
    ['${UNSET:-a b:c}', 'a b:c'],
    // replacements: `:+` when set and non-empty, `+` when set
    ['${SET:+r}', 'r'],
    ['${UNSET:+r}', ''],
    ['${EMPTY:+r}', ''],
    ['${SET+r}', 'r'],
    ['${UNSET+r}', ''],
    ['${EMPTY+r}', 'r'],
    // required variables that are present
    ['${SET?msg}', 'value'],
    ['${SET:?msg}', 'value'],
    ['${EMPTY?msg}', ''],
    // nesting
    ['${UNSET:-${OTHER}}', 'other'],
    ['${UNSET:-${ALSO_UNSET:-c}}', 'c'],
    ['${SET:-${UNSET?never evaluated}}', 'value'],
    ['${UNSET:-x${PORT}y}', 'x5432y'],
    ['${SET:+port=${PORT}}', 'port=5432'],
    ['${UNSET:-{a}}', '{a}'],
    // escapes and literal dollars
    ['$$', '$'],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['$$$SET', '$value'],
    ['price: 5$', 'price: 5$'],
    ['$1 and $ alone', '$1 and $ alone'],
    ['no dollar', 'no dollar'],
    ['postgres://u:${SET}@db:${PORT}/x', 'postgres://u:value@db:5432/x'],
  ])('%s → %j', (template, expected) => {
    expect(interpolate(template, env)).toBe(expected);
  });

  it('warns (like compose) for an unset variable without a default, and only then', () => {
    const warnings: string[] = [];
    interpolate('${UNSET} $ALSO ${D:-x} ${E-x} ${F:+x} ${SET}', env, undefined, (m) => warnings.push(m));
    expect(warnings).toEqual([
      'The "UNSET" variable is not set. Defaulting to a blank string.',
      'The "ALSO" variable is not set. Defaulting to a blank string.',
    ]);
  });

  it.each([
    ['${UNSET?msg}', 'required variable UNSET is missing a value: msg'],
    ['${UNSET:?msg}', 'required variable UNSET is missing a value: msg'],
    ['${EMPTY:?must not be empty}', 'required variable EMPTY is missing a value: must not be empty'],
    ['${UNSET?}', 'required variable UNSET is missing a value'],
    ['${UNSET:?}', 'required variable UNSET is missing a value'],
    ['${UNSET?set UNSET (see ${SET})}', 'required variable UNSET is missing a value: set UNSET (see value)'],
    ['${UNSET:-${INNER?inner needed}}', 'required variable INNER is missing a value: inner needed'],
  ])('%s throws %j', (template, message) => {
    let error: unknown;
    try {
      interpolate(template, env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InterpolationError);
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as Error).message).toBe(message);
  });

  it('names the location when given one, in compose wording', () => {
    expect(() => interpolate('${X?x is needed}', {}, 'services.api.image')).toThrow(
      'error while interpolating services.api.image: required variable X is missing a value: x is needed',
    );
  });

  it.each(['${SET', 'a ${UNSET:-b', '${}', '${1X}', '${SET:x}', '${SET:-${OTHER}'])(
    '%s is an invalid template',
    (template) => {
      expect(() => interpolate(template, env, 'services.api.command[0]')).toThrow(
        /invalid interpolation format for services\.api\.command\[0\]/,
      );
    },
  );
});
