import { promptField } from '../../../test/stage-context.js';
import { choicesOf, cleanValue, type PromptField } from './prompt-fields.js';

const ok = (value: unknown) => ({ value });
const field = (type: string, more: Partial<PromptField> = {}) => promptField({ field_key: 'f', type, ...more });

describe('cleanValue: required and empty values', () => {
  it.each([undefined, null, ''])('answers "not given" for an optional field left %p', (raw) => {
    expect(cleanValue(field('text'), raw)).toEqual({});
  });

  it.each([undefined, null, ''])('refuses a required field left %p', (raw) => {
    expect(cleanValue(field('text', { required: true }), raw)).toEqual({ error: 'This field is required.' });
  });

  it.each(['email', 'number', 'username', 'password', 'date', 'date-time', 'dropdown', 'file'])(
    'refuses a required %s field left empty',
    (type) => {
      expect(cleanValue(field(type, { required: true }), '')).toEqual({ error: 'This field is required.' });
    },
  );

  it('keeps a single space in a text field (only the empty string counts as empty)', () => {
    expect(cleanValue(field('text', { required: true }), ' ')).toEqual(ok(' '));
  });
});

describe('cleanValue: text', () => {
  it('accepts text up to 10 000 characters and refuses more', () => {
    expect(cleanValue(field('text'), 'x'.repeat(10_000))).toEqual(ok('x'.repeat(10_000)));
    expect(cleanValue(field('text'), 'x'.repeat(10_001))).toEqual({ error: 'Ensure this field has no more than 10000 characters.' });
  });

  it.each([
    ['a number', 5],
    ['a list', ['a']],
    ['an object', { a: 1 }],
    ['a boolean', true],
  ])('refuses %s where text is expected', (_, raw) => {
    expect(cleanValue(field('text_area'), raw)).toEqual({ error: 'Not a valid string.' });
  });

  it('treats a field type it does not know as bounded text', () => {
    expect(cleanValue(field('ak-locale'), 'de')).toEqual(ok('de'));
    expect(cleanValue(field('ak-locale'), { de: 1 })).toEqual({ error: 'Not a valid string.' });
  });
});

describe('cleanValue: username', () => {
  it.each(['alice', 'a.b-c_d+e@example.com', 'x'.repeat(150)])('accepts %p', (raw) => {
    expect(cleanValue(field('username'), raw)).toEqual(ok(raw));
  });

  it.each(['with space', 'semi;colon', 'slash/', 'ünïcödé', 'x'.repeat(151), 'new\nline', 42])('refuses %p', (raw) => {
    expect(cleanValue(field('username'), raw)).toEqual({ error: 'Use at most 150 letters, digits and @ . + - _ characters.' });
  });
});

describe('cleanValue: email', () => {
  it.each(['jane@example.com', 'j.doe+tag@sub.example.org'])('accepts %p', (raw) => {
    expect(cleanValue(field('email'), raw)).toEqual(ok(raw));
  });

  it.each([
    ['no @', 'jane.example.com'],
    ['no domain dot', 'jane@localhost'],
    ['two @', 'jane@doe@example.com'],
    ['spaces', 'jane doe@example.com'],
    ['a second address after a line break', 'jane@example.com\nbcc@evil.example'],
    ['more than 254 characters', `${'j'.repeat(250)}@example.com`],
    ['a list', ['jane@example.com']],
  ])('refuses an address with %s', (_, raw) => {
    expect(cleanValue(field('email'), raw)).toEqual({ error: 'Enter a valid email address.' });
  });
});

describe('cleanValue: number', () => {
  it.each([
    [42, 42],
    [-1.5, -1.5],
    ['7', 7],
    [' 8 ', 8],
    ['0', 0],
  ])('accepts %p as %p', (raw, value) => {
    expect(cleanValue(field('number'), raw)).toEqual(ok(value));
  });

  it.each([['abc'], [' '], [Number.NaN], [Number.POSITIVE_INFINITY], ['Infinity'], [true], [[1]]])('refuses %p', (raw) => {
    expect(cleanValue(field('number'), raw)).toEqual({ error: 'A valid number is required.' });
  });
});

describe('cleanValue: checkbox', () => {
  it('keeps true and false of an optional checkbox', () => {
    expect(cleanValue(field('checkbox'), true)).toEqual(ok(true));
    expect(cleanValue(field('checkbox'), false)).toEqual(ok(false));
  });

  it('answers "not given" for an optional checkbox that was left out', () => {
    expect(cleanValue(field('checkbox'), undefined)).toEqual({});
  });

  it.each(['true', 'on', 1, 0])('refuses %p: only booleans are checkbox values', (raw) => {
    expect(cleanValue(field('checkbox'), raw)).toEqual({ error: 'Must be true or false.' });
  });

  it('refuses an unticked required checkbox', () => {
    expect(cleanValue(field('checkbox', { required: true }), false)).toEqual({ error: 'This field is required.' });
    expect(cleanValue(field('checkbox', { required: true }), true)).toEqual(ok(true));
  });

  // Bug: cleanValue exempts checkboxes from the "required" check when the value is absent, so a
  // client that leaves a required checkbox (e.g. "accept the terms") out of its response passes
  // it, while one that sends false is refused (SECURITY.md rule 1: missing input denies).
  it('refuses a required checkbox that was left out of the response', () => {
    expect(cleanValue(field('checkbox', { required: true }), undefined)).toEqual({ error: 'This field is required.' });
  });
});

