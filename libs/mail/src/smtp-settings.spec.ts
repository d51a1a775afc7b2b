import { validateSmtpSettings, type SmtpSettings } from './smtp-settings.js';

const valid: SmtpSettings = {
  host: 'smtp.example.com',
  port: 587,
  username: 'mailer',
  password: 'secret',
  useTls: true,
  useSsl: false,
  timeoutSeconds: 10,
  from: 'authmesh <noreply@example.com>',
};

describe('validateSmtpSettings', () => {
  it('accepts complete settings, with or without a display name and credentials', () => {
    expect(validateSmtpSettings(valid)).toEqual({});
    expect(validateSmtpSettings({ ...valid, from: 'noreply@example.com', username: '', password: '' })).toEqual({});
  });

  it('refuses STARTTLS and implicit TLS together', () => {
    expect(validateSmtpSettings({ ...valid, useTls: true, useSsl: true })).toEqual({ use_ssl: [expect.stringContaining('not both')] });
  });

  it.each<[Partial<SmtpSettings>, string]>([
    [{ host: '' }, 'host'],
    [{ host: 'smtp.example.com\r\nRCPT TO:<x@y>' }, 'host'],
    [{ port: 0 }, 'port'],
    [{ port: 65536 }, 'port'],
    [{ port: 25.5 }, 'port'],
    [{ timeoutSeconds: 0 }, 'timeout'],
    [{ timeoutSeconds: 601 }, 'timeout'],
    [{ from: 'not-an-address' }, 'from_address'],
    [{ from: 'a@example.com, b@example.com' }, 'from_address'],
    [{ from: 'Name <a@example.com>\r\nBcc: b@example.com' }, 'from_address'],
    [{ username: 'a'.repeat(256) }, 'username'],
    [{ caPem: 'not a certificate' }, 'ca_pem'],
  ])('refuses %j in %s', (override, field) => {
    expect(Object.keys(validateSmtpSettings({ ...valid, ...override }))).toEqual([field]);
  });

  it('names a bad password without repeating it', () => {
    const errors = validateSmtpSettings({ ...valid, password: 'pa\nss-secret' });

    expect(Object.keys(errors)).toEqual(['password']);
    expect(JSON.stringify(errors)).not.toContain('ss-secret');
  });
});
