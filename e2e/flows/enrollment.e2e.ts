import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlowClient } from '@authmesh/rpc';
import { deriveMeshKey } from '@authmesh/runtime';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { apiClient, REPO, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-enroll-token-0123456789abcdef';
const CORPUS = process.env.COMPAT_CORPUS_DIR ?? join(REPO, '..', 'shared', 'compat', 'authentik-2023.10');
const ENROLL = 'default-enrollment-flow';
const SECRET = 'e2e-enroll-secret-key-long-enough-0123456789';

/** Enrollment, invitations and unenrollment, with the reference product's own example blueprints. */
describe('enrollment, invitations and unenrollment', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;

  async function applyReference(file: string): Promise<void> {
    const created = await api('POST', '/api/v3/managed/blueprints/', { name: file, content: readFileSync(join(CORPUS, file), 'utf8') });
    expect(created.status).toBe(201);
    const applied = await api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`);
    expect(applied.body.status).toBe('successful');
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-enroll-'));
    db = await createTestDatabase('authmesh_e2e_enroll');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: SECRET,
        AUTHMESH_BOOTSTRAP_PASSWORD: 'e2e enroll password',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    await applyReference('example/flows-enrollment-2-stage.yaml');
    await applyReference('example/flows-unenrollment.yaml');
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrolls a new user through two prompt stages and logs them in', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const first = await browser.start(ENROLL);
    expect(first.component).toBe('ak-stage-prompt');
    expect(first.fields.map((f: { field_key: string }) => f.field_key)).toEqual(['username', 'password', 'password_repeat']);
    expect(first.fields.find((f: { field_key: string }) => f.field_key === 'password').type).toBe('password');

    const mismatch = await browser.submit(ENROLL, { username: 'carol', password: 'Secret-1234', password_repeat: 'other' });
    expect(mismatch.challenge.response_errors).toEqual({ password_repeat: [{ string: "The passwords don't match.", code: 'invalid' }] });
    const taken = await browser.submit(ENROLL, { username: 'AKADMIN', password: 'Secret-1234', password_repeat: 'Secret-1234' });
    expect(taken.challenge.response_errors.username[0].string).toBe('This username is already taken.');
    const empty = await browser.submit(ENROLL, {});
    expect(Object.keys(empty.challenge.response_errors).sort()).toEqual(['password', 'password_repeat', 'username']);

    const second = await browser.submit(ENROLL, { username: 'carol', password: 'Secret-1234', password_repeat: 'Secret-1234' });
    expect(second.challenge.fields.map((f: { field_key: string }) => f.field_key)).toEqual(['name', 'email']);
    const badEmail = await browser.submit(ENROLL, { name: 'Carol', email: 'not-an-address' });
    expect(badEmail.challenge.response_errors.email[0].string).toBe('Enter a valid email address.');
    const done = await browser.submit(ENROLL, { name: 'Carol', email: 'carol@example.com' });
    expect(done.challenge).toMatchObject({ component: 'xak-flow-redirect', to: '/' });

    const me = await browser.request('GET', '/api/v3/core/users/me/');
    expect(me.body.user).toMatchObject({ username: 'carol', name: 'Carol', email: 'carol@example.com', is_active: true });
    // The password was set from the prompt: a fresh login with it works.
    const again = new FlowBrowser(proc.baseUrl);
    await again.start('default-authentication-flow');
    await again.submit('default-authentication-flow', { uid_field: 'carol@example.com' });
    expect((await again.submit('default-authentication-flow', { password: 'Secret-1234' })).challenge.component).toBe('xak-flow-redirect');
  });

  it('lets an invitation through once, only in its own flow and before it expires', async () => {
    const flow = await api('POST', '/api/v3/flows/instances/', {
      name: 'Invited',
      slug: 'invited',
      title: 'Join',
      designation: 'enrollment',
    });
    const other = await api('POST', '/api/v3/flows/instances/', {
      name: 'Other',
      slug: 'other-invited',
      title: 'Join',
      designation: 'enrollment',
    });
    const invitationStage = await api('POST', '/api/v3/stages/invitation/stages/', { name: 'needs-invite' });
    const write = await api('POST', '/api/v3/stages/user_write/', { name: 'invite-write', user_creation_mode: 'always_create' });
    for (const target of [flow.body.pk, other.body.pk]) {
      await api('POST', '/api/v3/flows/bindings/', { target, stage: invitationStage.body.pk, order: 0 });
      await api('POST', '/api/v3/flows/bindings/', { target, stage: write.body.pk, order: 10 });
    }
    const invite = await api('POST', '/api/v3/stages/invitation/invitations/', {
      name: 'dave-invite',
      single_use: true,
      flow: flow.body.pk,
      fixed_data: { username: 'dave', name: 'Dave', 'attributes.team': 'blue' },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.created_by).toMatchObject({ username: 'akadmin' });

    expect(await new FlowBrowser(proc.baseUrl).start('invited')).toMatchObject({ component: 'ak-stage-access-denied' });
    expect(await new FlowBrowser(proc.baseUrl).start('other-invited', `itoken=${invite.body.pk}`)).toMatchObject({
      component: 'ak-stage-access-denied',
    });
    expect(await new FlowBrowser(proc.baseUrl).start('invited', `itoken=${invite.body.pk}`)).toMatchObject({
      component: 'xak-flow-redirect',
    });
    const dave = (await api('GET', '/api/v3/core/users/?username=dave')).body.results[0];
    expect(dave).toMatchObject({ name: 'Dave', attributes: { team: 'blue' }, type: 'external' });
    // Single use: consumed when it was used.
    expect(await new FlowBrowser(proc.baseUrl).start('invited', `itoken=${invite.body.pk}`)).toMatchObject({
      component: 'ak-stage-access-denied',
    });

    const expired = await api('POST', '/api/v3/stages/invitation/invitations/', {
      name: 'late',
      expires: new Date(Date.now() - 60_000).toISOString(),
      fixed_data: { username: 'late-user' },
    });
    expect(await new FlowBrowser(proc.baseUrl).start('invited', `itoken=${expired.body.pk}`)).toMatchObject({
      component: 'ak-stage-access-denied',
    });
    expect((await api('GET', '/api/v3/core/users/?username=late-user')).body.pagination.count).toBe(0);
  });

  it('deletes the logged-in account through the unenrollment flow', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start('default-authentication-flow');
    await browser.submit('default-authentication-flow', { uid_field: 'carol' });
    await browser.submit('default-authentication-flow', { password: 'Secret-1234' });
    expect(await new FlowBrowser(proc.baseUrl).start('default-unenrollment-flow')).toMatchObject({ component: 'ak-stage-access-denied' });
    expect(await browser.start('default-unenrollment-flow')).toMatchObject({ component: 'xak-flow-redirect' });
    expect((await api('GET', '/api/v3/core/users/?username=carol')).body.pagination.count).toBe(0);
    expect((await browser.request('GET', '/api/v3/core/users/me/')).status).toBe(401);
  });

  it('links the login form to the enrollment flow the identification stage names', async () => {
    const flow = (await api('GET', '/api/v3/flows/instances/default-enrollment-flow/')).body;
    const stage = (await api('GET', '/api/v3/stages/identification/?name=default-authentication-identification')).body.results[0];
    await api('PATCH', `/api/v3/stages/identification/${stage.pk}/`, { enrollment_flow: flow.pk });
    const challenge = await new FlowBrowser(proc.baseUrl).start('default-authentication-flow', 'next=/app/');
    expect(challenge.enroll_url).toBe('/if/flow/default-enrollment-flow/?next=%2Fapp%2F');
    expect(challenge).not.toHaveProperty('recovery_url');
  });

  it('asks consent in the built-in explicit consent flow a protocol service prepared, once while it is remembered', async () => {
    await api('POST', '/api/v3/core/applications/', { name: 'Wiki', slug: 'wiki' });
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start('default-authentication-flow');
    await browser.submit('default-authentication-flow', { uid_field: 'akadmin' });
    await browser.submit('default-authentication-flow', { password: 'e2e enroll password' });
    // What the OAuth2/SAML runtime does before sending the browser to the authorization flow.
    const flows = new FlowClient(proc.grpcAddress as string, deriveMeshKey(SECRET));
    const slug = 'default-provider-authorization-explicit-consent';
    const prepare = () =>
      flows.preparePlan({
        flow_slug: slug,
        flow_key: browser.cookies.get('authmesh_flow') ?? '',
        session_key: browser.cookies.get('authmesh_session') ?? '',
        context_json: JSON.stringify({
          application: 'wiki',
          application_name: 'Wiki',
          consent_permissions: [{ id: 'email', name: 'Your e-mail address' }],
        }),
        query: 'next=/wiki/callback',
      });
    try {
      expect((await prepare()).planned).toBe(true);
      const asked = await browser.start(slug, 'next=/wiki/callback');
      expect(asked).toMatchObject({
        component: 'ak-stage-consent',
        header_text: 'Wiki would like to access your account.',
        pending_user: 'akadmin',
      });
      const granted = await browser.submit(slug, { token: asked.token }, 'next=/wiki/callback');
      expect(granted.challenge).toMatchObject({ component: 'xak-flow-redirect', to: '/wiki/callback' });
      const consents = await browser.request('GET', '/api/v3/core/user_consent/');
      expect(consents.body.results[0]).toMatchObject({ application: { slug: 'wiki' }, permissions: 'email', expiring: true });
      await prepare();
      expect((await browser.start(slug, 'next=/wiki/callback')).component).toBe('xak-flow-redirect');
      // Without a session the authorization flow refuses to plan.
      expect((await flows.preparePlan({ flow_slug: slug, context_json: '{}' })).planned).toBe(false);
    } finally {
      flows.close();
    }
  });

  it('enrolls a first-time user of an external identity provider, asking a username only when none came', async () => {
    const flows = new FlowClient(proc.grpcAddress as string, deriveMeshKey(SECRET));
    const slug = 'default-source-enrollment';
    // What the sources runtime does when an unknown external user comes back.
    const start = async (promptData: Record<string, unknown>) => {
      const browser = new FlowBrowser(proc.baseUrl);
      await browser.request('GET', `/api/v3/flows/executor/${slug}/`);
      const prepared = await flows.preparePlan({
        flow_slug: slug,
        flow_key: browser.cookies.get('authmesh_flow') ?? '',
        context_json: JSON.stringify({ source: 'github', prompt_data: promptData }),
      });
      expect(prepared.planned).toBe(true);
      return browser;
    };
    try {
      expect(await new FlowBrowser(proc.baseUrl).start(slug)).toMatchObject({ component: 'ak-stage-access-denied' });
      const asked = await start({ email: 'gina@example.com', name: 'Gina' });
      expect((await asked.start(slug)).component).toBe('ak-stage-prompt');
      expect((await asked.submit(slug, { username: 'gina' })).challenge.component).toBe('xak-flow-redirect');
      expect((await asked.request('GET', '/api/v3/core/users/me/')).body.user).toMatchObject({
        username: 'gina',
        email: 'gina@example.com',
      });

      const given = await start({ username: 'hank', email: 'hank@example.com' });
      expect((await given.start(slug)).component).toBe('xak-flow-redirect');
      expect((await given.request('GET', '/api/v3/core/users/me/')).body.user.username).toBe('hank');
    } finally {
      flows.close();
    }
  });
});
