import { stageContext, type StageContextOverrides, type TestInvitation } from '../../../test/stage-context.js';
import { INVITATION_PARAM, invitationStage } from './invitation.stage.js';

const TOKEN = '5b0d9e4c-1f2a-4c3b-9d8e-7f6a5b4c3d2e';
const INVITATION: TestInvitation = {
  pk: 'invitation-1',
  token: TOKEN,
  flowPk: 'flow-1',
  fixedData: { email: 'invited@example.com', 'attributes.team': 'blue' },
};
const REFUSED = { kind: 'deny', message: 'The invitation is not valid here, has expired or was already used.' };

const withToken = (token: string | null, overrides: StageContextOverrides = {}) =>
  stageContext({
    invitations: [INVITATION, { pk: 'invitation-once', token: 'single-use-token', flowPk: 'flow-1', singleUse: true }],
    request: { query: new URLSearchParams(token === null ? {} : { [INVITATION_PARAM]: token, next: '/app' }) },
    ...overrides,
  });

describe('invitationStage: without a token', () => {
  it('denies when the flow needs an invitation', async () => {
    const { ctx, config } = withToken(null);
    expect(await invitationStage.challenge(ctx)).toEqual({ kind: 'deny', message: 'This flow needs a valid invitation link.' });
    expect(config.invitationCalls).toEqual([]);
  });

  it('denies an empty token like a missing one', async () => {
    const { ctx, config } = withToken('');
    expect(await invitationStage.challenge(ctx)).toEqual({ kind: 'deny', message: 'This flow needs a valid invitation link.' });
    expect(config.invitationCalls).toEqual([]);
  });

  it('continues without changing the plan when the stage allows flows without invitation', async () => {
    const { ctx, config } = withToken(null, { settings: { continue_flow_without_invitation: true }, plan: { prompt_data: { a: 1 } } });
    expect(await invitationStage.challenge(ctx)).toEqual({ kind: 'next' });
    expect(ctx.plan).toEqual({ prompt_data: { a: 1 } });
    expect(config.invitationCalls).toEqual([]);
  });

  it('needs exactly true to continue without invitation', async () => {
    const { ctx } = withToken(null, { settings: { continue_flow_without_invitation: 'true' } });
    expect((await invitationStage.challenge(ctx)).kind).toBe('deny');
  });
});

describe('invitationStage: with a token', () => {
  it('has core check the token for this flow, and merges its fixed data into the prompt data', async () => {
    const { ctx, config } = withToken(TOKEN, { plan: { prompt_data: { username: 'newbie', email: 'typed@example.com' } } });
    expect(await invitationStage.challenge(ctx)).toEqual({ kind: 'next' });
    expect(config.invitationCalls).toEqual([{ token: TOKEN, flowPk: 'flow-1' }]);
    expect(ctx.plan.prompt_data).toEqual({ username: 'newbie', email: 'invited@example.com', 'attributes.team': 'blue' });
    expect(ctx.plan.invitation).toBe('invitation-1');
  });

  it('starts the prompt data when there was none', async () => {
    const { ctx } = withToken(TOKEN);
    await invitationStage.challenge(ctx);
    expect(ctx.plan.prompt_data).toEqual(INVITATION.fixedData);
  });

  it('denies a token core does not know, changing nothing', async () => {
    const { ctx } = withToken('not-a-token', { plan: { prompt_data: { a: 1 } } });
    expect(await invitationStage.challenge(ctx)).toEqual(REFUSED);
    expect(ctx.plan).toEqual({ prompt_data: { a: 1 } });
  });

  it('denies an invitation issued for another flow', async () => {
    const { ctx } = withToken(TOKEN, { flow: { pk: 'flow-2' } });
    expect(await invitationStage.challenge(ctx)).toEqual(REFUSED);
    expect(ctx.plan.invitation).toBeUndefined();
  });

  it('denies a token even when the stage allows flows without invitation', async () => {
    const { ctx } = withToken('not-a-token', { settings: { continue_flow_without_invitation: true } });
    expect(await invitationStage.challenge(ctx)).toEqual(REFUSED);
  });

  it('denies a single-use invitation the second time', async () => {
    const first = withToken('single-use-token');
    expect(await invitationStage.challenge(first.ctx)).toEqual({ kind: 'next' });
    const second = withToken('single-use-token', { fakes: first });
    expect(await invitationStage.challenge(second.ctx)).toEqual(REFUSED);
  });

  it('refuses an over-long token without asking core', async () => {
    const { ctx, config } = withToken('t'.repeat(100_000));
    expect(await invitationStage.challenge(ctx)).toEqual(REFUSED);
    expect(config.invitationCalls).toEqual([]);
  });

  it('does the same on submit', async () => {
    const { ctx } = withToken(TOKEN);
    expect(await invitationStage.submit(ctx, {})).toEqual({ kind: 'next' });
    expect(ctx.plan.invitation).toBe('invitation-1');
  });
});
