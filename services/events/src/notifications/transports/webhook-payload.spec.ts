import type { EventRead } from '../../events/event.dto.js';
import type { OutgoingNotification } from './notification-transport.js';
import { mailText } from './email.transport.js';
import { defaultWebhookBody, slackPayload, webhookMappingGlobals } from './webhook-payload.js';

const event: EventRead = {
  pk: '33333333-3333-4333-8333-333333333333',
  action: 'login_failed',
  app: 'authmesh.flows',
  user: { pk: 4, username: 'mallory' },
  context: { message: 'Invalid password', stage: { name: 'password' } },
  client_ip: '192.0.2.1',
  brand: {},
  created: '2026-11-29T10:00:00.000Z',
  expires: '2027-11-29T10:00:00.000Z',
};
const notification: OutgoingNotification = { severity: 'alert', body: 'Login failed: Invalid password', created: event.created, event };
const recipient = { pk: '7', username: 'alice', name: 'Alice', email: 'alice@example.com' };

describe('webhook payloads', () => {
  it('default body: text, severity, the recipient and the event as the API shows it', () => {
    expect(defaultWebhookBody(notification, recipient)).toEqual({
      body: 'Login failed: Invalid password',
      severity: 'alert',
      user_email: 'alice@example.com',
      user_username: 'alice',
      event: { ...event },
    });
    expect(defaultWebhookBody({ ...notification, event: null }, recipient).event).toBeNull();
  });

  it('gives mapping expressions the notification and the recipient', () => {
    expect(webhookMappingGlobals(notification, recipient)).toEqual({
      notification: { severity: 'alert', body: notification.body, created: event.created, event: { ...event } },
      user: recipient,
    });
  });

  it('Slack: the body as text and the event as attachment fields, coloured by severity', () => {
    const payload = slackPayload(notification, '1.2.3');
    expect(payload.text).toBe(notification.body);
    const [attachment] = payload.attachments as Array<Record<string, unknown>>;
    expect(attachment.color).toBe('#c9190b');
    expect(attachment.footer).toBe('authmesh 1.2.3');
    expect(attachment.ts).toBe(Date.parse(event.created) / 1000);
    expect(attachment.fields).toEqual([
      { title: 'Severity', value: 'alert', short: true },
      { title: 'Action', value: 'login_failed', short: true },
      { title: 'User', value: 'mallory', short: true },
      { title: 'Client IP', value: '192.0.2.1', short: true },
      { title: 'App', value: 'authmesh.flows', short: true },
      { title: 'message', value: 'Invalid password', short: false },
      { title: 'stage', value: '{"name":"password"}', short: false },
    ]);
  });

  it('Slack: text from whoever caused the event cannot mention the channel or hide a link', () => {
    const hostile = {
      ...event,
      user: { pk: 5, username: '<!channel>' },
      context: { username: '<https://evil.example|Reset> @everyone & co' },
    };
    const payload = slackPayload({ ...notification, body: 'Login failed: <!here> @here', event: hostile }, 'x');
    expect(payload.text).toBe('Login failed: &lt;!here&gt; @\u200bhere');
    const [attachment] = payload.attachments as Array<{ fallback: string; fields: Array<{ title: string; value: string }> }>;
    expect(attachment.fallback).toBe(payload.text);
    expect(attachment.fields.find((f) => f.title === 'User')?.value).toBe('&lt;!channel&gt;');
    expect(attachment.fields.find((f) => f.title === 'username')?.value).toBe(
      '&lt;https://evil.example|Reset&gt; @\u200beveryone &amp; co',
    );
  });

  it('Slack: a test notification (no event) has only the severity field', () => {
    const [attachment] = slackPayload({ ...notification, severity: 'notice', event: null }, 'x').attachments as Array<
      Record<string, unknown>
    >;
    expect(attachment.fields).toEqual([{ title: 'Severity', value: 'notice', short: true }]);
  });

  it("e-mail text: the body, then the event's facts", () => {
    expect(mailText(notification)).toBe(
      'Login failed: Invalid password\n\nAction: Login failed (login_failed)\nUser: mallory\nClient IP: 192.0.2.1\nTime: 2026-11-29T10:00:00.000Z',
    );
  });
});
