import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const SETUP = 'initial-setup';

/** A first start without a bootstrap password: the admin's password is set through the initial setup flow, once. */
describe('initial setup', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-setup-'));
    db = await createTestDatabase('authmesh_e2e_setup');
    proc = await startOnFreePorts({ DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: 'e2e-setup-secret-key-long-enough-0123456789' }, dir);
    for (let i = 0; i < 100; i++) {
      if ((await new FlowBrowser(proc.baseUrl).request('GET', `/api/v3/flows/executor/${SETUP}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets akadmin’s e-mail and password, logs in as akadmin, and is closed afterwards', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const form = await browser.start(SETUP);
    expect(form.component).toBe('ak-stage-prompt');
    expect(form.fields.map((f: { field_key: string }) => f.field_key)).toEqual([
      'oobe-header-text',
      'email',
      'password',
      'password_repeat',
    ]);
    const done = await browser.submit(SETUP, { email: 'admin@example.com', password: 'Setup-pw-123', password_repeat: 'Setup-pw-123' });
    expect(done.challenge.component).toBe('xak-flow-redirect');
    const me = await browser.request('GET', '/api/v3/core/users/me/');
    expect(me.body.user).toMatchObject({ username: 'akadmin', email: 'admin@example.com', is_superuser: true });
    expect(me.body.user.attributes).toEqual({});

    expect(await new FlowBrowser(proc.baseUrl).start(SETUP)).toMatchObject({ component: 'ak-stage-access-denied' });
    const login = new FlowBrowser(proc.baseUrl);
    await login.start('default-authentication-flow');
    await login.submit('default-authentication-flow', { uid_field: 'admin@example.com' });
    expect((await login.submit('default-authentication-flow', { password: 'Setup-pw-123' })).challenge.component).toBe('xak-flow-redirect');
  });
});
