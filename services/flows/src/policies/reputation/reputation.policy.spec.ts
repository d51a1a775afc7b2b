import { CLIENT_IP, memoryReputation, policyRequest, testUser } from '../../../test/stage-context.js';
import { reputationPolicy } from './reputation.policy.js';

const signal = new AbortController().signal;

async function withScores(scores: { ip?: number; username?: number }, username = 'alice') {
  const { service, repository } = memoryReputation();
  if (scores.ip) await repository.change('ip', CLIENT_IP, scores.ip);
  if (scores.username) await repository.change('username', username, scores.username);
  return reputationPolicy(service);
}

describe('reputationPolicy', () => {
  it('passes a clean address and username', async () => {
    const policy = await withScores({});
    expect(await policy.evaluate({}, policyRequest({ identifier: 'alice' }), signal)).toEqual({ passing: true, messages: [] });
  });

  it('fails an address at or below the threshold (-5 by default)', async () => {
    const atThreshold = await withScores({ ip: -5 });
    expect(await atThreshold.evaluate({}, policyRequest(), signal)).toEqual({
      passing: false,
      messages: ['Too many failed attempts from this address.'],
    });
    const above = await withScores({ ip: -4 });
    expect((await above.evaluate({}, policyRequest(), signal)).passing).toBe(true);
  });

  it('fails a username at or below the threshold, whatever address it comes from', async () => {
    const policy = await withScores({ username: -5 });
    expect(await policy.evaluate({}, policyRequest({ identifier: 'alice', clientIp: '198.51.100.1' }), signal)).toEqual({
      passing: false,
      messages: ['Too many failed attempts for this account.'],
    });
  });

  it('checks the username ignoring case and surrounding spaces, like the charges', async () => {
    const policy = await withScores({ username: -10 });
    expect((await policy.evaluate({}, policyRequest({ identifier: ' ALICE ' }), signal)).passing).toBe(false);
  });

  it('checks the user’s username before what was typed', async () => {
    const policy = await withScores({ username: -10 });
    const request = policyRequest({ user: testUser({ pk: '7', username: 'alice' }), identifier: 'alice@example.com' });
    expect((await policy.evaluate({}, request, signal)).passing).toBe(false);
  });

  it('uses the configured threshold', async () => {
    const policy = await withScores({ ip: -2 });
    expect((await policy.evaluate({ threshold: -2 }, policyRequest(), signal)).passing).toBe(false);
    expect((await policy.evaluate({ threshold: -3 }, policyRequest(), signal)).passing).toBe(true);
  });

  it('skips the address or the username when told to', async () => {
    const badIp = await withScores({ ip: -10 });
    expect((await badIp.evaluate({ check_ip: false }, policyRequest({ identifier: 'alice' }), signal)).passing).toBe(true);
    const badName = await withScores({ username: -10 });
    expect((await badName.evaluate({ check_username: false }, policyRequest({ identifier: 'alice' }), signal)).passing).toBe(true);
  });

  it('passes an anonymous request without an address', async () => {
    const policy = await withScores({});
    expect((await policy.evaluate({}, policyRequest({ clientIp: '' }), signal)).passing).toBe(true);
  });

  // Bug: the threshold is read with Number(), so a threshold that is not a number (NaN) makes
  // every `score <= threshold` false and the policy passes every client, however bad its score;
  // malformed settings should deny (SECURITY.md rule 1), as the password policy does.
  it('fails every request when the threshold is not a number', async () => {
    const policy = await withScores({ ip: -1000, username: -1000 });
    expect((await policy.evaluate({ threshold: 'five' }, policyRequest({ identifier: 'alice' }), signal)).passing).toBe(false);
  });
});
