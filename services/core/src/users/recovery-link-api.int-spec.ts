import { Writable } from 'node:stream';
import { Subjects, type BusMessage } from '@authmesh/bus';
import { createLogger } from '@authmesh/logger';
import { GrpcHost, loadProtos, unary, type CreateRecoveryLinkRequest__Output } from '@authmesh/rpc';
import { FailedPreconditionError, NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import { freePort } from '@authmesh/testing';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

const LINK = 'http://id.example.com/if/flow/recover/?flow_token=abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The recovery link actions of the users API. The flow executor is a gRPC stand-in that
 * records what core asks (the flows service's own tests cover planning and the token); core's
 * checks, error answers and events run for real against PostgreSQL.
 */
describe('recovery links of users', () => {
  const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
  let core: CoreHarness;
  let flows: GrpcHost;
  const asked: CreateRecoveryLinkRequest__Output[] = [];
  const events: BusMessage[] = [];
  /** What the stand-in does next: answer, or fail like the flows service does. */
  let answer: () => { link: string; flow_slug: string; expires: string } = () => ({
    link: LINK,
    flow_slug: 'recover',
    expires: '2030-01-01T00:00:00.000Z',
  });
  let alice = 0;
  let nomail = 0;
  let inactive = 0;
  let emailStage = '';
  let denyStage = '';

  beforeAll(async () => {
    const port = await freePort();
    core = await startCore({ AUTHMESH_FLOWS_GRPC: `127.0.0.1:${port}` });
    flows = new GrpcHost({ meshKey: core.meshKey, logger });
    flows.add(loadProtos().flows.authmesh.flows.v1.FlowService.service, {
      CreateRecoveryLink: unary(logger, async (req: CreateRecoveryLinkRequest__Output) => {
        asked.push(req);
        return answer();
      }),
    });
    await flows.start(`127.0.0.1:${port}`);
    await core.bus.consumeDurable('recovery-test-events', Subjects.eventCreated, (m) => {
      events.push(m);
    });
    alice = (await core.api('POST', '/api/v3/core/users/', { username: 'alice', email: 'alice@example.com' })).body.pk;
    nomail = (await core.api('POST', '/api/v3/core/users/', { username: 'nomail' })).body.pk;
    inactive = (await core.api('POST', '/api/v3/core/users/', { username: 'former', email: 'f@example.com', is_active: false })).body.pk;
    emailStage = (await core.api('POST', '/api/v3/stages/email/', { name: 'recovery-mail', use_global_settings: true })).body.pk;
    denyStage = (await core.api('POST', '/api/v3/stages/deny/', { name: 'not-mail' })).body.pk;
  });

  afterAll(async () => {
    await flows.stop(100);
    await core.close();
  });

  beforeEach(() => {
    asked.length = 0;
  });

  const waitForEvent = async (predicate: (data: any) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = events.find((e) => predicate(e.data));
      if (found) return found.data as any;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('event not published');
  };

  it('answers the link the flow executor made for the user and the host, and records who made it', async () => {
    expect(emailStage).toMatch(/^[0-9a-f-]{36}$/);
    const res = await core.api('POST', `/api/v3/core/users/${alice}/recovery/`, undefined, undefined, { host: 'id.example.com:8443' });
    expect(res).toEqual({ status: 200, body: { link: LINK } });
    expect(asked).toEqual([
      expect.objectContaining({ user_pk: String(alice), host: 'id.example.com:8443', secure: false, email_stage_pk: '' }),
    ]);
    const event = await waitForEvent((d) => d.action === 'secret_view' && d.context.recovery_link);
    expect(event.context).toMatchObject({ recovery_link: { model_name: 'user', pk: alice, name: 'alice' }, delivery: 'shown' });
    expect(event.user.username).toBe('akadmin');
    expect(JSON.stringify(event)).not.toContain('flow_token');
  });

  it("points the link at the scheme and host the gateway forwarded, not core's own plain connection", async () => {
    const res = await core.api('POST', `/api/v3/core/users/${alice}/recovery/`, undefined, undefined, {
      host: 'core.internal:9000',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'id.example.com',
    });
    expect(res.status).toBe(200);
    expect(asked).toEqual([expect.objectContaining({ host: 'id.example.com', secure: true })]);
  });

  it('e-mails through an e-mail stage and answers 204', async () => {
    const res = await core.api('POST', `/api/v3/core/users/${alice}/recovery_email/`, { email_stage: emailStage.toUpperCase() });
    expect(res.status).toBe(204);
    expect(asked).toEqual([expect.objectContaining({ user_pk: String(alice), email_stage_pk: emailStage })]);
    const event = await waitForEvent((d) => d.action === 'secret_view' && d.context.delivery === 'email');
    expect(event.context).toMatchObject({ recovery_link: { pk: alice }, email_stage: emailStage });
  });

  it('refuses bad input with field errors before asking the executor', async () => {
    const url = `/api/v3/core/users/${alice}/recovery_email/`;
    expect(await core.api('POST', url, {})).toMatchObject({ status: 400, body: { email_stage: [expect.any(String)] } });
    expect(await core.api('POST', url, { email_stage: 'mail' })).toMatchObject({
      status: 400,
      body: { email_stage: [expect.any(String)] },
    });
    expect(await core.api('POST', url, { email_stage: denyStage })).toEqual({
      status: 400,
      body: { email_stage: ['No e-mail stage with this id.'] },
    });
    expect(await core.api('POST', `/api/v3/core/users/${nomail}/recovery_email/`, { email_stage: emailStage })).toEqual({
      status: 400,
      body: { non_field_errors: ['The user has no email address.'] },
    });
    expect(await core.api('POST', `/api/v3/core/users/${inactive}/recovery/`)).toEqual({
      status: 400,
      body: { non_field_errors: ['The user is inactive.'] },
    });
    expect((await core.api('POST', '/api/v3/core/users/999999/recovery/')).status).toBe(404);
    const robot = (await core.api('POST', '/api/v3/core/users/service_account/', { name: 'recovery-robot', create_group: false })).body;
    expect(await core.api('POST', `/api/v3/core/users/${robot.user_pk}/recovery/`)).toEqual({
      status: 400,
      body: { non_field_errors: ['Service accounts have no password to recover.'] },
    });
    expect(asked).toEqual([]);
  });

  it('is for superusers only', async () => {
    await core.api('POST', '/api/v3/core/tokens/', { identifier: 'alice-api', user: alice, intent: 'api' });
    const token = (await core.api('GET', '/api/v3/core/tokens/alice-api/view_key/')).body.key as string;
    expect(token).toBeTruthy();
    const mine = await core.api('POST', `/api/v3/core/users/${alice}/recovery/`, undefined, token);
    expect(mine.status).toBe(403);
    expect((await core.api('POST', `/api/v3/core/users/${alice}/recovery/`, undefined, null)).status).toBe(401);
    expect(asked).toEqual([]);
  });

  it('maps the executor answers: no recovery flow, not e-mailable, unreachable', async () => {
    try {
      answer = () => {
        throw new NotFoundError('No recovery flow is configured.');
      };
      expect(await core.api('POST', `/api/v3/core/users/${alice}/recovery/`)).toEqual({
        status: 404,
        body: { detail: 'No recovery flow is configured.' },
      });
      answer = () => {
        throw new FailedPreconditionError('The e-mail could not be sent. Try again in a moment.');
      };
      expect(await core.api('POST', `/api/v3/core/users/${alice}/recovery_email/`, { email_stage: emailStage })).toEqual({
        status: 400,
        body: { non_field_errors: ['The e-mail could not be sent. Try again in a moment.'] },
      });
      answer = () => {
        throw ValidationFailedError.field('email_stage', 'Not an e-mail stage.');
      };
      expect((await core.api('POST', `/api/v3/core/users/${alice}/recovery_email/`, { email_stage: emailStage })).status).toBe(400);
      answer = () => {
        throw new Error('boom');
      };
      expect((await core.api('POST', `/api/v3/core/users/${alice}/recovery/`)).status).toBe(503);
    } finally {
      answer = () => ({ link: LINK, flow_slug: 'recover', expires: '2030-01-01T00:00:00.000Z' });
    }
  });
});
