import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { policyResource } from './policies';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const expressionPolicy = {
  pk: 'p1',
  name: 'only-staff',
  execution_logging: false,
  component: 'ak-policy-expression-form',
  verbose_name: 'Expression Policy',
  meta_model_name: 'authentik_policies_expression.expressionpolicy',
  bound_to: 0,
  expression: 'return true;',
};

afterEach(() => {
  window.location.hash = '';
});

describe('admin policies', () => {
  it('lists policies of every type with how often they are bound, warning about unbound ones, and the cache size', async () => {
    fakeServer.reply = (request) =>
      request.url.pathname === '/api/v3/policies/all/cache_info'
        ? json(200, { count: 12 })
        : json(200, page([expressionPolicy, { ...expressionPolicy, pk: 'p2', name: 'bound', bound_to: 3 }]));
    renderWithI18n(<ResourceList resource={policyResource} route={parseHash('#/policy/policies')} />);
    expect(await screen.findByText('3 object(s)')).toBeTruthy();
    expect(screen.getAllByText('This policy is not bound to anything.')).toHaveLength(1);
    expect(await screen.findByText('Cached results: 12')).toBeTruthy();
  });

  it('clears the policy cache after asking', async () => {
    const events = userEvent.setup();
    const cleared: string[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        cleared.push(request.url.pathname);
        return new Response(null, { status: 204 });
      }
      if (request.url.pathname === '/api/v3/policies/all/cache_info') return json(200, { count: cleared.length ? 0 : 5 });
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={policyResource} route={parseHash('#/policy/policies')} />);
    await events.click(await screen.findByRole('button', { name: 'Clear cache' }));
    expect(cleared).toEqual([]);
    const dialog = await screen.findByRole('dialog');
    await events.click(within(dialog).getByRole('button', { name: 'Clear cache' }));
    await waitFor(() => expect(cleared).toEqual(['/api/v3/policies/all/cache_clear']));
    expect(await screen.findByText('Cached results: 0')).toBeTruthy();
  });

  it('creates a password policy through the type picker, posting to its type’s endpoint with its rules', async () => {
    const events = userEvent.setup();
    let posted: SeenRequest | undefined;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted = request;
        return json(400, { non_field_errors: ['Enable at least one of static rules, Have I Been Pwned or zxcvbn.'] });
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={policyResource} route={parseHash('#/policy/policies')} />);
    await events.click(await screen.findByRole('button', { name: 'Create' }));
    await events.click(await screen.findByRole('button', { name: 'Password Policy' }));
    const dialog = await screen.findByRole('dialog');
    await events.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'strong');
    const length = within(dialog).getByRole('spinbutton', { name: 'Minimum length' });
    await events.clear(length);
    await events.type(length, '12');
    await events.click(within(dialog).getByRole('switch', { name: 'Check zxcvbn' }));
    expect(within(dialog).queryByRole('spinbutton', { name: /^Score threshold/ })).toBeNull();
    await events.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Enable at least one of static rules, Have I Been Pwned or zxcvbn.')).toBeTruthy();
    expect(posted?.url.pathname).toBe('/api/v3/policies/password');
    expect(posted?.body).toMatchObject({
      name: 'strong',
      length_min: 12,
      check_static_rules: true,
      check_have_i_been_pwned: true,
      hibp_allowed_count: 0,
      check_zxcvbn: false,
      password_field: 'password',
    });
    expect(posted?.body).not.toHaveProperty('zxcvbn_score_threshold');
  });

  it('opens a policy with its type’s form and tests it for a user and context', async () => {
    const events = userEvent.setup();
    let tested: SeenRequest | undefined;
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (path === '/api/v3/policies/all/p1/test') {
        tested = request;
        return (request.body as { context?: unknown }).context
          ? json(200, { passing: false, messages: ['Only staff may enter.'], log_messages: ['<b>checked</b>'] })
          : json(400, {});
      }
      if (path === '/api/v3/core/users') return json(200, page([{ pk: 7, username: 'ann' }]));
      return json(200, expressionPolicy);
    };
    renderWithI18n(<ResourceDetail resource={policyResource} id="p1" />);
    await events.click(await screen.findByRole('tab', { name: 'Edit' }));
    expect(((await screen.findByRole('textbox', { name: /^Expression/ })) as HTMLTextAreaElement).value).toBe('return true;');
    await events.click(screen.getByRole('button', { name: 'Test' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: 'ann' });
    await events.selectOptions(within(dialog).getByRole('combobox', { name: /^User/ }), '7');
    const context = within(dialog).getByRole('textbox', { name: /^Context/ });
    await events.clear(context);
    await events.type(context, '{{"ip": "192.0.2.1"}');
    await events.click(within(dialog).getByRole('button', { name: 'Run test' }));
    expect(await within(dialog).findByText('Only staff may enter.')).toBeTruthy();
    expect(within(dialog).getByText('<b>checked</b>')).toBeTruthy();
    expect(tested?.body).toEqual({ user: 7, context: { ip: '192.0.2.1' } });
  });
});