describe('cleanValue: password', () => {
  it('accepts up to 1024 characters and refuses more', () => {
    expect(cleanValue(field('password'), 'p'.repeat(1024))).toEqual(ok('p'.repeat(1024)));
    expect(cleanValue(field('password'), 'p'.repeat(1025))).toEqual({ error: 'Ensure this field has no more than 1024 characters.' });
  });

  it('refuses a password that is not a string', () => {
    expect(cleanValue(field('password'), { $ne: '' })).toEqual({ error: 'Not a valid string.' });
  });
});

describe('cleanValue: dates', () => {
  it.each(['2024-02-29', '1999-12-31'])('accepts the date %p', (raw) => {
    expect(cleanValue(field('date'), raw)).toEqual(ok(raw));
  });

  it.each(['2024-13-01', '2024-01-32', '24-01-01', '2024-1-1', '01/02/2024', '2024-01-01T00:00:00Z', 20240101])(
    'refuses the date %p',
    (raw) => {
      expect(cleanValue(field('date'), raw)).toEqual({ error: 'Enter a valid date.' });
    },
  );

  // Bug: dates are checked with a pattern and Date.parse, and V8 rolls day 29–31 over into the
  // next month instead of refusing it, so impossible calendar dates are stored as entered.
  it.each(['2023-02-29', '2024-02-30', '2024-04-31'])('refuses the impossible calendar date %p', (raw) => {
    expect(cleanValue(field('date'), raw)).toEqual({ error: 'Enter a valid date.' });
  });

  it.each(['2024-01-01T10:00:00Z', '2024-01-01T10:00:00.123+02:00', '2024-01-01T10:00'])('accepts the date/time %p', (raw) => {
    expect(cleanValue(field('date-time'), raw)).toEqual(ok(raw));
  });

  it.each(['not a date', '2024-13-01T00:00:00Z', 5])('refuses the date/time %p', (raw) => {
    expect(cleanValue(field('date-time'), raw)).toEqual({ error: 'Enter a valid date/time.' });
  });

  // Bug: any string V8's lenient Date.parse accepts passes as a date/time, including free text
  // with a number in it, so the field stores values that are not date/times at all.
  it.each(['hello 1', '0', 'March 7'])('refuses free text %p that Date.parse happens to read', (raw) => {
    expect(cleanValue(field('date-time'), raw)).toEqual({ error: 'Enter a valid date/time.' });
  });
});

describe('cleanValue: choices', () => {
  const colours = { placeholder: 'red\n  green  \n\nblue\n' };

  it('reads one choice per non-empty line of the placeholder, trimmed', () => {
    expect(choicesOf(field('dropdown', colours))).toEqual(['red', 'green', 'blue']);
  });

  it.each(['dropdown', 'radio-button-group'])('accepts only a listed choice in a %s', (type) => {
    expect(cleanValue(field(type, colours), 'green')).toEqual(ok('green'));
    expect(cleanValue(field(type, colours), 'purple')).toEqual({ error: 'Select a valid choice.' });
    expect(cleanValue(field(type, colours), '  green  ')).toEqual({ error: 'Select a valid choice.' });
    expect(cleanValue(field(type, colours), ['green'])).toEqual({ error: 'Select a valid choice.' });
  });

  it('checks against the choices it is given instead of the placeholder', () => {
    expect(cleanValue(field('dropdown', colours), 'purple', ['purple'])).toEqual(ok('purple'));
    expect(cleanValue(field('dropdown', colours), 'red', ['purple'])).toEqual({ error: 'Select a valid choice.' });
  });
});

describe('cleanValue: file', () => {
  it('accepts a data URL up to 512 KiB', () => {
    const data = `data:text/plain;base64,${'A'.repeat(512 * 1024 - 'data:text/plain;base64,'.length)}`;
    expect(cleanValue(field('file'), data)).toEqual(ok(data));
  });

  it.each([
    ['a URL', 'https://example.com/file.png'],
    ['a local path', '/etc/passwd'],
    ['more than 512 KiB', `data:,${'A'.repeat(512 * 1024)}`],
    ['an object', { name: 'x.png' }],
  ])('refuses %s', (_, raw) => {
    expect(cleanValue(field('file'), raw)).toEqual({ error: 'Upload a file (at most 512 KiB).' });
  });
});
