import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type AuthmeshProcess } from '../support/authmesh-process.js';
import { screenshot } from '../support/chromium.js';
import { startAdminBrowser, type AdminBrowser } from './admin-browser.js';

/** The admin's "Flows and Stages" pages in real Chromium, against the running system. */
describe('admin flows and stages in the browser', () => {
  let session: AdminBrowser;
  let proc: AuthmeshProcess;
  let api: AdminBrowser['api'];
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    session = await startAdminBrowser('admin-flows', 900);
    ({ proc, api, page, problems } = session);
    await session.logInAsAdmin();
  });

  afterAll(() => session?.stop());

  it('creates a flow, a stage of a picked type and their binding through the forms, and draws the diagram', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/flow/flows`);
    await page.getByText('default-authentication-flow').waitFor();
    await screenshot(page, 'admin-flows');

    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const flowForm = page.getByRole('dialog');
    await flowForm.getByLabel(/^Name/).fill('E2E Enrollment');
    await flowForm.getByLabel(/^Title/).fill('Join us');
    await flowForm.getByLabel(/^Designation/).selectOption('enrollment');
    await flowForm.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/#\/flow\/flows\/e2e-enrollment$/);
    await page.getByRole('heading', { name: 'E2E Enrollment' }).waitFor();

    await page.goto(`${proc.baseUrl}/if/admin/#/flow/stages`);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deny Stage' }).click();
    const stageForm = page.getByRole('dialog');
    await stageForm.getByLabel(/^Name/).fill('e2e-deny');
    await stageForm.getByLabel(/^Deny message/).fill('<b>Closed</b> for now');
    await stageForm.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/#\/flow\/stages\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'e2e-deny' }).waitFor();
    const stage = (await api('GET', '/api/v3/stages/deny/?name=e2e-deny')).body.results[0];
    expect(stage).toMatchObject({ name: 'e2e-deny', deny_message: '<b>Closed</b> for now' });

    await page.goto(`${proc.baseUrl}/if/admin/#/flow/flows/e2e-enrollment`);
    await page.getByRole('tab', { name: 'Stage bindings' }).click();
    await page.getByRole('button', { name: 'Create Stage binding' }).click();
    const bindingForm = page.getByRole('dialog');
    await bindingForm.getByLabel(/^Stage/).selectOption(stage.pk);
    await bindingForm.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('grid', { name: 'Stage bindings' }).getByText('e2e-deny').waitFor();
    const flow = (await api('GET', '/api/v3/flows/instances/e2e-enrollment/')).body;
    const bindings = (await api('GET', `/api/v3/flows/bindings/?target=${flow.pk}`)).body.results;
    expect(bindings).toEqual([expect.objectContaining({ stage: stage.pk, order: 10, invalid_response_action: 'retry' })]);

    await page.getByRole('tab', { name: 'Diagram' }).click();
    const chart = page.getByRole('list', { name: 'Diagram' });
    await chart.getByText('e2e-deny').waitFor();
    expect(await chart.locator(':scope > li').allTextContents()).toEqual(['Start: Join us', '10 e2e-deny deny', 'Done']);
    await screenshot(page, 'admin-flow-diagram');
    expect(problems).toEqual([]);
  });

  it('creates an invitation for the flow and shows its link', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/flow/stages/invitations`);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^Name/).fill('e2e-welcome');
    const flow = (await api('GET', '/api/v3/flows/instances/e2e-enrollment/')).body;
    await form.getByLabel(/^Flow/).selectOption(flow.pk);
    await form.getByLabel(/^Custom attributes/).fill('{"email": "new@example.com"}');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/#\/flow\/stages\/invitations\/[0-9a-f-]{36}$/);
    const invitation = (await api('GET', '/api/v3/stages/invitation/invitations/?name=e2e-welcome')).body.results[0];
    expect(invitation.fixed_data).toEqual({ email: 'new@example.com' });
    await page.getByRole('tab', { name: 'Link' }).click();
    const link = page.getByRole('textbox', { name: 'Link' });
    expect(await link.inputValue()).toBe(`${proc.baseUrl}/if/flow/e2e-enrollment/?itoken=${invitation.pk}`);
    await screenshot(page, 'admin-invitation-link');
    expect(problems).toEqual([]);
  });

  it('imports an exported flow file through the list page', async () => {
    const exported = await fetch(`${proc.baseUrl}/api/v3/flows/instances/default-invalidation-flow/export/`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(exported.status).toBe(200);
    const file = join(session.dir, 'imported.yaml');
    writeFileSync(file, (await exported.text()).replaceAll('default-invalidation-flow', 'e2e-imported-flow'));
    await page.goto(`${proc.baseUrl}/if/admin/#/flow/flows`);
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('The flow was imported.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await page.getByText('e2e-imported-flow').waitFor();
    expect((await api('GET', '/api/v3/flows/instances/e2e-imported-flow/')).body.designation).toBe('invalidation');
    expect(problems).toEqual([]);
  });

  it('follows a run of the flow in another tab with the inspector', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/flow/flows/default-authentication-flow/inspect`);
    await page.getByText('This browser is not running this flow right now. Open it to start.').waitFor();
    const run = await page.context().newPage();
    await run.goto(`${proc.baseUrl}/if/flow/default-authentication-flow/`);
    await run.getByLabel('Username or e-mail').waitFor();
    await page.bringToFront();
    const plan = page.getByRole('list', { name: 'Plan' });
    await plan.locator('li[aria-current="step"]').waitFor({ timeout: 10_000 });
    expect(await plan.locator('li[aria-current="step"]').textContent()).toContain('identification');
    await screenshot(page, 'admin-flow-inspector');
    await run.close();
    expect(problems).toEqual([]);
  });
});
