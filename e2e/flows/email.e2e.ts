import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, startSmtpTestServer, type SmtpTestServer, type TestDatabase } from '@authmesh/testing';
import { apiClient, REPO, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-email-token-0123456789abcdef';
const CORPUS = process.env.COMPAT_CORPUS_DIR ?? join(REPO, '..', 'shared', 'compat', 'authentik-2023.10');

/** E-mail verification and recovery through a real local SMTP server: read the message, follow the link. */
describe('flows that send e-mail', () => {
  let dir: string;
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;

  async function apply(name: string, content: string): Promise<void> {
    const created = await api('POST', '/api/v3/managed/blueprints/', { name, content });
    const applied = await api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`);
    expect(applied.body).toMatchObject({ status: 'successful' });
  }

  /** The flow link in a message, as a path with its query (what a browser would open). */
  function linkIn(text: string): URL {
    const match = /https?:\/\/\S+flow_token=[A-Za-z0-9_%-]+/.exec(text);
    if (!match) throw new Error(`no link in: ${text}`);
    return new URL(match[0]);
  }

  /** Opens a flow link the way the flow interface does: the link's query goes to the executor. */
  async function follow(browser: FlowBrowser, link: URL) {
    const slug = link.pathname.split('/').filter(Boolean).pop() as string;
    return { slug, challenge: await browser.start(slug, link.search.slice(1)) };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-email-'));
    db = await createTestDatabase('authmesh_e2e_email');
    smtp = await startSmtpTestServer();
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-email-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'e2e email password',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        AUTHMESH_EMAIL_HOST: '127.0.0.1',
        AUTHMESH_EMAIL_PORT: String(smtp.port),
        AUTHMESH_EMAIL_FROM: 'authmesh@example.com',
        AUTHMESH_EXTERNAL_URL: 'https://id.example.test',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    await apply('enroll', readFileSync(join(CORPUS, 'example/flows-enrollment-email-verification.yaml'), 'utf8'));
    await apply('recover', readFileSync(join(REPO, 'blueprints/example/flows-recovery-email-verification.yaml'), 'utf8'));
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await smtp?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrolls an inactive user, e-mails a confirmation link, and activates and logs in whoever follows it', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const slug = 'default-enrollment-flow';
    await browser.start(slug);
    await browser.submit(slug, { username: 'erin', password: 'Erin-secret-99', password_repeat: 'Erin-secret-99' });
    const waiting = await browser.submit(slug, { name: 'Erin', email: 'erin@example.com' });
    expect(waiting.challenge.component).toBe('ak-stage-email');
    expect((await api('GET', '/api/v3/core/users/?username=erin')).body.results[0].is_active).toBe(false);

    const mail = await smtp.waitForMessage((m) => m.to.includes('erin@example.com'));
    expect(mail.from).toBe('authmesh@example.com');
    const link = linkIn(mail.text);
    // Another browser (the mail client's) follows the link: the flow resumes there.
    const other = new FlowBrowser(proc.baseUrl);
    const resumed = await follow(other, link);
    expect(resumed.challenge).toMatchObject({ component: 'xak-flow-redirect' });
    expect((await other.request('GET', '/api/v3/core/users/me/')).body.user).toMatchObject({ username: 'erin', is_active: true });
    // The link works once.
    expect((await follow(new FlowBrowser(proc.baseUrl), link)).challenge.component).toBe('ak-stage-access-denied');
  });

  it('recovers a password by e-mail, and says the same for an unknown address without sending anything', async () => {
    const slug = 'default-recovery-flow';
    const before = smtp.messages.length;
    const stranger = new FlowBrowser(proc.baseUrl);
    await stranger.start(slug);
    const unknown = await stranger.submit(slug, { uid_field: 'nobody@example.com' });

    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(slug);
    const known = await browser.submit(slug, { uid_field: 'erin@example.com' });
    expect(known.challenge.component).toBe('ak-stage-email');
    expect(unknown.challenge).toEqual(known.challenge);

    const mail = await smtp.waitForMessage((m) => m.subject === 'Reset your password');
    expect(smtp.messages.length).toBe(before + 1);
    const link = linkIn(mail.text);
    expect(link.origin).toBe('https://id.example.test');
    // A token only works in the flow it was issued for.
    const elsewhere = await new FlowBrowser(proc.baseUrl).start('default-enrollment-flow', link.search.slice(1));
    expect(elsewhere.component).toBe('ak-stage-access-denied');
    const other = new FlowBrowser(proc.baseUrl);
    const resumed = await follow(other, link);
    expect(resumed.challenge.component).toBe('ak-stage-prompt');
    // The issuing flow's token was spent above only if it matched; it did not, so it still works here.
    const done = await other.submit(slug, { password: 'Erin-new-secret-1', password_repeat: 'Erin-new-secret-1' }, link.search.slice(1));
    expect(done.challenge).toMatchObject({ component: 'xak-flow-redirect' });

    const login = new FlowBrowser(proc.baseUrl);
    await login.start('default-authentication-flow');
    await login.submit('default-authentication-flow', { uid_field: 'erin' });
    expect((await login.submit('default-authentication-flow', { password: 'Erin-new-secret-1' })).challenge.component).toBe(
      'xak-flow-redirect',
    );
  });
});
