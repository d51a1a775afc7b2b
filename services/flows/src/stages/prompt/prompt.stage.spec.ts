import { promptField, stageContext, testUser, type StageContextOverrides } from '../../../test/stage-context.js';
import { result, type PolicyRequest, type PolicyRuntime } from '../../policies/policy-runtime.js';
import type { PromptField } from './prompt-fields.js';
import { promptStage } from './prompt.stage.js';

const ALICE = { user: testUser({ pk: '7', username: 'alice' }) };

const USERNAME = promptField({ field_key: 'username', type: 'username', required: true, order: 1 });
const EMAIL = promptField({ field_key: 'email', type: 'email', required: true, order: 2 });
const PASSWORD = promptField({ field_key: 'password', type: 'password', required: true, order: 3 });
const PASSWORD_REPEAT = promptField({ field_key: 'password_repeat', type: 'password', required: true, order: 4 });
const SIGNUP = [USERNAME, EMAIL, PASSWORD, PASSWORD_REPEAT];
const VALID_SIGNUP = { username: 'newbie', email: 'newbie@example.com', password: 'secret-1', password_repeat: 'secret-1' };

/** Policies a test can bind as validation policies. */
const seen: PolicyRequest[] = [];
const recordingPolicy: PolicyRuntime = {
  type: 'recording',
  async evaluate(settings, request) {
    seen.push(request);
    return settings.pass === true ? result(true) : result(false, String(settings.message ?? ''));
  },
};
const brokenPolicy: PolicyRuntime = {
  type: 'broken',
  async evaluate() {
    throw new Error('policy crashed');
  },
};
const validation = (type: string, settings: Record<string, unknown> = {}) => ({ pk: `vp-${type}`, name: `${type} check`, type, settings });

const build = (fields: PromptField[], overrides: StageContextOverrides = {}) =>
  stageContext({ users: [ALICE], policies: [recordingPolicy, brokenPolicy], ...overrides, settings: { fields, ...overrides.settings } });

beforeEach(() => {
  seen.length = 0;
});

describe('promptStage: challenge', () => {
  it('shows the fields in their order with labels, types and sub texts', async () => {
    const { ctx } = build([EMAIL, USERNAME, promptField({ field_key: 'note', type: 'text', sub_text: 'optional', order: 0 })]);
    const shown = await promptStage.challenge(ctx);
    if (shown.kind !== 'challenge') throw new Error(`expected a challenge, got ${shown.kind}`);
    const fields = shown.challenge.fields as Array<Record<string, unknown>>;
    expect(fields.map((f) => f.field_key)).toEqual(['note', 'username', 'email']);
    expect(fields[0]).toEqual(expect.objectContaining({ type: 'text', sub_text: 'optional', required: false, choices: null }));
  });

  it('never sends a password collected earlier back to the browser', async () => {
    const { ctx } = build([USERNAME, PASSWORD], { plan: { prompt_data: { username: 'newbie', password: 'secret-1' } } });
    const shown = await promptStage.challenge(ctx);
    expect(JSON.stringify(shown)).not.toContain('secret-1');
    expect(JSON.stringify(shown)).toContain('newbie');
  });

  it('offers a choice field’s lines as choices, not as a placeholder', async () => {
    const { ctx } = build([promptField({ field_key: 'colour', type: 'dropdown', placeholder: 'red\ngreen' })]);
    const shown = await promptStage.challenge(ctx);
    expect(shown).toEqual({
      kind: 'challenge',
      challenge: {
        fields: [
          expect.objectContaining({
            placeholder: '',
            choices: [
              { label: 'red', value: 'red' },
              { label: 'green', value: 'green' },
            ],
          }),
        ],
      },
    });
  });

  it('shows nothing for a stage without fields', async () => {
    const { ctx } = stageContext({ settings: {} });
    expect(await promptStage.challenge(ctx)).toEqual({ kind: 'challenge', challenge: { fields: [] } });
  });
});

