import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, startSmtpTestServer, type SmtpTestServer, type TestDatabase } from '@authmesh/testing';
import { apiClient, REPO, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-recovery-link-token-0123456789abcdef';
const RECOVERY = 'default-recovery-flow';
const LOGIN = 'default-authentication-flow';

/**
 * An administrator's recovery links, through the running system: the link opens the brand's
 * recovery flow for the user in the real executor, sets a new password once, and the user
 * logs in with it. The reputation scores a failed login leaves are listed and reset.
 */
describe('recovery links and reputation scores', () => {
  let dir: string;
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let erin = 0;

  async function login(username: string, password: string) {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: username });
    return (await browser.submit(LOGIN, { password })).challenge;
  }

  /** Opens a link the way the flow interface does: its query goes to the executor. */
  async function follow(browser: FlowBrowser, link: URL) {
    return browser.start(link.pathname.split('/').filter(Boolean).pop() as string, link.search.slice(1));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-recovery-'));
    db = await createTestDatabase('authmesh_e2e_recovery');
    smtp = await startSmtpTestServer();
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-recovery-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'e2e recovery password',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        AUTHMESH_EMAIL_HOST: '127.0.0.1',
        AUTHMESH_EMAIL_PORT: String(smtp.port),
        AUTHMESH_EMAIL_FROM: 'authmesh@example.com',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    erin = (await api('POST', '/api/v3/core/users/', { username: 'erin', name: 'Erin', email: 'erin@example.com' })).body.pk;
    expect((await api('POST', `/api/v3/core/users/${erin}/set_password/`, { password: 'Erin-old-secret-1' })).status).toBe(204);
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await smtp?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so while the brand has no recovery flow', async () => {
    expect(await api('POST', `/api/v3/core/users/${erin}/recovery/`)).toEqual({
      status: 404,
      body: { detail: 'No recovery flow is configured.' },
    });
  });

  it('makes a one-time link that sets a new password without the old one, and the user logs in with it', async () => {
    const created = await api('POST', '/api/v3/managed/blueprints/', {
      name: 'recover',
      content: readFileSync(join(REPO, 'blueprints/example/flows-recovery-email-verification.yaml'), 'utf8'),
    });
    expect((await api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`)).body).toMatchObject({ status: 'successful' });
    const flow = (await api('GET', `/api/v3/flows/instances/${RECOVERY}/`)).body;
    const brand = (await api('GET', '/api/v3/core/brands/')).body.results[0];
    expect((await api('PATCH', `/api/v3/core/brands/${brand.brand_uuid}/`, { flow_recovery: flow.pk })).status).toBe(200);

    const answer = await api('POST', `/api/v3/core/users/${erin}/recovery/`);
    expect(answer.status).toBe(200);
    const link = new URL(answer.body.link);
    expect(link.origin).toBe(proc.baseUrl);
    expect(link.pathname).toBe(`/if/flow/${RECOVERY}/`);

    // Another browser opens it: no identification, no e-mail round trip, straight to the new password.
    const browser = new FlowBrowser(proc.baseUrl);
    expect((await follow(browser, link)).component).toBe('ak-stage-prompt');
    const done = await browser.submit(
      RECOVERY,
      { password: 'Erin-new-secret-2', password_repeat: 'Erin-new-secret-2' },
      link.search.slice(1),
    );
    expect(done.challenge).toMatchObject({ component: 'xak-flow-redirect' });
    expect((await browser.request('GET', '/api/v3/core/users/me/')).body.user).toMatchObject({ username: 'erin' });

    expect((await login('erin', 'Erin-new-secret-2')).component).toBe('xak-flow-redirect');
    expect((await login('erin', 'Erin-old-secret-1')).component).not.toBe('xak-flow-redirect');
    // The link worked once.
    expect((await follow(new FlowBrowser(proc.baseUrl), link)).component).toBe('ak-stage-access-denied');
  });

  it('e-mails a link through the chosen e-mail stage', async () => {
    const stage = (await api('GET', '/api/v3/stages/email/?search=default-recovery-email')).body.results[0];
    const before = smtp.messages.length;
    expect((await api('POST', `/api/v3/core/users/${erin}/recovery_email/`, { email_stage: stage.pk })).status).toBe(204);
    const mail = await smtp.waitForMessage((m) => m.to.includes('erin@example.com'));
    expect(smtp.messages.length).toBe(before + 1);
    expect(mail.subject).toBe('Reset your password');
    const match = /https?:\/\/\S+flow_token=[A-Za-z0-9_%-]+/.exec(mail.text);
    expect(match).not.toBeNull();
    expect((await follow(new FlowBrowser(proc.baseUrl), new URL(match?.[0] ?? ''))).component).toBe('ak-stage-prompt');
  });

  it('lists the scores a failed login left, through the gateway, and resets one', async () => {
    expect((await login('erin', 'wrong password')).component).not.toBe('xak-flow-redirect');
    const list = await api('GET', '/api/v3/policies/reputation/scores/?identifier=erin');
    expect(list.status).toBe(200);
    const [score] = list.body.results as Array<{ pk: string; identifier: string; score: number }>;
    expect(score.identifier).toBe('erin');
    expect((await api('GET', `/api/v3/policies/reputation/scores/${score.pk}/used_by/`)).body).toEqual([]);
    expect((await api('DELETE', `/api/v3/policies/reputation/scores/${score.pk}/`)).status).toBe(204);
    expect((await api('GET', '/api/v3/policies/reputation/scores/?identifier=erin')).body.pagination.count).toBe(0);
  });
});
