import { stageContext } from '../../../test/stage-context.js';
import { dummyStage } from './dummy.stage.js';

describe('dummyStage', () => {
  it('shows a continue button', async () => {
    expect(await dummyStage.challenge(stageContext().ctx)).toEqual({ kind: 'challenge', challenge: { title: 'Continue' } });
  });

  it('continues on any answer, changing nothing', async () => {
    const { ctx, response, identity } = stageContext({ plan: { pending_user: '7' } });
    expect(await dummyStage.submit(ctx, {})).toEqual({ kind: 'next' });
    expect(ctx.plan).toEqual({ pending_user: '7' });
    expect(response.cookies).toEqual([]);
    expect(identity.calls).toEqual([]);
  });
});