describe('promptStage: submit', () => {
  it('stores the cleaned answers in the prompt data without the repeated password', async () => {
    const { ctx } = build(SIGNUP);
    expect(await promptStage.submit(ctx, VALID_SIGNUP)).toEqual({ kind: 'next' });
    expect(ctx.plan.prompt_data).toEqual({ username: 'newbie', email: 'newbie@example.com', password: 'secret-1' });
  });

  it('keeps prompt data of earlier stages and overwrites only what it asked again', async () => {
    const { ctx } = build([EMAIL], { plan: { prompt_data: { username: 'newbie', email: 'old@example.com' } } });
    await promptStage.submit(ctx, { email: 'new@example.com' });
    expect(ctx.plan.prompt_data).toEqual({ username: 'newbie', email: 'new@example.com' });
  });

  it('drops response keys that are not fields of the stage', async () => {
    const { ctx } = build([EMAIL]);
    await promptStage.submit(ctx, { email: 'jane@example.com', is_superuser: true, 'attributes.role': 'admin', pending_user: '1' });
    expect(ctx.plan.prompt_data).toEqual({ email: 'jane@example.com' });
    expect(ctx.plan.pending_user).toBeUndefined();
  });

  it('never advances on an empty response when fields are required', async () => {
    const { ctx, identity } = build(SIGNUP);
    expect(await promptStage.submit(ctx, {})).toEqual({
      kind: 'invalid',
      errors: {
        username: ['This field is required.'],
        email: ['This field is required.'],
        password: ['This field is required.'],
        password_repeat: ['This field is required.'],
      },
      failedAttempt: false,
    });
    expect(ctx.plan.prompt_data).toBeUndefined();
    expect(identity.calls).toEqual([]);
  });

  it('reports every invalid field at once and stores none of the answers', async () => {
    const fields = [
      promptField({ field_key: 'age', type: 'number' }),
      promptField({ field_key: 'birthday', type: 'date' }),
      promptField({ field_key: 'colour', type: 'radio-button-group', placeholder: 'red\ngreen' }),
      promptField({ field_key: 'avatar', type: 'file' }),
      promptField({ field_key: 'terms', type: 'checkbox', required: true }),
      EMAIL,
    ];
    const { ctx } = build(fields);
    const answer = await promptStage.submit(ctx, {
      age: 'old',
      birthday: 'yesterday',
      colour: 'blue',
      avatar: 'https://example.com/a.png',
      terms: false,
      email: 'jane',
    });
    expect(answer).toEqual({
      kind: 'invalid',
      errors: {
        age: ['A valid number is required.'],
        birthday: ['Enter a valid date.'],
        colour: ['Select a valid choice.'],
        avatar: ['Upload a file (at most 512 KiB).'],
        terms: ['This field is required.'],
        email: ['Enter a valid email address.'],
      },
      failedAttempt: false,
    });
    expect(ctx.plan.prompt_data).toBeUndefined();
  });

  it('stores numbers as numbers and checkboxes as booleans', async () => {
    const { ctx } = build([promptField({ field_key: 'age', type: 'number' }), promptField({ field_key: 'news', type: 'checkbox' })]);
    await promptStage.submit(ctx, { age: '42', news: false });
    expect(ctx.plan.prompt_data).toEqual({ age: 42, news: false });
  });

  // Bug (prompt-fields.ts cleanValue): a required checkbox left out of the response is treated as
  // "not given" without an error, so omitting the field skips e.g. accepting the terms.
  it('refuses a response that leaves out a required checkbox', async () => {
    const { ctx } = build([promptField({ field_key: 'terms', type: 'checkbox', required: true })]);
    expect(await promptStage.submit(ctx, {})).toEqual({
      kind: 'invalid',
      errors: { terms: ['This field is required.'] },
      failedAttempt: false,
    });
  });

  it('ignores separators', async () => {
    const { ctx } = build([promptField({ field_key: 'sep', type: 'separator', required: true }), EMAIL]);
    expect(await promptStage.submit(ctx, { sep: 'x', email: 'jane@example.com' })).toEqual({ kind: 'next' });
    expect(ctx.plan.prompt_data).toEqual({ email: 'jane@example.com' });
  });
});

describe('promptStage: server-valued fields', () => {
  it('stores nothing for static text, whatever the client sends', async () => {
    const { ctx } = build([promptField({ field_key: 'banner', type: 'static', initial_value: 'Welcome' })]);
    expect(await promptStage.submit(ctx, { banner: 'forged' })).toEqual({ kind: 'next' });
    expect(ctx.plan.prompt_data).toEqual({});
  });

  it.each(['hidden', 'text_read_only', 'text_area_read_only'])(
    'takes a %s field’s configured value and ignores the client’s',
    async (type) => {
      const { ctx } = build([promptField({ field_key: 'role', type, initial_value: 'member' })]);
      expect(await promptStage.submit(ctx, { role: 'admin' })).toEqual({ kind: 'next' });
      expect(ctx.plan.prompt_data).toEqual({ role: 'member' });
    },
  );

  it('keeps a value an earlier stage collected for a read-only field, whatever the client sends', async () => {
    const { ctx } = build([promptField({ field_key: 'email', type: 'text_read_only', initial_value: '' })], {
      plan: { prompt_data: { email: 'invited@example.com' } },
    });
    await promptStage.submit(ctx, { email: 'attacker@example.com' });
    expect(ctx.plan.prompt_data).toEqual({ email: 'invited@example.com' });
  });

  it('sets a hidden field even when the client leaves it out', async () => {
    const { ctx } = build([promptField({ field_key: 'source', type: 'hidden', initial_value: 'signup-page' }), EMAIL]);
    await promptStage.submit(ctx, { email: 'jane@example.com' });
    expect(ctx.plan.prompt_data).toEqual({ source: 'signup-page', email: 'jane@example.com' });
  });
});

