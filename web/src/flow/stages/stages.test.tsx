import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../test/render';
import type { Challenge } from '../challenge';
import { STAGE_RENDERERS } from './index';

vi.mock('@simplewebauthn/browser', () => ({
  startRegistration: vi.fn(async () => ({ id: 'cred-1', type: 'public-key', response: { attestationObject: 'att' } })),
  startAuthentication: vi.fn(async (options: { useBrowserAutofill?: boolean }) => {
    // Autofill waits for the user to pick a passkey, which never happens in these tests.
    if (options.useBrowserAutofill) return new Promise(() => undefined);
    return { id: 'cred-1', type: 'public-key', response: { signature: 'sig' } };
  }),
  WebAuthnAbortService: { cancelCeremony: vi.fn() },
}));

const submit = vi.fn<(answer: Record<string, unknown>) => Promise<void>>(async () => undefined);

function show(challenge: Partial<Challenge> & { component: string }) {
  const Renderer = STAGE_RENDERERS[challenge.component];
  return renderWithI18n(<Renderer challenge={{ type: 'native', ...challenge } as Challenge} submit={submit} busy={false} />);
}

beforeEach(() => submit.mockClear());

describe('every component the flows service emits has a renderer', () => {
  it.each([
    'ak-stage-identification',
    'ak-stage-password',
    'ak-stage-prompt',
    'ak-stage-consent',
    'ak-stage-captcha',
    'ak-stage-access-denied',
    'ak-stage-email',
    'ak-stage-invitation',
    'ak-stage-dummy',
    'ak-stage-user-login',
    'ak-stage-user-logout',
    'ak-stage-user-write',
    'ak-stage-user-delete',
    'ak-stage-authenticator-totp',
    'ak-stage-authenticator-static',
    'ak-stage-authenticator-sms',
    'ak-stage-authenticator-duo',
    'ak-stage-authenticator-validate',
    'ak-stage-authenticator-webauthn',
    'ak-stage-autosubmit',
    'ak-provider-oauth2-device-code',
    'ak-provider-oauth2-device-code-finish',
  ])('%s', (component) => {
    expect(STAGE_RENDERERS[component]).toBeTypeOf('function');
  });
});

