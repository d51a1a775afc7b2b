import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { applicationResource } from '../areas/applications';
import { ResourceDetail } from './resource-detail';
import { ResourceList } from './resource-list';

const app = (slug: string, extra: Record<string, unknown> = {}) => ({
  pk: `pk-${slug}`,
  name: slug.toUpperCase(),
  slug,
  group: '',
  provider: 1,
  provider_obj: { pk: 1, name: 'Provider one', component: 'ak-provider-oauth2-form' },
  launch_url: null,
  meta_launch_url: '',
  meta_icon: '',
  meta_description: '',
  meta_publisher: '',
  open_in_new_tab: false,
  policy_engine_mode: 'any',
  ...extra,
});

const page = (results: unknown[], count = results.length) => ({
  pagination: {
    count,
    current: 1,
    total_pages: Math.ceil(count / 20) || 1,
    start_index: 1,
    end_index: results.length,
    next: 0,
    previous: 0,
  },
  results,
});

afterEach(() => {
  window.location.hash = '';
});

describe('admin list pages', () => {
  it('asks the API with the route query (search, ordering, page) and shows names as text', async () => {
    fakeServer.reply = () => json(200, page([app('wiki', { name: '<b>Wiki</b>' })], 45));
    renderWithI18n(
      <ResourceList resource={applicationResource} route={parseHash('#/core/applications?search=wi&ordering=-slug&page=2')} />,
    );
    expect(await screen.findByText('<b>Wiki</b>')).toBeTruthy();
    const query = fakeServer.requests[0].url.searchParams;
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/core/applications');
    expect([query.get('search'), query.get('ordering'), query.get('page'), query.get('page_size')]).toEqual(['wi', '-slug', '2', '20']);
    expect(screen.queryByText('Wiki', { selector: 'b' })).toBeNull();
  });

  it('searching and sorting change the address, which a bookmark keeps', async () => {
    const user = userEvent.setup();
    fakeServer.reply = () => json(200, page([app('wiki')]));
    renderWithI18n(<ResourceList resource={applicationResource} route={parseHash('#/core/applications')} />);
    await screen.findByText('WIKI');
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'chat{Enter}');
    expect(parseHash(window.location.hash).query.get('search')).toBe('chat');
    await user.click(screen.getByRole('button', { name: 'Slug' }));
    expect(parseHash(window.location.hash).query.get('ordering')).toBe('slug');
  });

  it('warns about an application without a provider', async () => {
    fakeServer.reply = () => json(200, page([app('lonely', { provider: null, provider_obj: null })]));
    renderWithI18n(<ResourceList resource={applicationResource} route={parseHash('#/core/applications')} />);
    expect(await screen.findByText('No provider is assigned to this application.')).toBeTruthy();
  });

  it('shows a retry on a server error, and the list once it answers', async () => {
    const user = userEvent.setup();
    let fail = true;
    fakeServer.reply = (request) =>
      request.url.pathname.includes('applications') && fail ? json(502, {}) : json(200, page([app('wiki')]));
    renderWithI18n(<ResourceList resource={applicationResource} route={parseHash('#/core/applications')} />);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    fail = false;
    await user.click(retry);
    expect(await screen.findByText('WIKI')).toBeTruthy();
  });

  it('deletes the selected rows after showing what else goes with them', async () => {
    const user = userEvent.setup();
    const deleted: string[] = [];
    fakeServer.reply = (request: SeenRequest) => {
      if (request.method === 'DELETE') {
        deleted.push(request.url.pathname);
        return new Response(null, { status: 204 });
      }
      if (request.url.pathname.endsWith('/used_by'))
        return json(200, [
          { app: 'authentik_policies', model_name: 'policybinding', pk: 'b1', name: 'Binding of wiki', action: 'cascade' },
        ]);
      return json(200, page([app('wiki'), app('chat')]));
    };
    renderWithI18n(<ResourceList resource={applicationResource} route={parseHash('#/core/applications')} />);
    await screen.findByText('WIKI');
    await user.click(screen.getByRole('checkbox', { name: 'Select row 0' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('policybinding “Binding of wiki” will be DELETED')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleted).toEqual(['/api/v3/core/applications/wiki']));
  });
  it('names what would be reset and what blocks the deletion', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request: SeenRequest) => {
      if (request.url.pathname.endsWith('/used_by'))
        return json(200, [
          { app: 'authentik_brands', model_name: 'brand', pk: 'b', name: 'example.com', action: 'set_null' },
          { app: 'authentik_core', model_name: 'group', pk: 'g', name: 'Child', action: 'restrict' },
        ]);
      return json(200, page([app('wiki')]));
    };
    renderWithI18n(<ResourceList resource={applicationResource} route={parseHash('#/core/applications')} />);
    await screen.findByText('WIKI');
    await user.click(screen.getByRole('checkbox', { name: 'Select row 0' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('brand “example.com”: its reference will be reset')).toBeTruthy();
    expect(within(dialog).getByText('group “Child” prevents this deletion: change or delete it first')).toBeTruthy();
  });
});

describe('admin forms', () => {
  it('creates with a slug made from the name, and keeps what was typed when the API refuses a field', async () => {
    const user = userEvent.setup();
    const posted: unknown[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request.body);
        return posted.length === 1 ? json(400, { slug: ['Application with this slug already exists.'] }) : json(201, app('my-wiki-2'));
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={applicationResource} route={parseHash('#/core/applications')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'My Wiki');
    expect((within(dialog).getByRole('textbox', { name: /^Slug/ }) as HTMLInputElement).value).toBe('my-wiki');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Application with this slug already exists.')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /^Name/ }) as HTMLInputElement).value).toBe('My Wiki');
    expect(posted[0]).toMatchObject({ name: 'My Wiki', slug: 'my-wiki', policy_engine_mode: 'any', provider: null });
    const slug = within(dialog).getByRole('textbox', { name: /^Slug/ });
    await user.clear(slug);
    await user.type(slug, 'my-wiki-2');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(window.location.hash).toBe('#/core/applications/my-wiki-2'));
  });

  it('edits an object on its detail page and sends only the form fields', async () => {
    const user = userEvent.setup();
    let patched: unknown;
    fakeServer.reply = (request) => {
      if (request.method === 'PATCH') {
        patched = request.body;
        return json(200, app('wiki', { name: 'Renamed' }));
      }
      if (request.url.pathname === '/api/v3/providers/all') return json(200, page([{ pk: 1, name: 'Provider one' }]));
      return json(200, app('wiki'));
    };
    renderWithI18n(<ResourceDetail resource={applicationResource} id="wiki" />);
    expect(await screen.findByRole('heading', { name: 'WIKI' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Edit' }));
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    expect(patched).toMatchObject({ name: 'Renamed', slug: 'wiki', provider: 1 });
    expect(Object.keys(patched as object)).not.toContain('pk');
  });
});
