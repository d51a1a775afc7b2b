import { CLIENT_IP, stageContext, testUser, type StageContextOverrides } from '../../../test/stage-context.js';
import { userWriteStage } from './user-write.stage.js';

const ALICE = { user: testUser({ pk: '7', username: 'alice', attributes_json: JSON.stringify({ team: 'blue' }) }), password: 'old' };
const SIGNUP = { username: 'newbie', name: 'New Bie', email: 'newbie@example.com', password: 'secret-1' };

const build = (overrides: StageContextOverrides = {}) => stageContext({ users: [ALICE], ...overrides });

/** The fields the stage sent to core in its one write. */
function written(identity: ReturnType<typeof build>['identity']) {
  const [request] = identity.callsOf('writeUser') as Array<{
    user_pk: string;
    fields_json: string;
    password: string;
    add_group_pk: string;
  }>;
  return { ...request, fields: JSON.parse(request.fields_json) as Record<string, unknown> };
}

describe('userWriteStage: creation modes', () => {
  it('creates a user when none is pending (create_when_required, the default)', async () => {
    const { ctx, identity } = build({ plan: { prompt_data: SIGNUP } });
    expect(await userWriteStage.challenge(ctx)).toEqual({ kind: 'next' });
    const request = written(identity);
    expect(request.user_pk).toBe('');
    expect(request.fields).toEqual({ username: 'newbie', name: 'New Bie', email: 'newbie@example.com', type: 'external', is_active: true });
    expect(request.password).toBe('secret-1');
    expect(ctx.plan.pending_user).toBe('1000');
    expect(ctx.plan.user_created).toBe(true);
  });

  it('updates the pending user when there is one (create_when_required)', async () => {
    const { ctx, identity } = build({ plan: { pending_user: '7', prompt_data: { email: 'alice@example.com' } } });
    expect(await userWriteStage.challenge(ctx)).toEqual({ kind: 'next' });
    const request = written(identity);
    expect(request.user_pk).toBe('7');
    expect(request.fields).toEqual({ email: 'alice@example.com' });
    expect(ctx.plan.pending_user).toBe('7');
    expect(ctx.plan.user_created).toBe(false);
  });

  it('creates a new user even when one is pending (always_create)', async () => {
    const { ctx, identity } = build({
      settings: { user_creation_mode: 'always_create' },
      plan: { pending_user: '7', prompt_data: SIGNUP },
    });
    await userWriteStage.challenge(ctx);
    expect(written(identity).user_pk).toBe('');
    expect(ctx.plan.pending_user).toBe('1000');
    expect(ctx.plan.user_created).toBe(true);
  });

  it('only updates with never_create, and denies when nobody is pending', async () => {
    const update = build({ settings: { user_creation_mode: 'never_create' }, plan: { pending_user: '7', prompt_data: { name: 'Alice' } } });
    expect(await userWriteStage.challenge(update.ctx)).toEqual({ kind: 'next' });
    expect(written(update.identity).user_pk).toBe('7');

    const nobody = build({ settings: { user_creation_mode: 'never_create' }, plan: { prompt_data: SIGNUP } });
    expect(await userWriteStage.challenge(nobody.ctx)).toEqual({ kind: 'deny', message: 'There is no account to update here.' });
    expect(nobody.identity.calls).toEqual([]);
  });

  it('treats a creation mode it does not know as never creating', async () => {
    const { ctx, identity } = build({ settings: { user_creation_mode: 'sometimes' }, plan: { prompt_data: SIGNUP } });
    expect((await userWriteStage.challenge(ctx)).kind).toBe('deny');
    expect(identity.calls).toEqual([]);
  });

  it('creates users with the configured type, group, path and as inactive when asked', async () => {
    const { ctx, identity } = build({
      settings: {
        user_type: 'internal',
        create_users_group: 'group-uuid',
        user_path_template: 'users/signup',
        create_users_as_inactive: true,
      },
      plan: { prompt_data: { ...SIGNUP, path: 'admins' } },
    });
    await userWriteStage.challenge(ctx);
    const request = written(identity);
    expect(request.fields).toEqual(expect.objectContaining({ type: 'internal', is_active: false, path: 'users/signup' }));
    expect(request.add_group_pk).toBe('group-uuid');
  });

  it('adds no group and sets no type or activity when it only updates', async () => {
    const { ctx, identity } = build({
      settings: { create_users_group: 'group-uuid', create_users_as_inactive: true },
      plan: { pending_user: '7', prompt_data: { name: 'Alice' } },
    });
    await userWriteStage.challenge(ctx);
    const request = written(identity);
    expect(request.add_group_pk).toBe('');
    expect(request.fields).toEqual({ name: 'Alice' });
  });

  it('writes the same way on submit as on challenge', async () => {
    const { ctx, identity } = build({ plan: { prompt_data: SIGNUP } });
    expect(await userWriteStage.submit(ctx, { anything: 'ignored' })).toEqual({ kind: 'next' });
    expect(written(identity).fields).toEqual(expect.objectContaining({ username: 'newbie' }));
  });

  it('passes the client address to core for its event', async () => {
    const { ctx, identity } = build({ plan: { prompt_data: SIGNUP } });
    await userWriteStage.challenge(ctx);
    expect(identity.callsOf('writeUser')).toEqual([expect.objectContaining({ client_ip: CLIENT_IP })]);
  });
});

