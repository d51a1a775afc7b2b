import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { ruleResource } from './notification-rules';
import { transportResource } from './notification-transports';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const T1 = '11111111-1111-4111-8111-111111111111';
const MAPPING = '44444444-4444-4444-8444-444444444444';
const transport = (extra: Record<string, unknown> = {}) => ({
  pk: T1,
  name: 'Chat',
  mode: 'webhook_slack',
  mode_verbose: 'Slack Webhook (Slack/Discord)',
  webhook_url: 'https://chat.example.com/hook',
  webhook_mapping: null,
  send_once: true,
  ...extra,
});

const R1 = '55555555-5555-4555-8555-555555555555';
const GROUP = '66666666-6666-4666-8666-666666666666';
const rule = (extra: Record<string, unknown> = {}) => ({
  pk: R1,
  name: 'Failed logins',
  transports: [T1],
  severity: 'alert',
  group: GROUP,
  group_obj: { pk: GROUP, name: 'Admins' },
  policy_engine_mode: 'any',
  ...extra,
});

afterEach(() => {
  window.location.hash = '';
});

describe('notification transports', () => {
  it('asks for a URL and a mapping only in webhook modes, and keeps what was typed when the API refuses the URL', async () => {
    const user = userEvent.setup();
    const posted: Record<string, unknown>[] = [];
    fakeServer.reply = (request: SeenRequest) => {
      if (request.method === 'POST') {
        posted.push(request.body as Record<string, unknown>);
        return posted.length === 1 ? json(400, { webhook_url: ['Enter a valid URL.'] }) : json(201, transport({ mode: 'webhook' }));
      }
      if (request.url.pathname === '/api/v3/propertymappings/notification')
        return json(200, page([{ pk: MAPPING, name: 'Ticket body', expression: 'return {}' }]));
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={transportResource} route={parseHash('#/events/transports')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Tickets');
    expect(within(dialog).queryByRole('textbox', { name: /^Webhook URL/ })).toBeNull();
    expect(within(dialog).queryByRole('combobox', { name: /^Webhook mapping/ })).toBeNull();

    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Mode/ }), 'webhook');
    const url = within(dialog).getByRole('textbox', { name: /^Webhook URL/ });
    await user.type(url, 'nope');
    const mapping = within(dialog).getByRole('combobox', { name: /^Webhook mapping/ });
    await within(dialog).findByRole('option', { name: 'Ticket body' });
    await user.selectOptions(mapping, MAPPING);
    await user.click(within(dialog).getByRole('switch', { name: 'Send once' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('Enter a valid URL.')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /^Webhook URL/ }) as HTMLInputElement).value).toBe('nope');
    expect((within(dialog).getByRole('textbox', { name: /^Name/ }) as HTMLInputElement).value).toBe('Tickets');
    expect(posted[0]).toEqual({ name: 'Tickets', mode: 'webhook', webhook_url: 'nope', webhook_mapping: MAPPING, send_once: true });

    await user.clear(url);
    await user.type(url, 'https://t.example');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/events/transports/${T1}`));
    expect(posted[1]).toMatchObject({ webhook_url: 'https://t.example' });
  }, 20_000);

  it('sends no webhook fields for a local transport', async () => {
    const user = userEvent.setup();
    let posted: unknown;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted = request.body;
        return json(201, transport({ mode: 'local' }));
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={transportResource} route={parseHash('#/events/transports')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'In the bell');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted).toEqual({ name: 'In the bell', mode: 'local', send_once: false }));
  });

  it('lists transports with their mode in words, filters by mode, and previews what deleting one resets', async () => {
    const user = userEvent.setup();
    const deleted: string[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'DELETE') {
        deleted.push(request.url.pathname);
        return new Response(null, { status: 204 });
      }
      if (request.url.pathname.endsWith('/used_by'))
        return json(200, [
          { app: 'authentik_events', model_name: 'notificationrule', pk: R1, name: 'Failed logins', action: 'cascade_many' },
        ]);
      return json(200, page([transport()]));
    };
    renderWithI18n(<ResourceList resource={transportResource} route={parseHash('#/events/transports')} />);
    expect(await screen.findByText('Webhook (Slack/Discord)')).toBeTruthy();
    expect(fakeServer.requests[0].url.searchParams.get('ordering')).toBe('name');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mode' }), 'email');
    await waitFor(() => expect(window.location.hash).toContain('mode=email'));

    await user.click(screen.getByRole('checkbox', { name: 'Select row 0' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('notificationrule “Failed logins”: its reference will be reset')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleted).toEqual([`/api/v3/events/transports/${T1}`]));
  });

  it('sends a test notification and shows what the server answered', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      if (request.method === 'POST' && request.url.pathname === `/api/v3/events/transports/${T1}/test`)
        return json(200, { messages: ['HTTP 200 from chat.example.com'] });
      return json(200, transport());
    };
    renderWithI18n(<ResourceDetail resource={transportResource} id={T1} />);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('The test notification was sent.')).toBeTruthy();
    expect(within(dialog).getByText('HTTP 200 from chat.example.com')).toBeTruthy();
    // The footer's Close (the header has a close cross of the same name).
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a failed delivery (503) as an error with its reason, and a refused test with its status', async () => {
    const user = userEvent.setup();
    let status = 503;
    fakeServer.reply = (request) => {
      if (request.method === 'POST')
        return status === 503 ? json(503, { messages: ['<b>Connection refused</b>'] }) : json(status, { detail: 'Not allowed.' });
      return json(200, transport());
    };
    renderWithI18n(<ResourceDetail resource={transportResource} id={T1} />);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('The test notification could not be delivered.')).toBeTruthy();
    // The reason is text: markup in it is shown, not rendered.
    expect(within(dialog).getByText('<b>Connection refused</b>')).toBeTruthy();
    expect(dialog.querySelector('b')).toBeNull();

    status = 403;
    await user.click(within(dialog).getByRole('button', { name: 'Send again' }));
    expect(await within(dialog).findByText('The server refused the test (status 403).')).toBeTruthy();
    expect(within(dialog).getByText('Not allowed.')).toBeTruthy();
  });

  it('shows an unreachable server in the test dialog instead of breaking the page', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      if (request.method === 'POST') throw new TypeError('Failed to fetch');
      return json(200, transport());
    };
    renderWithI18n(<ResourceDetail resource={transportResource} id={T1} />);
    await user.click(await screen.findByRole('button', { name: 'Test' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('The server cannot be reached. Check your connection.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Chat', hidden: true })).toBeTruthy();
  });
});

describe('notification rules', () => {
  it('shows a rule without a group as disabled, in the list and with a warning', async () => {
    fakeServer.reply = () =>
      json(200, page([rule(), rule({ pk: 'r2', name: 'Nobody', group: null, group_obj: null, transports: [], severity: 'notice' })]));
    renderWithI18n(<ResourceList resource={ruleResource} route={parseHash('#/events/rules')} />);
    expect(await screen.findByText('Nobody')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Admins' }).getAttribute('href')).toBe(`#/identity/groups/${GROUP}`);
    expect(screen.getByText('None (rule disabled)')).toBeTruthy();
    expect(screen.getAllByText('This rule is disabled: it has no group to notify.')).toHaveLength(1);
    const table = screen.getByRole('grid');
    expect(within(table).getByText('Alert')).toBeTruthy();
    expect(within(table).getByText('Notice')).toBeTruthy();
  });

  it('creates a rule with transports and a group; a refused field shows beside it and the choices stay', async () => {
    const user = userEvent.setup();
    const posted: Record<string, unknown>[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request.body as Record<string, unknown>);
        return posted.length === 1 ? json(400, { name: ['Notification rule with this name already exists.'] }) : json(201, rule());
      }
      if (request.url.pathname === '/api/v3/events/transports')
        return json(200, page([transport(), transport({ pk: 't2', name: 'Mail', mode: 'email' })]));
      if (request.url.pathname === '/api/v3/core/groups') return json(200, page([{ pk: GROUP, name: 'Admins' }]));
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={ruleResource} route={parseHash('#/events/rules')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/With no group the rule is disabled/)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Failed logins');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Chat' }));
    await within(dialog).findByRole('option', { name: 'Admins' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Sent to group/ }), GROUP);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Severity/ }), 'alert');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('Notification rule with this name already exists.')).toBeTruthy();
    expect((within(dialog).getByRole('checkbox', { name: 'Chat' }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('textbox', { name: /^Name/ }) as HTMLInputElement).value).toBe('Failed logins');
    expect(posted[0]).toEqual({ name: 'Failed logins', group: GROUP, transports: [T1], severity: 'alert', policy_engine_mode: 'any' });

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), ' 2');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/events/rules/${R1}`));
  });

  it('sends a cleared group as null, which disables the rule', async () => {
    const user = userEvent.setup();
    let patched: unknown;
    fakeServer.reply = (request) => {
      if (request.method === 'PATCH') {
        patched = request.body;
        return json(200, rule({ group: null, group_obj: null }));
      }
      if (request.url.pathname === '/api/v3/core/groups') return json(200, page([{ pk: GROUP, name: 'Admins' }]));
      if (request.url.pathname === '/api/v3/events/transports') return json(200, page([transport()]));
      return json(200, rule());
    };
    renderWithI18n(<ResourceDetail resource={ruleResource} id={R1} />);
    await user.click(await screen.findByRole('tab', { name: 'Edit' }));
    const group = await screen.findByRole('combobox', { name: /^Sent to group/ });
    await screen.findByRole('option', { name: 'Admins' });
    await user.selectOptions(group, '');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patched).toMatchObject({ group: null, transports: [T1] }));
  });

  it('names the transports on the detail page, each linked to its page', async () => {
    fakeServer.reply = (request) => {
      if (request.url.pathname === '/api/v3/events/transports')
        return json(200, page([transport(), transport({ pk: 't2', name: 'Mail' })]));
      return json(200, rule({ transports: [T1, 't2'] }));
    };
    renderWithI18n(<ResourceDetail resource={ruleResource} id={R1} />);
    expect((await screen.findByRole('link', { name: 'Chat' })).getAttribute('href')).toBe(`#/events/transports/${T1}`);
    expect(screen.getByRole('link', { name: 'Mail' }).getAttribute('href')).toBe('#/events/transports/t2');
    expect(screen.getAllByText('Transports')).toHaveLength(1);
    expect(screen.queryByText('2')).toBeNull();
    expect(fakeServer.requests.filter((r) => r.url.pathname === '/api/v3/events/transports')).toHaveLength(1);
  });

  it("lists the rule's policy bindings and says what they decide", async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      if (request.url.pathname === '/api/v3/policies/bindings')
        return json(
          200,
          page([
            {
              pk: 'b1',
              order: 0,
              target: R1,
              policy: 'p1',
              policy_obj: { name: 'Only failed logins' },
              enabled: true,
              negate: false,
              timeout: 30,
            },
          ]),
        );
      return json(200, rule());
    };
    renderWithI18n(<ResourceDetail resource={ruleResource} id={R1} />);
    await user.click(await screen.findByRole('tab', { name: 'Policy bindings' }));
    expect(await screen.findByText('Only failed logins')).toBeTruthy();
    expect(screen.getByText(/decide which events trigger the rule/)).toBeTruthy();
    const asked = fakeServer.requests.find((r) => r.url.pathname === '/api/v3/policies/bindings');
    expect(asked?.url.searchParams.get('target')).toBe(R1);
  });
});
