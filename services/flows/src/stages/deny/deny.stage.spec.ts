import { stageContext } from '../../../test/stage-context.js';
import { denyStage } from './deny.stage.js';

describe('denyStage', () => {
  it('denies with the configured message on GET and on POST', async () => {
    const { ctx } = stageContext({ settings: { deny_message: 'Sign-ups are closed.' } });
    expect(await denyStage.challenge(ctx)).toEqual({ kind: 'deny', message: 'Sign-ups are closed.' });
    expect(await denyStage.submit(ctx, { anything: true })).toEqual({ kind: 'deny', message: 'Sign-ups are closed.' });
  });

  it.each([
    ['no message', {}],
    ['an empty message', { deny_message: '' }],
  ])('denies with a default message when the stage has %s', async (_, settings) => {
    const { ctx } = stageContext({ settings });
    expect(await denyStage.challenge(ctx)).toEqual({ kind: 'deny', message: 'Access denied.' });
  });

  it('changes nothing: no plan change, cookies or calls', async () => {
    const { ctx, identity, response } = stageContext({ plan: { pending_user: '7' } });
    await denyStage.submit(ctx, {});
    expect(ctx.plan).toEqual({ pending_user: '7' });
    expect(response.cookies).toEqual([]);
    expect(identity.calls).toEqual([]);
  });
});