describe('identification', () => {
  it('offers passkey sign-in when the stage sends a passkey request: autofill on the username field and a button', async () => {
    const { startAuthentication } = await import('@simplewebauthn/browser');
    const options = { challenge: 'c2', allowCredentials: [] };
    show({ component: 'ak-stage-identification', user_fields: ['username'], passkey_challenge: options });
    expect(screen.getByLabelText(/^Username/).getAttribute('autocomplete')).toBe('username webauthn');
    expect(startAuthentication).toHaveBeenCalledWith({ optionsJSON: options, useBrowserAutofill: true });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log in with a passkey' }));
    expect(submit).toHaveBeenCalledWith({ passkey: { id: 'cred-1', type: 'public-key', response: { signature: 'sig' } } });
  });

  it('offers no passkey sign-in without a passkey request', () => {
    show({ component: 'ak-stage-identification', user_fields: ['username'] });
    expect(screen.getByLabelText(/^Username/).getAttribute('autocomplete')).toBe('username');
    expect(screen.queryByRole('button', { name: 'Log in with a passkey' })).toBeNull();
  });

  it('asks for the user and the password on one form when configured, with links to the other flows', async () => {
    const user = userEvent.setup();
    show({
      component: 'ak-stage-identification',
      user_fields: ['email'],
      password_fields: true,
      enroll_url: '/if/flow/enroll/?next=%2F',
      recovery_url: '/if/flow/recover/',
      sources: [{ name: 'Corp SSO', challenge: { to: '/source/oauth/login/corp/' } }],
    });
    const email = screen.getByLabelText(/^E-mail/);
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('email');
    expect(screen.getByLabelText(/^Password/).getAttribute('autocomplete')).toBe('current-password');
    expect(screen.getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe('/if/flow/enroll/?next=%2F');
    expect(screen.getByRole('link', { name: 'Forgot your username or password?' }).getAttribute('href')).toBe('/if/flow/recover/');
    expect(screen.getByRole('link', { name: 'Continue with Corp SSO' }).getAttribute('href')).toBe('/source/oauth/login/corp/');
    await user.type(email, 'a@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'pw');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(submit).toHaveBeenCalledWith({ uid_field: 'a@example.com', password: 'pw' });
  });

  it('shows errors that belong to no field above the form', () => {
    show({
      component: 'ak-stage-identification',
      user_fields: ['username'],
      response_errors: { non_field_errors: [{ string: 'Failed to authenticate.', code: 'invalid' }] },
    });
    expect(screen.getByRole('alert').textContent).toContain('Failed to authenticate.');
  });
});

const field = (type: string, key: string, extra: Record<string, unknown> = {}) => ({
  field_key: key,
  label: `Label ${key}`,
  type,
  required: false,
  placeholder: '',
  initial_value: '',
  sub_text: '',
  choices: null,
  ...extra,
});

describe('prompt', () => {
  const fields = [
    field('text', 'name', { initial_value: 'Alice' }),
    field('text_area', 'bio'),
    field('text_read_only', 'ro', { initial_value: 'fixed' }),
    field('text_area_read_only', 'ro_area', { initial_value: 'fixed area' }),
    field('username', 'username', { required: true }),
    field('email', 'email'),
    field('password', 'password'),
    field('password', 'password_repeat'),
    field('number', 'age'),
    field('checkbox', 'tos', { initial_value: 'true' }),
    field('radio-button-group', 'color', {
      choices: [
        { label: 'Red', value: 'red' },
        { label: 'Blue', value: 'blue' },
      ],
    }),
    field('dropdown', 'size', {
      choices: [
        { label: 'Small', value: 's' },
        { label: 'Large', value: 'l' },
      ],
    }),
    field('date', 'birthday'),
    field('date-time', 'meeting'),
    field('file', 'avatar'),
    field('separator', 'sep', { sub_text: 'More about you' }),
    field('hidden', 'secret', { initial_value: 'server-side' }),
    field('static', 'intro', { initial_value: 'Hello <b>there</b>' }),
    field('ak-locale', 'locale'),
  ];

  it('draws all 18 prompt types and answers with a value for each field that sends one', async () => {
    const user = userEvent.setup();
    show({ component: 'ak-stage-prompt', fields });
    expect((screen.getByLabelText(/^Label name/) as HTMLInputElement).value).toBe('Alice');
    expect(screen.getByLabelText(/^Label ro$/).hasAttribute('readonly')).toBe(true);
    expect(screen.getByLabelText(/^Label ro_area/).hasAttribute('readonly')).toBe(true);
    expect(screen.getByLabelText(/^Label username/).getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText(/^Label password$/).getAttribute('type')).toBe('password');
    expect(screen.getByLabelText(/^Label password_repeat/).getAttribute('autocomplete')).toBe('new-password');
    expect(screen.getByLabelText(/^Label age/).getAttribute('type')).toBe('number');
    expect(screen.getByLabelText(/^Label birthday/).getAttribute('type')).toBe('date');
    expect(screen.getByLabelText(/^Label meeting/).getAttribute('type')).toBe('datetime-local');
    expect(screen.getByLabelText(/^Label avatar/).getAttribute('type')).toBe('file');
    expect(screen.getByText('More about you')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Français' })).toBeTruthy();

    await user.type(screen.getByLabelText(/^Label bio/), 'About me');
    await user.type(screen.getByLabelText(/^Label username/), 'alice');
    await user.type(screen.getByLabelText(/^Label email/), 'a@example.com');
    await user.type(screen.getByLabelText(/^Label password$/), 'pw1');
    await user.type(screen.getByLabelText(/^Label password_repeat/), 'pw1');
    await user.type(screen.getByLabelText(/^Label age/), '42');
    await user.click(screen.getByLabelText('Blue'));
    await user.selectOptions(screen.getByLabelText(/^Label size/), 'l');
    fireEvent.change(screen.getByLabelText(/^Label birthday/), { target: { value: '2000-02-29' } });
    fireEvent.change(screen.getByLabelText(/^Label meeting/), { target: { value: '2030-01-02T03:04' } });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(submit).toHaveBeenCalledWith({
      name: 'Alice',
      bio: 'About me',
      ro: 'fixed',
      ro_area: 'fixed area',
      username: 'alice',
      email: 'a@example.com',
      password: 'pw1',
      password_repeat: 'pw1',
      age: '42',
      tos: true,
      color: 'blue',
      size: 'l',
      birthday: '2000-02-29',
      meeting: '2030-01-02T03:04',
      avatar: '',
      secret: 'server-side',
      locale: '',
    });
  });

  it('shows markup in labels, help texts and static prompts as text, never as HTML', () => {
    show({
      component: 'ak-stage-prompt',
      fields: [
        field('text', 'x', { label: '<img src=x onerror=alert(1)>', sub_text: '<script>alert(2)</script>' }),
        field('static', 'y', { initial_value: '<b>bold</b>' }),
      ],
    });
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByLabelText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('b, img, script')).toBeNull();
  });

  it('shows each field error beside its field', () => {
    show({
      component: 'ak-stage-prompt',
      fields: [field('username', 'username'), field('password', 'password_repeat')],
      response_errors: {
        username: [{ string: 'This username is already taken.', code: 'invalid' }],
        password_repeat: [{ string: "The passwords don't match.", code: 'invalid' }],
      },
    });
    const username = screen.getByLabelText(/^Label username/);
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(username.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'This username is already taken.',
    );
    expect(screen.getByText("The passwords don't match.")).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('consent, e-mail, login and captcha', () => {
  it('consent lists the permissions and answers with the one-time token', async () => {
    show({
      component: 'ak-stage-consent',
      header_text: 'App would like to access your account.',
      permissions: [{ id: 'email', name: 'Your e-mail' }],
      token: 'tok-1',
      pending_user: 'alice',
    });
    expect(screen.getByText('Your e-mail')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Allow' }));
    expect(submit).toHaveBeenCalledWith({ token: 'tok-1' });
  });

  it('e-mail sent can be asked again', async () => {
    show({ component: 'ak-stage-email' });
    expect(screen.getByText(/We sent you an e-mail/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send the e-mail again' }));
    expect(submit).toHaveBeenCalledWith({});
  });

  it('user login offers to stay signed in', async () => {
    const user = userEvent.setup();
    show({ component: 'ak-stage-user-login', remember_me: false });
    await user.click(screen.getByLabelText('Stay signed in on this device'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(submit).toHaveBeenCalledWith({ remember_me: true });
  });

  it('captcha renders the provider widget with the site key and answers with its token', async () => {
    const render = vi.fn((_el: HTMLElement, options: { sitekey: string; callback(token: string): void }) =>
      options.callback('captcha-token'),
    );
    (window as unknown as { grecaptcha: unknown }).grecaptcha = { render };
    show({ component: 'ak-stage-captcha', site_key: 'site-1', js_url: 'https://www.google.com/recaptcha/api.js' });
    await waitFor(() => expect(render).toHaveBeenCalled());
    expect(render.mock.calls[0][1].sitekey).toBe('site-1');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue' }));
    expect(submit).toHaveBeenCalledWith({ token: 'captcha-token' });
    delete (window as unknown as { grecaptcha?: unknown }).grecaptcha;
  });
});

describe('authenticator setup', () => {
  it('TOTP shows a QR code and the secret of the otpauth URI, and sends the code', async () => {
    const user = userEvent.setup();
    show({
      component: 'ak-stage-authenticator-totp',
      config_url: 'otpauth://totp/authmesh:alice?secret=JBSWY3DPEHPK3PXP&issuer=authmesh&digits=6',
    });
    expect(screen.getByRole('img', { name: 'QR code for your authenticator app' }).querySelector('path')?.getAttribute('d')).toMatch(
      /^M\d/,
    );
    expect((screen.getByTestId('totp-secret').querySelector('input') as HTMLInputElement).value).toBe('JBSWY3DPEHPK3PXP');
    const code = screen.getByLabelText(/^Code/);
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(submit).toHaveBeenCalledWith({ code: '123456' });
  });

  it('static codes are listed once and confirmed', async () => {
    show({ component: 'ak-stage-authenticator-static', codes: ['aaaa1111', 'bbbb2222'] });
    expect(screen.getByText('aaaa1111')).toBeTruthy();
    expect(screen.getByText('bbbb2222')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'I have saved these codes' }));
    expect(submit).toHaveBeenCalledWith({});
  });

  it('SMS asks for the phone number first, then for the texted code', async () => {
    const user = userEvent.setup();
    const first = show({ component: 'ak-stage-authenticator-sms', phone_number_required: true });
    await user.type(screen.getByLabelText(/^Phone number/), '+4915112345678');
    await user.click(screen.getByRole('button', { name: 'Send a code' }));
    expect(submit).toHaveBeenLastCalledWith({ phone_number: '+4915112345678' });
    first.unmount();
    show({ component: 'ak-stage-authenticator-sms', phone_number_required: false });
    await user.type(screen.getByLabelText(/^Code/), '111222');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(submit).toHaveBeenLastCalledWith({ code: '111222' });
  });

  it('Duo shows the activation barcode and code, and continuing asks whether it was scanned', async () => {
    show({ component: 'ak-stage-authenticator-duo', activation_barcode: 'https://duo.example/qr.png', activation_code: 'duo://abc' });
    expect(screen.getByRole('img', { name: 'Duo activation QR code' }).getAttribute('src')).toBe('https://duo.example/qr.png');
    expect(screen.getByText('duo://abc')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'I have scanned the code' }));
    expect(submit).toHaveBeenCalledWith({});
  });

  it('WebAuthn registration answers with the browser credential', async () => {
    const { startRegistration } = await import('@simplewebauthn/browser');
    const registration = {
      challenge: 'c',
      rp: { name: 'authmesh' },
      user: { id: 'u', name: 'alice', displayName: 'Alice' },
      pubKeyCredParams: [],
    };
    show({ component: 'ak-stage-authenticator-webauthn', registration });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Register a security key' }));
    await waitFor(() => expect(submit).toHaveBeenCalled());
    expect(startRegistration).toHaveBeenCalledWith({ optionsJSON: registration });
    expect(submit).toHaveBeenCalledWith({ response: { id: 'cred-1', type: 'public-key', response: { attestationObject: 'att' } } });
  });
});

describe('authenticator validation', () => {
  const device = (device_class: string, device_uid: string, challenge: Record<string, unknown> = {}) => ({
    device_class,
    device_uid,
    challenge,
  });

  it('asks straight for the code when the only devices take typed codes of one class', async () => {
    const user = userEvent.setup();
    show({
      component: 'ak-stage-authenticator-validate',
      device_challenges: [device('totp', '1')],
      configuration_stages: [],
      pending_user: 'alice',
    });
    expect(screen.getByText('Enter the code from your authenticator app.')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Code/), '654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(submit).toHaveBeenCalledWith({ code: '654321' });
  });

  it('lets the user pick among device classes, and go back', async () => {
    const user = userEvent.setup();
    show({
      component: 'ak-stage-authenticator-validate',
      device_challenges: [device('totp', '1'), device('static', '2'), device('sms', '3'), device('duo', '4')],
      configuration_stages: [],
    });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Authenticator app',
      'Recovery code',
      'Text message',
      'Duo push',
    ]);
    await user.click(screen.getByRole('button', { name: 'Recovery code' }));
    expect(screen.getByText('Enter one of your recovery codes.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use another method' }));
    await user.click(screen.getByRole('button', { name: 'Text message' }));
    await user.click(screen.getByRole('button', { name: 'Text me a code' }));
    expect(submit).toHaveBeenLastCalledWith({ selected_challenge: { device_class: 'sms', device_uid: '3', challenge: {} } });
  });

  it('after a code was texted, asks for it', async () => {
    show({
      component: 'ak-stage-authenticator-validate',
      device_challenges: [device('sms', '3')],
      configuration_stages: [],
      sms_sent: true,
    });
    expect(screen.getByText('We texted you a code. Enter it below.')).toBeTruthy();
    expect(screen.getByLabelText(/^Code/)).toBeTruthy();
  });

  it('sends a Duo push for the chosen device', async () => {
    show({ component: 'ak-stage-authenticator-validate', device_challenges: [device('duo', '4')], configuration_stages: [] });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send a push' }));
    expect(submit).toHaveBeenCalledWith({ selected_challenge: { device_class: 'duo', device_uid: '4', challenge: {} } });
  });

  it('answers a WebAuthn device challenge with the browser assertion', async () => {
    const { startAuthentication } = await import('@simplewebauthn/browser');
    const options = { challenge: 'abc', allowCredentials: [], rpId: 'localhost' };
    show({ component: 'ak-stage-authenticator-validate', device_challenges: [device('webauthn', '5', options)], configuration_stages: [] });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Use my security key' }));
    await waitFor(() => expect(submit).toHaveBeenCalled());
    expect(startAuthentication).toHaveBeenCalledWith({ optionsJSON: options });
    expect(submit).toHaveBeenCalledWith({ webauthn: { id: 'cred-1', type: 'public-key', response: { signature: 'sig' } } });
  });

  it('offers the configuration stages when the user has no device', async () => {
    show({
      component: 'ak-stage-authenticator-validate',
      device_challenges: [],
      configuration_stages: [
        { pk: 'stage-totp', name: 'Authenticator app setup' },
        { pk: 'stage-static', name: 'Recovery codes setup' },
      ],
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Recovery codes setup' }));
    expect(submit).toHaveBeenCalledWith({ selected_stage: 'stage-static' });
  });
});
