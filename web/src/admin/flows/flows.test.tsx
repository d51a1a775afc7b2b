import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { FlowInspector } from './flow-inspector';
import { flowResource } from './flow-resource';
import { invitationLink, invitationResource } from './invitation-resource';
import { promptResource } from './prompt-resource';
import { stageResource } from './stage-resources';

const FLOW_PK = '11111111-1111-4111-8111-111111111111';
const STAGE_PK = '22222222-2222-4222-8222-222222222222';
const BINDING_PK = '33333333-3333-4333-8333-333333333333';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const flow = {
  pk: FLOW_PK,
  name: 'Login',
  slug: 'default-login',
  title: 'Welcome',
  designation: 'authentication',
  background: '',
  policy_engine_mode: 'any',
  compatibility_mode: false,
  layout: 'stacked',
  denied_action: 'message_continue',
  authentication: 'none',
  export_url: '/api/v3/flows/instances/default-login/export',
};

const binding = {
  pk: BINDING_PK,
  target: FLOW_PK,
  stage: STAGE_PK,
  order: 10,
  evaluate_on_plan: false,
  re_evaluate_policies: true,
  policy_engine_mode: 'any',
  invalid_response_action: 'retry',
  stage_obj: { pk: STAGE_PK, name: 'ask-username', component: 'ak-stage-identification' },
};

const policyBinding = {
  pk: 'pb-1',
  target: BINDING_PK,
  policy: 'p-1',
  policy_obj: { name: 'only-staff' },
  group: null,
  user: null,
  order: 0,
  enabled: true,
  negate: false,
  timeout: 30,
};

function fileInput(dialog: HTMLElement): HTMLInputElement {
  const input = dialog.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  return input;
}

afterEach(() => {
  window.location.hash = '';
});