describe('promptStage: passwords', () => {
  it('refuses a repeated password that does not match, on the repeat field', async () => {
    const { ctx } = build(SIGNUP);
    expect(await promptStage.submit(ctx, { ...VALID_SIGNUP, password_repeat: 'secret-2' })).toEqual({
      kind: 'invalid',
      errors: { password_repeat: ["The passwords don't match."] },
      failedAttempt: false,
    });
    expect(ctx.plan.prompt_data).toBeUndefined();
  });

  it('compares the passwords exactly (case and spaces count)', async () => {
    for (const repeat of ['SECRET-1', 'secret-1 ', ' secret-1']) {
      const { ctx } = build(SIGNUP);
      expect((await promptStage.submit(ctx, { ...VALID_SIGNUP, password_repeat: repeat })).kind).toBe('invalid');
    }
  });

  it('refuses a repeated password when the password itself was refused', async () => {
    const { ctx } = build(SIGNUP);
    const answer = await promptStage.submit(ctx, { ...VALID_SIGNUP, password: 'p'.repeat(1025), password_repeat: 'p'.repeat(1025) });
    expect(answer).toEqual(
      expect.objectContaining({ kind: 'invalid', errors: expect.objectContaining({ password: [expect.any(String)] }) }),
    );
  });
});

describe('promptStage: usernames', () => {
  it('refuses a username another user has, ignoring case', async () => {
    for (const username of ['alice', 'ALICE']) {
      const { ctx } = build(SIGNUP);
      expect(await promptStage.submit(ctx, { ...VALID_SIGNUP, username })).toEqual({
        kind: 'invalid',
        errors: { username: ['This username is already taken.'] },
        failedAttempt: false,
      });
    }
  });

  it('lets the pending user keep their own username', async () => {
    const { ctx } = build([USERNAME], { plan: { pending_user: '7' } });
    expect(await promptStage.submit(ctx, { username: 'alice' })).toEqual({ kind: 'next' });
  });

  it('does not look up a username that is already invalid', async () => {
    const { ctx, identity } = build([USERNAME]);
    expect(await promptStage.submit(ctx, { username: 'not valid!' })).toEqual(expect.objectContaining({ kind: 'invalid' }));
    expect(identity.callsOf('getUser')).toEqual([]);
  });

  it('fails when core cannot tell whether the username is free', async () => {
    const { ctx, identity } = build([USERNAME]);
    jest.spyOn(identity, 'getUser').mockRejectedValue(new Error('core unreachable'));
    await expect(promptStage.submit(ctx, { username: 'newbie' })).rejects.toThrow('core unreachable');
    expect(ctx.plan.prompt_data).toBeUndefined();
  });
});

describe('promptStage: validation policies', () => {
  it('continues when every validation policy passes', async () => {
    const { ctx } = build([EMAIL], {
      settings: { validation_policies: [validation('recording', { pass: true }), validation('dummy', { result: true })] },
    });
    expect(await promptStage.submit(ctx, { email: 'jane@example.com' })).toEqual({ kind: 'next' });
  });

  it('shows the messages of a failing policy and stores nothing', async () => {
    const { ctx } = build([EMAIL], {
      settings: { validation_policies: [validation('recording', { pass: false, message: 'Use your work address.' })] },
    });
    expect(await promptStage.submit(ctx, { email: 'jane@example.com' })).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['Use your work address.'] },
      failedAttempt: false,
    });
    expect(ctx.plan.prompt_data).toBeUndefined();
  });

  it('fails when any one of several policies fails', async () => {
    const { ctx } = build([EMAIL], {
      settings: { validation_policies: [validation('dummy', { result: true }), validation('dummy', { result: false })] },
    });
    expect(await promptStage.submit(ctx, { email: 'jane@example.com' })).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['The values entered are not acceptable.'] },
      failedAttempt: false,
    });
  });

  it.each([
    ['throws', 'broken'],
    ['has no runtime in this build', 'no-such-policy-type'],
  ])('fails closed when a validation policy %s', async (_, type) => {
    const { ctx, log } = build([EMAIL], { settings: { validation_policies: [validation(type)] } });
    expect(await promptStage.submit(ctx, { email: 'jane@example.com' })).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['The values entered are not acceptable.'] },
      failedAttempt: false,
    });
    expect(ctx.plan.prompt_data).toBeUndefined();
    expect(log.lines()).toEqual([expect.objectContaining({ level: 'warn' })]);
  });

  it('hands the policies the new answers merged into the earlier prompt data, and the pending user', async () => {
    const { ctx } = build([EMAIL], {
      plan: { pending_user: '7', pending_user_identifier: 'alice', prompt_data: { username: 'alice' } },
      settings: { validation_policies: [validation('recording', { pass: true })] },
    });
    await promptStage.submit(ctx, { email: 'jane@example.com' });
    expect(seen).toHaveLength(1);
    expect(seen[0].user?.pk).toBe('7');
    expect(seen[0].identifier).toBe('alice');
    expect(seen[0].context.prompt_data).toEqual({ username: 'alice', email: 'jane@example.com' });
  });

  it('does not run validation policies when a field is already invalid', async () => {
    const { ctx } = build([EMAIL], { settings: { validation_policies: [validation('recording', { pass: true })] } });
    await promptStage.submit(ctx, { email: 'nope' });
    expect(seen).toEqual([]);
  });
});
