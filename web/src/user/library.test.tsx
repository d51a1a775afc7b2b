import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, json } from '../test/fake-server';
import { renderWithI18n } from '../test/render';
import { iconImageUrl } from './app-icon';
import { Library, type LibraryApp } from './library';

const app = (slug: string, extra: Partial<LibraryApp> = {}): LibraryApp => ({
  pk: `00000000-0000-4000-8000-${slug.padStart(12, '0').slice(-12)}`,
  name: slug[0].toUpperCase() + slug.slice(1),
  slug,
  group: '',
  launch_url: `https://${slug}.example.com/`,
  meta_icon: '',
  meta_description: '',
  meta_publisher: '',
  open_in_new_tab: false,
  ...extra,
});

const page = (results: LibraryApp[]) => json(200, { pagination: { count: results.length }, results });

describe('my applications', () => {
  it('asks for the caller’s own launchable applications and groups them, ungrouped first', async () => {
    fakeServer.reply = () =>
      page([
        app('wiki', { group: 'Docs' }),
        app('chat'),
        app('notes', { group: 'Docs', meta_publisher: 'Acme' }),
        app('ci', { group: 'Build' }),
      ]);
    renderWithI18n(<Library />);
    expect(await screen.findByRole('link', { name: 'Wiki' })).toBeTruthy();
    const query = fakeServer.requests[0].url.searchParams;
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/core/applications');
    expect(query.get('for_user')).toBe('me');
    expect(query.get('only_with_launch_url')).toBe('true');
    const groups = screen.getAllByRole('region').flatMap((s) => s.getAttribute('aria-label') ?? []);
    expect(groups).toEqual(['Applications', 'Build', 'Docs']);
    const docs = screen.getByRole('region', { name: 'Docs' });
    expect(
      within(docs)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Wiki', 'Notes']);
    expect(within(docs).getByText('Acme')).toBeTruthy();
  });

  it('filters by name, publisher, description or group as the user types', async () => {
    const user = userEvent.setup();
    fakeServer.reply = () =>
      page([
        app('wiki', { meta_description: 'Team knowledge' }),
        app('chat', { meta_publisher: 'Chatty Inc' }),
        app('ci', { group: 'Build' }),
      ]);
    renderWithI18n(<Library />);
    const search = await screen.findByRole('textbox', { name: 'Search applications' });
    await user.type(search, 'KNOWLEDGE');
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['Wiki']);
    await user.clear(search);
    await user.type(search, 'chatty');
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['Chat']);
    await user.clear(search);
    await user.type(search, 'build');
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['Ci']);
    await user.clear(search);
    await user.type(search, 'nothing like it');
    expect(screen.getByText('No application matches your search.')).toBeTruthy();
  });

  it('opens in a new tab only when the application says so', async () => {
    fakeServer.reply = () => page([app('wiki', { open_in_new_tab: true }), app('chat')]);
    renderWithI18n(<Library />);
    const wiki = await screen.findByRole('link', { name: 'Wiki' });
    expect(wiki.getAttribute('href')).toBe('https://wiki.example.com/');
    expect(wiki.getAttribute('target')).toBe('_blank');
    expect(wiki.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('link', { name: 'Chat' }).getAttribute('target')).toBeNull();
  });

  it('loads only http(s) and same-site icon images; anything else shows the initial', async () => {
    fakeServer.reply = () =>
      page([
        app('evil', { meta_icon: 'javascript:alert(1)' }),
        app('font', { meta_icon: 'fa://fa-book' }),
        app('data', { meta_icon: 'data:image/svg+xml,<svg/>' }),
        app('good', { meta_icon: 'https://cdn.example.com/good.png' }),
        app('local', { meta_icon: '/media/local.png' }),
      ]);
    const { container } = renderWithI18n(<Library />);
    await screen.findByRole('link', { name: 'Evil' });
    const sources = [...container.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual(['https://cdn.example.com/good.png', '/media/local.png']);
    expect(within(screen.getByTestId('app-evil')).getByText('E')).toBeTruthy();
    expect(container.innerHTML).not.toContain('javascript:');
  });

  it('never links a launch URL with another scheme', async () => {
    fakeServer.reply = () => page([app('evil', { launch_url: 'javascript:alert(1)' })]);
    renderWithI18n(<Library />);
    const card = await screen.findByTestId('app-evil');
    expect(within(card).queryByRole('link')).toBeNull();
    expect(within(card).getByText('Evil')).toBeTruthy();
  });

  it('says so when there is nothing to open', async () => {
    fakeServer.reply = () => page([]);
    renderWithI18n(<Library />);
    expect(await screen.findByText('No applications')).toBeTruthy();
  });
});

describe('icon URLs', () => {
  it('accepts http(s) and paths, refuses protocol-relative and other schemes', () => {
    expect(iconImageUrl('https://x.example/i.png')).toBe('https://x.example/i.png');
    expect(iconImageUrl('/static/i.png')).toBe('/static/i.png');
    expect(iconImageUrl('//evil.example/i.png')).toBeUndefined();
    expect(iconImageUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(iconImageUrl('fa://fa-book')).toBeUndefined();
    expect(iconImageUrl('')).toBeUndefined();
  });
});
