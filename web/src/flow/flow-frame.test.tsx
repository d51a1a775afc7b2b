import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, json } from '../test/fake-server';
import { renderWithI18n } from '../test/render';
import { FlowExecutor } from './flow-executor';

describe('flow frame', () => {
  it("honours the flow's layout and cancel URL", async () => {
    fakeServer.reply = () =>
      json(200, {
        type: 'native',
        component: 'ak-stage-dummy',
        flow_info: { title: 'Enroll', background: '/media/bg.jpg', cancel_url: '/flows/-/cancel/', layout: 'content_right' },
      });
    const { container } = renderWithI18n(<FlowExecutor slug="f" query="" navigate={{ assign: vi.fn() }} />);
    await screen.findByRole('button', { name: 'Continue' });
    expect(container.querySelector('.am-flow')?.classList.contains('am-layout-content_right')).toBe(true);
    expect(screen.getByRole('link', { name: 'Cancel' }).getAttribute('href')).toBe('/flows/-/cancel/');
    expect(screen.getByRole('heading', { name: 'Enroll' })).toBeTruthy();
  });

  it("shows the brand's logo and title, and refuses a logo that is neither local nor https", async () => {
    const challenge = {
      type: 'native',
      component: 'ak-stage-dummy',
      flow_info: { title: 'Log in', background: '', cancel_url: '', layout: 'stacked' },
    };
    let logo = '/static/dist/assets/icons/icon_left_brand.svg';
    fakeServer.reply = (request) =>
      request.url.pathname === '/api/v3/core/brands/current'
        ? json(200, { branding_title: 'Acme', branding_logo: logo, branding_favicon: '' })
        : json(200, challenge);
    const first = renderWithI18n(<FlowExecutor slug="f" query="" navigate={{ assign: vi.fn() }} />);
    const img = await screen.findByRole('img', { name: 'Acme' });
    expect(img.getAttribute('src')).toBe('/static/dist/assets/icons/icon_left_brand.svg');
    await waitFor(() => expect(document.title).toBe('Log in – Acme'));
    first.unmount();
    document.title = '';
    logo = 'javascript:alert(1)';
    renderWithI18n(<FlowExecutor slug="f" query="" navigate={{ assign: vi.fn() }} />);
    await screen.findByRole('button', { name: 'Continue' });
    await waitFor(() => expect(document.title).toBe('Log in – Acme'));
    expect(screen.queryByRole('img', { name: 'Acme' })).toBeNull();
  });

  it('never lets a layout value inject a class name', async () => {
    fakeServer.reply = () =>
      json(200, {
        type: 'native',
        component: 'ak-stage-dummy',
        flow_info: { title: 'T', background: '', cancel_url: '', layout: 'x" onload="1 evil' },
      });
    const { container } = renderWithI18n(<FlowExecutor slug="f" query="" navigate={{ assign: vi.fn() }} />);
    await screen.findByRole('button', { name: 'Continue' });
    expect(container.querySelector('.am-flow')?.className).toBe('am-flow am-layout-xonloadevil');
    expect(screen.queryByRole('link', { name: 'Cancel' })).toBeNull();
  });

  it('posts an autosubmit form to its URL with its fields', async () => {
    const submitted = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    fakeServer.reply = () =>
      json(200, {
        type: 'native',
        component: 'ak-stage-autosubmit',
        flow_info: { title: 'T', background: '', cancel_url: '', layout: 'stacked' },
        url: 'https://sp.example.com/acs',
        attrs: { SAMLResponse: 'PHNhbWw+', RelayState: 'r1' },
      });
    const { container } = renderWithI18n(<FlowExecutor slug="f" query="" navigate={{ assign: vi.fn() }} />);
    await screen.findByRole('button', { name: 'Continue' });
    const form = container.querySelector('form[action="https://sp.example.com/acs"]') as HTMLFormElement;
    expect(form.method).toBe('post');
    expect(Object.fromEntries(new FormData(form))).toEqual({ SAMLResponse: 'PHNhbWw+', RelayState: 'r1' });
    expect(submitted).toHaveBeenCalled();
    submitted.mockRestore();
  });
});