describe('flows', () => {
  it('lists flows with their designation by name and sorts by title', async () => {
    const user = userEvent.setup();
    fakeServer.reply = () => json(200, page([{ ...flow, designation: 'stage_configuration' }]));
    renderWithI18n(<ResourceList resource={flowResource} route={parseHash('#/flow/flows')} />);
    expect(await screen.findByText('Stage Configuration')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Title' }));
    expect(parseHash(window.location.hash).query.get('ordering')).toBe('title');
  });

  it('imports a flow file as a multipart upload and shows what the import did', async () => {
    const user = userEvent.setup();
    let upload: SeenRequest | undefined;
    fakeServer.reply = (request) => {
      if (request.url.pathname === '/api/v3/flows/instances/import') {
        upload = request;
        return json(200, { success: true, logs: [{ log_level: 'info', event: 'entries[0] flow: created' }] });
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={flowResource} route={parseHash('#/flow/flows')} />);
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog');
    await user.upload(fileInput(dialog), new File(['version: 1\nentries: []\n'], 'login.yaml', { type: 'application/x-yaml' }));
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('The flow was imported.')).toBeTruthy();
    expect(within(dialog).getByText('info: entries[0] flow: created')).toBeTruthy();
    expect(upload?.method).toBe('POST');
    expect(upload?.headers.get('content-type')).toMatch(/^multipart\/form-data/);
    expect(String(upload?.body)).toContain('version: 1');
  });

  it('shows why an import was refused', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) =>
      request.url.pathname.endsWith('/import')
        ? json(400, { success: false, logs: [{ log_level: 'error', event: 'entries[0]: unknown model' }] })
        : json(200, page([]));
    renderWithI18n(<ResourceList resource={flowResource} route={parseHash('#/flow/flows')} />);
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog');
    await user.upload(fileInput(dialog), new File(['x: ['], 'bad.yaml'));
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('The flow could not be imported.')).toBeTruthy();
    expect(within(dialog).getByText('error: entries[0]: unknown model')).toBeTruthy();
  });

  it('offers export, execute and the inspector on a flow', async () => {
    fakeServer.reply = () => json(200, flow);
    renderWithI18n(<ResourceDetail resource={flowResource} id="default-login" />);
    expect((await screen.findByRole('link', { name: 'Export' })).getAttribute('href')).toBe('/api/v3/flows/instances/default-login/export');
    expect(screen.getByRole('link', { name: 'Execute' }).getAttribute('href')).toBe('/if/flow/default-login/');
    expect(screen.getByRole('link', { name: 'Execute with inspector' }).getAttribute('href')).toBe('#/flow/flows/default-login/inspect');
  });

  it("lists a flow's stage bindings and opens the policy bindings of one of them", async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (path === '/api/v3/flows/bindings') return json(200, page([binding]));
      if (path === '/api/v3/policies/bindings')
        return json(200, page(request.url.searchParams.get('target') === BINDING_PK ? [policyBinding] : []));
      return json(200, flow);
    };
    renderWithI18n(<ResourceDetail resource={flowResource} id="default-login" />);
    await user.click(await screen.findByRole('tab', { name: 'Stage bindings' }));
    expect(await screen.findByText('ask-username')).toBeTruthy();
    expect(screen.getByText('Show the stage again')).toBeTruthy();
    const bindingsCall = fakeServer.requests.find((r) => r.url.pathname === '/api/v3/flows/bindings');
    expect(bindingsCall?.url.searchParams.get('target')).toBe(FLOW_PK);
    await user.click(screen.getByRole('button', { name: 'Policy bindings' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('only-staff')).toBeTruthy();
  });

  it('binds a stage to the flow with the flow as target', async () => {
    const user = userEvent.setup();
    let posted: unknown;
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (request.method === 'POST') {
        posted = request.body;
        return json(201, binding);
      }
      if (path === '/api/v3/flows/bindings') return json(200, page([]));
      if (path === '/api/v3/stages/all') return json(200, page([binding.stage_obj]));
      return json(200, flow);
    };
    renderWithI18n(<ResourceDetail resource={flowResource} id="default-login" />);
    await user.click(await screen.findByRole('tab', { name: 'Stage bindings' }));
    await user.click(await screen.findByRole('button', { name: 'Create Stage binding' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: 'ask-username (identification)' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Stage/ }), STAGE_PK);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(posted).toMatchObject({
        target: FLOW_PK,
        stage: STAGE_PK,
        order: 10,
        re_evaluate_policies: true,
        invalid_response_action: 'retry',
      }),
    );
  });

  it('draws the diagram: stages in order with the policies that gate them', async () => {
    const user = userEvent.setup();
    const second = { ...binding, pk: 'b-2', order: 20, stage_obj: { pk: 's-2', name: 'ask-password', component: 'ak-stage-password' } };
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (path === '/api/v3/flows/bindings') return json(200, page([binding, second]));
      if (path === '/api/v3/policies/bindings')
        return json(200, page(request.url.searchParams.get('target') === BINDING_PK ? [policyBinding] : []));
      if (path.endsWith('/diagram')) return json(200, { diagram: 'graph TD\nflow_start[["Flow Welcome"]]' });
      return json(200, flow);
    };
    renderWithI18n(<ResourceDetail resource={flowResource} id="default-login" />);
    await user.click(await screen.findByRole('tab', { name: 'Diagram' }));
    const chart = await screen.findByRole('list', { name: 'Diagram' });
    const steps = within(chart)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === chart)
      .map((item) => item.textContent);
    expect(steps).toEqual([
      'Start: Welcome',
      'checked when the stage is reachedpolicy only-staff',
      '10 ask-username identification',
      '20 ask-password password',
      'Done',
    ]);
    await user.click(screen.getByRole('button', { name: 'Diagram source (Mermaid)' }));
    expect(screen.getByText(/flow_start/)).toBeTruthy();
  });
});

