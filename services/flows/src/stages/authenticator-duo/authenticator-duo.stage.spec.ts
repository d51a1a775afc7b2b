import { OutboundClient } from '@authmesh/outbound';
import { startDuoStandin, type DuoStandin } from '@authmesh/testing';
import {
  CLIENT_IP,
  stageContext,
  stageDefinition,
  stageFakes,
  testDevice,
  testUser,
  type StageFakes,
} from '../../../test/stage-context.js';
import { authenticatorValidateStage } from '../authenticator-validate/authenticator-validate.stage.js';
import type { StageResult } from '../stage-runtime.js';
import { authenticatorDuoStage } from './authenticator-duo.stage.js';

const IKEY = 'DIDUOSPEC00000000001';
const SKEY = 'duo-spec-secret-key-012345678901234567890';
const alice = testUser({ pk: '5', username: 'alice' });
const bob = testUser({ pk: '6', username: 'bob' });

function fields(result: StageResult): Record<string, unknown> {
  if (result.kind !== 'challenge') throw new Error(`expected a challenge, got ${JSON.stringify(result)}`);
  return result.challenge;
}

describe('authenticatorDuoStage', () => {
  let duo: DuoStandin;
  let settings: Record<string, unknown>;
  const stage = () => authenticatorDuoStage(new OutboundClient({ allowedNetworks: ['127.0.0.1/32'] }), duo.baseUrl);

  beforeEach(async () => {
    duo = await startDuoStandin({ integrationKey: IKEY, secretKey: SKEY });
    settings = { client_id: IKEY, client_secret: SKEY, api_hostname: duo.hostname, friendly_name: 'Work phone' };
  });
  afterEach(() => duo.close());

  function enrollment(fakes: StageFakes, stageSettings = settings) {
    return stageContext({
      fakes,
      settings: stageSettings,
      plan: { pending_user: '5' },
      binding: { stage: stageDefinition('duo-stage', 'authenticator_duo', stageSettings) },
      duoUrl: duo.baseUrl,
    });
  }

  it('shows Duo’s activation code for the pending user, the same one until activation', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes);
    const shown = fields(await stage().challenge(ctx));
    expect(shown.activation_code).toMatch(/^duo:\/\//);
    expect(new URL(shown.activation_barcode as string).searchParams.get('value')).toBe(shown.activation_code);
    expect(shown.stage_uuid).toBe('duo-stage');
    expect(fields(await stage().challenge(ctx))).toEqual(shown);
    expect(duo.requests.filter((r) => r.path === '/auth/v2/enroll')).toEqual([
      { method: 'POST', path: '/auth/v2/enroll', params: { username: 'alice' } },
    ]);
  });

  it('waits for the activation, then records a confirmed device for the Duo user', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes);
    await stage().challenge(ctx);
    expect(await stage().submit(ctx, {})).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['Duo Mobile is not activated yet: scan the code, then continue.'] },
      failedAttempt: false,
    });
    expect(fakes.identity.devices).toEqual([]);
    const [duoUserId] = [...duo.users.keys()];
    duo.activate(duoUserId);
    expect(await stage().submit(ctx, {})).toEqual({ kind: 'next' });
    expect(fakes.identity.devices).toEqual([
      {
        userPk: '5',
        device: expect.objectContaining({
          type: 'duo',
          confirmed: true,
          name: 'Work phone',
          duo_user_id: duoUserId,
          stage_pk: 'duo-stage',
        }),
      },
    ]);
    expect(ctx.plan.duo_enrollment).toBeUndefined();
  });

  it('records nothing and says Duo cannot be reached when Duo refuses the keys, without logging the secret', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const wrong = { ...settings, client_secret: 'not-the-duo-secret-key-0123456789012345' };
    const { ctx } = enrollment(fakes, wrong);
    expect(await stage().challenge(ctx)).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['Duo could not be reached. Try again in a moment.'] },
      failedAttempt: false,
    });
    expect(fakes.identity.devices).toEqual([]);
    expect(fakes.log.text()).toContain('40103');
    expect(fakes.log.text()).not.toContain('not-the-duo-secret-key');
  });

  it('denies without a pending user and asks Duo nothing', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = stageContext({ fakes, settings, duoUrl: duo.baseUrl });
    expect((await stage().challenge(ctx)).kind).toBe('deny');
    expect((await stage().submit(ctx, {})).kind).toBe('deny');
    expect(duo.requests).toEqual([]);
  });

  describe('push at the validation stage', () => {
    function withDevice() {
      const fakes = stageFakes({
        users: [{ user: alice }, { user: bob }],
        stages: [stageDefinition('duo-stage', 'authenticator_duo', settings)],
      });
      const duoUserId = duo.addUser('alice');
      fakes.identity.devices.push({
        userPk: '5',
        device: testDevice({ pk: 'duo-device', type: 'duo', duo_user_id: duoUserId, stage_pk: 'duo-stage' }),
      });
      return { fakes, duoUserId };
    }
    const validation = (fakes: StageFakes, userPk = '5') =>
      stageContext({ fakes, settings: { device_classes: ['duo'] }, plan: { pending_user: userPk }, duoUrl: duo.baseUrl });
    const pick = (devicePk: string) => ({ selected_challenge: { device_class: 'duo', device_uid: devicePk } });

    it('passes when the user approves the push sent to the device’s Duo user', async () => {
      const { fakes, duoUserId } = withDevice();
      const { ctx } = validation(fakes);
      expect(fields(await authenticatorValidateStage.challenge(ctx)).device_challenges).toEqual([
        { device_class: 'duo', device_uid: 'duo-device', challenge: {} },
      ]);
      expect(await authenticatorValidateStage.submit(ctx, pick('duo-device'))).toEqual({ kind: 'next' });
      expect(duo.requests.at(-1)).toEqual({
        method: 'POST',
        path: '/auth/v2/auth',
        params: { user_id: duoUserId, factor: 'push', device: 'auto' },
      });
      expect(ctx.plan.mfa_device).toBe('duo-device');
      expect(fakes.identity.callsOf('touchDevice')).toEqual([{ userPk: '5', devicePk: 'duo-device' }]);
      expect(await fakes.reputation.scoreOf('username', 'alice')).toBe(1);
    });

    it('remembers an approved push like any other factor when the stage has a validation threshold', async () => {
      const { fakes } = withDevice();
      const { ctx, response } = stageContext({
        fakes,
        settings: { device_classes: ['duo'], last_auth_threshold: 'hours=1' },
        plan: { pending_user: '5' },
        duoUrl: duo.baseUrl,
      });
      expect(await authenticatorValidateStage.submit(ctx, pick('duo-device'))).toEqual({ kind: 'next' });
      expect(response.cookie('authmesh_mfa')).toMatchObject({ maxAgeSeconds: 3600, httpOnly: true });
    });

    it('refuses when the user denies the push, charging the attempt', async () => {
      const { fakes, duoUserId } = withDevice();
      duo.setPushAnswer(duoUserId, 'deny');
      const { ctx } = validation(fakes);
      expect(await authenticatorValidateStage.submit(ctx, pick('duo-device'))).toEqual({
        kind: 'invalid',
        errors: { non_field_errors: ['The login was not approved on the device.'] },
        failedAttempt: true,
      });
      expect(ctx.plan.mfa_device).toBeUndefined();
      expect(await fakes.reputation.scoreOf('username', 'alice')).toBe(-1);
      expect(await fakes.reputation.scoreOf('ip', CLIENT_IP)).toBe(-1);
    });

    it('sends no push for a device that is not the user’s own, or whose stage is gone', async () => {
      const { fakes } = withDevice();
      bobHasDevice(fakes);
      const asBob = await authenticatorValidateStage.submit(validation(fakes, '6').ctx, pick('duo-device'));
      expect(asBob).toMatchObject({ kind: 'invalid', errors: { code: ['This field is required.'] } });
      fakes.config.stages.delete('duo-stage');
      expect(await authenticatorValidateStage.submit(validation(fakes).ctx, pick('duo-device'))).toMatchObject({
        errors: { non_field_errors: ['This Duo device can no longer be used; use another device.'] },
      });
      expect(duo.requests.filter((r) => r.path === '/auth/v2/auth')).toEqual([]);
    });
  });
});

/** Bob has a Duo device of his own, so the validation stage asks him for one. */
function bobHasDevice(fakes: StageFakes) {
  fakes.identity.devices.push({
    userPk: '6',
    device: testDevice({ pk: 'bobs-duo', type: 'duo', duo_user_id: 'DUBOB', stage_pk: 'duo-stage' }),
  });
}