describe('userWriteStage: prompt data', () => {
  it('never stores the password or its repetition as fields or attributes', async () => {
    const { ctx, identity } = build({ plan: { prompt_data: { ...SIGNUP, password_repeat: 'secret-1' } } });
    await userWriteStage.challenge(ctx);
    const request = written(identity);
    expect(request.fields_json).not.toContain('secret-1');
    expect(request.password).toBe('secret-1');
  });

  it('sends no password when the prompt data has none or a non-string one', async () => {
    for (const password of [undefined, 12345]) {
      const { ctx, identity } = build({ plan: { pending_user: '7', prompt_data: { name: 'Alice', password } } });
      await userWriteStage.challenge(ctx);
      expect(written(identity).password).toBe('');
    }
  });

  it('puts unknown keys and attributes.x.y keys into nested attributes', async () => {
    const { ctx, identity } = build({
      plan: {
        prompt_data: {
          ...SIGNUP,
          locale: 'de',
          'attributes.settings.theme': 'dark',
          'attributes.settings.compact': true,
          'org.unit': 'sales',
        },
      },
    });
    await userWriteStage.challenge(ctx);
    expect(written(identity).fields.attributes).toEqual({
      locale: 'de',
      settings: { theme: 'dark', compact: true },
      org: { unit: 'sales' },
    });
  });

  it('sends no attributes when every key is a user field', async () => {
    const { ctx, identity } = build({ plan: { prompt_data: SIGNUP } });
    await userWriteStage.challenge(ctx);
    expect(written(identity).fields).not.toHaveProperty('attributes');
  });

  it('cannot set privileged user fields from prompt data: they land in attributes', async () => {
    const { ctx, identity } = build({
      plan: { pending_user: '7', prompt_data: { is_superuser: true, is_active: true, type: 'internal', pk: '1' } },
    });
    await userWriteStage.challenge(ctx);
    expect(written(identity).fields).toEqual({ attributes: { is_superuser: true, is_active: true, type: 'internal', pk: '1' } });
  });

  it.each([
    ['__proto__.polluted', '__proto__.polluted'],
    ['attributes.__proto__.polluted', 'attributes.__proto__.polluted'],
    ['constructor.prototype.polluted', 'constructor.prototype.polluted'],
    ['attributes.a.constructor', 'attributes.a.constructor'],
  ])('ignores the key %s and pollutes no prototype', async (_, key) => {
    const { ctx, identity } = build({ plan: { prompt_data: { ...SIGNUP, [key]: 'yes', kept: 1 } } });
    await userWriteStage.challenge(ctx);
    expect(written(identity).fields.attributes).toEqual({ kept: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores a __proto__ key that came from parsed JSON', async () => {
    const promptData = JSON.parse('{"username":"newbie","__proto__":{"polluted":"yes"},"kept":1}') as Record<string, unknown>;
    const { ctx, identity } = build({ plan: { prompt_data: promptData } });
    await userWriteStage.challenge(ctx);
    expect(written(identity).fields.attributes).toEqual({ kept: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores keys that name no attribute at all, and skips empty segments', async () => {
    const { ctx, identity } = build({ plan: { prompt_data: { ...SIGNUP, 'attributes.': 'x', '..': 'y', 'a..b': 'z' } } });
    await userWriteStage.challenge(ctx);
    expect(written(identity).fields.attributes).toEqual({ a: { b: 'z' } });
  });
});

describe('userWriteStage: refusals', () => {
  it('answers the errors core sent back as an invalid response, and changes nothing in the plan', async () => {
    const { ctx, identity } = build({ plan: { prompt_data: SIGNUP } });
    identity.writeErrors = { username: ['This username is already taken.'] };
    expect(await userWriteStage.challenge(ctx)).toEqual({
      kind: 'invalid',
      errors: { username: ['This username is already taken.'] },
      failedAttempt: false,
    });
    expect(ctx.plan.pending_user).toBeUndefined();
    expect(ctx.plan.user_created).toBeUndefined();
  });

  it('still fails when core refuses the write without saying why', async () => {
    const { ctx, identity } = build({ plan: { pending_user: '7', prompt_data: { name: 'Alice' } } });
    jest.spyOn(identity, 'writeUser').mockResolvedValue({ user: null, errors_json: '' });
    expect(await userWriteStage.challenge(ctx)).toEqual({ kind: 'invalid', errors: {}, failedAttempt: false });
    expect(ctx.plan.user_created).toBeUndefined();
  });
});