describe('stages', () => {
  it('asks for the type first, then creates the stage on its own endpoint and shows refusals beside the field', async () => {
    const user = userEvent.setup();
    const posted: SeenRequest[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request);
        return posted.length === 1
          ? json(400, { user_fields: ['Select at least one field.'] })
          : json(201, { pk: STAGE_PK, name: 'who', component: 'ak-stage-identification', flow_set: [] });
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={stageResource} route={parseHash('#/flow/stages')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const picker = await screen.findByRole('dialog');
    await user.click(within(picker).getByRole('button', { name: 'Identification Stage' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'who');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Email' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Select at least one field.')).toBeTruthy();
    expect(posted[0].url.pathname).toBe('/api/v3/stages/identification');
    expect(posted[0].body).toMatchObject({ name: 'who', user_fields: ['username'], case_insensitive_matching: true, password_stage: null });
    await user.click(within(dialog).getByRole('checkbox', { name: 'UPN' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/flow/stages/${STAGE_PK}`));
  });

  it('names the flows a stage is bound in', async () => {
    fakeServer.reply = (request) =>
      request.url.pathname === '/api/v3/flows/instances'
        ? json(200, page([flow]))
        : json(200, page([{ pk: STAGE_PK, name: 'ask-username', component: 'ak-stage-identification', flow_set: [FLOW_PK] }]));
    renderWithI18n(<ResourceList resource={stageResource} route={parseHash('#/flow/stages')} />);
    expect(await screen.findByText('default-login')).toBeTruthy();
    expect(screen.getByText('identification')).toBeTruthy();
  });

  it('opens a stage with its concrete type and never shows secrets back', async () => {
    const user = userEvent.setup();
    let patched: unknown;
    const duo = {
      pk: STAGE_PK,
      name: 'duo',
      component: 'ak-stage-authenticator-duo',
      meta_model_name: 'authentik_stages_authenticator_duo.authenticatorduostage',
      flow_set: [],
      client_id: 'DIXXXXXXXXXXXXXXXXXX',
      api_hostname: 'api-1234.duosecurity.com',
      admin_integration_key: '',
      configure_flow: null,
      friendly_name: null,
    };
    fakeServer.reply = (request) => {
      if (request.method === 'PATCH') {
        patched = request.body;
        return json(200, duo);
      }
      if (request.url.pathname.startsWith('/api/v3/flows/instances')) return json(200, page([]));
      return json(200, duo);
    };
    renderWithI18n(<ResourceDetail resource={stageResource} id={STAGE_PK} />);
    expect(await screen.findByRole('heading', { name: 'duo' })).toBeTruthy();
    expect(fakeServer.requests.map((r) => r.url.pathname)).toContain(`/api/v3/stages/authenticator/duo/${STAGE_PK}`);
    await user.click(screen.getByRole('tab', { name: 'Edit' }));
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patched).toBeTruthy());
    expect(patched).toMatchObject({ name: 'duo', client_id: 'DIXXXXXXXXXXXXXXXXXX' });
    expect(Object.keys(patched as object)).not.toContain('client_secret');
    expect(Object.keys(patched as object)).not.toContain('admin_secret_key');
  });

  it("imports a Duo user's device by hand and every device automatically", async () => {
    const user = userEvent.setup();
    const calls: SeenRequest[] = [];
    const duo = { pk: STAGE_PK, name: 'duo', component: 'ak-stage-authenticator-duo', flow_set: [] };
    fakeServer.reply = (request) => {
      if (request.url.pathname.endsWith('/import_device_manual')) {
        calls.push(request);
        return calls.length === 1
          ? json(400, { duo_user_id: ['Not a Duo user id (DU followed by 18 letters or digits).'] })
          : new Response(null, { status: 204 });
      }
      if (request.url.pathname.endsWith('/import_devices_automatic')) return json(200, { count: 3, error: '' });
      return json(200, duo);
    };
    renderWithI18n(<ResourceDetail resource={stageResource} id={STAGE_PK} />);
    await user.click(await screen.findByRole('button', { name: 'Import a device' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^User/ }), 'ann');
    await user.type(within(dialog).getByRole('textbox', { name: /^Duo User ID/ }), 'DU1');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('Not a Duo user id (DU followed by 18 letters or digits).')).toBeTruthy();
    const id = within(dialog).getByRole('textbox', { name: /^Duo User ID/ });
    await user.clear(id);
    await user.type(id, 'DUABCDEFGHIJKLMNOPQR');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('The device was imported.')).toBeTruthy();
    expect(calls[1].body).toEqual({ username: 'ann', duo_user_id: 'DUABCDEFGHIJKLMNOPQR' });
    await user.click(screen.getByRole('button', { name: 'Import devices automatically' }));
    expect(await screen.findByText('3 devices were imported.')).toBeTruthy();
  });
});

describe('prompts and invitations', () => {
  it('previews a prompt with the flow interface’s own renderer', async () => {
    const user = userEvent.setup();
    fakeServer.reply = () =>
      json(200, {
        pk: 'p1',
        name: 'city',
        field_key: 'attributes.city',
        label: 'Your city',
        type: 'dropdown',
        required: true,
        placeholder: 'Berlin\nParis',
        placeholder_expression: false,
        initial_value: 'Paris',
        initial_value_expression: false,
        sub_text: '<b>where you live</b>',
        order: 0,
        promptstage_set: [],
      });
    renderWithI18n(<ResourceDetail resource={promptResource} id="p1" />);
    await user.click(await screen.findByRole('tab', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('option', { name: 'Berlin' })).toBeTruthy();
    expect(within(preview).getByText('<b>where you live</b>')).toBeTruthy();
    await user.click(within(preview).getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/"attributes.city": "Paris"/)).toBeTruthy();
  });

  it('creates an invitation with its expiry sent as an instant and its data as JSON', async () => {
    const user = userEvent.setup();
    let posted: Record<string, unknown> | undefined;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted = request.body as Record<string, unknown>;
        return json(201, { pk: 'i1', name: 'welcome', flow: null, flow_obj: null });
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={invitationResource} route={parseHash('#/flow/stages/invitations')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'welcome');
    const expires = within(dialog).getByLabelText(/^Expires/);
    await user.type(expires, '2030-01-02T03:04');
    const data = within(dialog).getByRole('textbox', { name: /^Custom attributes/ });
    await user.clear(data);
    await user.click(data);
    await user.paste('{"email": "ann@example.com"}');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted).toBeTruthy());
    expect(posted?.expires).toBe(new Date('2030-01-02T03:04').toISOString());
    expect(posted?.fixed_data).toEqual({ email: 'ann@example.com' });
  });

  it("builds an invitation's link from its flow", () => {
    expect(invitationLink({ pk: 'i 1', flow_obj: { slug: 'enroll' } }, 'https://id.example.com')).toBe(
      'https://id.example.com/if/flow/enroll/?itoken=i%201',
    );
    expect(invitationLink({ pk: 'i1', flow_obj: null })).toBeUndefined();
  });
});

describe('flow inspector', () => {
  it("shows this browser's execution: the plan, where it is, and its context", async () => {
    fakeServer.reply = () =>
      json(200, {
        plans: [],
        is_completed: false,
        current_plan: {
          current_stage: { pk: 's2', name: 'ask-password', type: 'password', binding: 'b2' },
          next_planned_stage: { pk: 's3', name: 'login', type: 'user_login', binding: 'b3' },
          plan_context: { pending_user: 'ann' },
          stages: [
            { pk: 's1', name: 'ask-username', type: 'identification', binding: 'b1' },
            { pk: 's2', name: 'ask-password', type: 'password', binding: 'b2' },
            { pk: 's3', name: 'login', type: 'user_login', binding: 'b3' },
          ],
        },
      });
    renderWithI18n(<FlowInspector slug="default-login" pollMs={60_000} />);
    const plan = await screen.findByRole('list', { name: 'Plan' });
    const items = within(plan).getAllByRole('listitem');
    expect(items[0].textContent).toContain('passed');
    expect(items[1].getAttribute('aria-current')).toBe('step');
    expect(screen.getByText(/"pending_user": "ann"/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the flow' }).getAttribute('href')).toBe('/if/flow/default-login/');
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/flows/inspector/default-login');
  });

  it('says when this browser is not running the flow', async () => {
    fakeServer.reply = () => json(200, { plans: [], current_plan: null, is_completed: false });
    renderWithI18n(<FlowInspector slug="default-login" pollMs={60_000} />);
    expect(await screen.findByText('This browser is not running this flow right now. Open it to start.')).toBeTruthy();
  });
});
