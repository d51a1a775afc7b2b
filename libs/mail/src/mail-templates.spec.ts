import { MailTemplateError, renderMailTemplate, type MailTemplateName, type MailTemplateValues } from './mail-templates.js';

const values: MailTemplateValues = {
  url: 'https://sso.example.com/if/flow/recovery/?token=abc&x=1',
  user: { username: 'jane', name: 'Jane Doe', email: 'jane@example.com' },
  expires: '2030-01-01 12:00 UTC',
  brandTitle: 'Example SSO',
};

describe('renderMailTemplate', () => {
  it.each<MailTemplateName>(['password_reset', 'account_confirmation', 'setup'])(
    '%s shows the link as a button and as raw text',
    (name) => {
      const mail = renderMailTemplate(name, values);

      expect(mail.subject).not.toBe('');
      expect(mail.text).toContain('https://sso.example.com/if/flow/recovery/?token=abc&x=1');
      expect(mail.text).toContain('2030-01-01 12:00 UTC');
      const escapedUrl = 'https://sso.example.com/if/flow/recovery/?token=abc&amp;x=1';
      expect(mail.html.split(`href="${escapedUrl}"`)).toHaveLength(3);
      expect(mail.html).toContain(`>${escapedUrl}</a>`);
    },
  );

  it('escapes markup in every value of the HTML variant', () => {
    const hostile = '<script>alert(1)</script>';
    const mail = renderMailTemplate('account_confirmation', {
      ...values,
      user: { username: hostile, name: `"><img src=x onerror=alert(1)>`, email: `${hostile}@example.com` },
      brandTitle: `<b>Brand</b> & 'co'`,
      expires: hostile,
    });

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;b&gt;Brand&lt;/b&gt; &amp; &#39;co&#39;');
    // The plain-text variant is not HTML, so it shows the name as the user wrote it.
    expect(mail.text).toContain(hostile);
  });

  it('escapes the body of a generic message and keeps its paragraphs', () => {
    const mail = renderMailTemplate('generic', { ...values, url: undefined, body: 'First <i>line</i>\nsecond line\n\nNext paragraph' });

    expect(mail.html).toContain('First &lt;i&gt;line&lt;/i&gt;<br>second line</p>');
    expect(mail.html).toContain('Next paragraph</p>');
    expect(mail.html).not.toContain('href=');
    expect(mail.text).toContain('First <i>line</i>\nsecond line\n\nNext paragraph');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com/x', 'not a url'])(
    'refuses the link %j',
    (url) => {
      expect(() => renderMailTemplate('password_reset', { ...values, url })).toThrow(MailTemplateError);
      expect(() => renderMailTemplate('generic', { ...values, url, body: 'Hi' })).toThrow(MailTemplateError);
    },
  );

  it('refuses a link template without a link', () => {
    expect(() => renderMailTemplate('password_reset', { ...values, url: undefined })).toThrow(MailTemplateError);
  });

  it('refuses an unknown template name', () => {
    expect(() => renderMailTemplate('nope' as MailTemplateName, values)).toThrow(MailTemplateError);
  });

  it('uses the configured subject on one line', () => {
    const mail = renderMailTemplate('password_reset', { ...values, subject: 'Reset\r\nBcc: mallory@example.com' });

    expect(mail.subject).toBe('Reset Bcc: mallory@example.com');
    expect(mail.html).toContain('<title>Reset Bcc: mallory@example.com</title>');
  });

  it('keeps line breaks in a user name from starting paragraphs of their own', () => {
    const mail = renderMailTemplate('password_reset', { ...values, user: { ...values.user, name: 'Jane\n\nVisit https://evil.example' } });

    expect(mail.text).toContain('Hello Jane Visit https://evil.example,');
    expect(mail.html).not.toContain('Jane<br>');
  });

  it('greets by user name when the display name is empty', () => {
    expect(renderMailTemplate('setup', { ...values, user: { ...values.user, name: '' } }).text).toMatch(/^Hello jane,/);
  });
});
