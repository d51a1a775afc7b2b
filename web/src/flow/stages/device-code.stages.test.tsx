import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../test/render';
import type { Challenge } from '../challenge';
import { STAGE_RENDERERS } from './index';

const submit = vi.fn<(answer: Record<string, unknown>) => Promise<void>>(async () => undefined);

function show(challenge: Partial<Challenge> & { component: string }, locale: 'en' | 'de' = 'en') {
  const Renderer = STAGE_RENDERERS[challenge.component];
  return renderWithI18n(<Renderer challenge={{ type: 'native', ...challenge } as Challenge} submit={submit} busy={false} />, locale);
}

beforeEach(() => submit.mockClear());

describe('device code', () => {
  it('asks for the code the device shows and answers with what was typed', async () => {
    const user = userEvent.setup();
    show({ component: 'ak-provider-oauth2-device-code' });
    expect(screen.getByText('Enter the code shown on your device.')).toBeTruthy();
    const field = screen.getByLabelText(/^Device code/);
    expect(field.getAttribute('autocomplete')).toBe('off');
    await user.type(field, 'bcdf-ghjk');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(submit).toHaveBeenCalledWith({ code: 'bcdf-ghjk' });
  });

  it('starts with the code from the link', async () => {
    show({ component: 'ak-provider-oauth2-device-code', code: 'BCDF-GHJK' });
    expect((screen.getByLabelText(/^Device code/) as HTMLInputElement).value).toBe('BCDF-GHJK');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue' }));
    expect(submit).toHaveBeenCalledWith({ code: 'BCDF-GHJK' });
  });

  it('shows a refused code beside the field, not in a form-wide alert', () => {
    show({
      component: 'ak-provider-oauth2-device-code',
      response_errors: { code: [{ string: 'This code is not valid, has expired or was already used.', code: 'invalid' }] },
    });
    const helper = document.getElementById('code-helper');
    expect(helper?.textContent).toContain('This code is not valid, has expired or was already used.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is translated', async () => {
    show({ component: 'ak-provider-oauth2-device-code' }, 'de');
    expect(await screen.findByLabelText(/^Gerätecode/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Weiter' })).toBeTruthy();
  });
});

describe('device code finish', () => {
  it('says the device is connected to the application, with nothing to submit', () => {
    show({ component: 'ak-provider-oauth2-device-code-finish', application_name: 'Television' });
    expect(screen.getByText('Device connected')).toBeTruthy();
    expect(screen.getByText('Your device is now connected to Television.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the application name as text, never as markup', () => {
    show({ component: 'ak-provider-oauth2-device-code-finish', application_name: '<img src=x onerror=alert(1)>' });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Your device is now connected to <img src=x onerror=alert(1)>.')).toBeTruthy();
  });
});
