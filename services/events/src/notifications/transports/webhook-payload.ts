import type { JsonValue } from '@authmesh/expressions';
import type { Recipient__Output } from '@authmesh/rpc';
import type { OutgoingNotification } from './notification-transport.js';

/** The body a webhook receives when its transport has no mapping. */
export function defaultWebhookBody(notification: OutgoingNotification, recipient: Recipient__Output): Record<string, JsonValue> {
  return {
    body: notification.body,
    severity: notification.severity,
    user_email: recipient.email,
    user_username: recipient.username,
    event: toJson(notification.event),
  };
}

/** The globals a webhook mapping expression sees: `notification` and `user` (the recipient). */
export function webhookMappingGlobals(notification: OutgoingNotification, recipient: Recipient__Output): Record<string, JsonValue> {
  return {
    notification: {
      severity: notification.severity,
      body: notification.body,
      created: notification.created,
      event: toJson(notification.event),
    },
    user: { pk: recipient.pk, username: recipient.username, name: recipient.name, email: recipient.email },
  };
}

const SEVERITY_COLOURS: Record<string, string> = { notice: '#2b9af3', warning: '#f0ab00', alert: '#c9190b' };
const MAX_CONTEXT_FIELDS = 10;
const MAX_FIELD_VALUE = 300;

interface SlackField {
  title: string;
  value: string;
  short: boolean;
}

/**
 * A Slack incoming-webhook message (Discord's `/slack` endpoints read the same): the body as
 * text, and an attachment coloured by severity whose fields describe the event.
 */
export function slackPayload(notification: OutgoingNotification, version: string): Record<string, JsonValue> {
  const fields: SlackField[] = [{ title: 'Severity', value: notification.severity, short: true }];
  const event = notification.event;
  if (event) {
    fields.push({ title: 'Action', value: event.action, short: true });
    const username = typeof event.user.username === 'string' ? event.user.username : '';
    if (username) fields.push({ title: 'User', value: username, short: true });
    if (event.client_ip) fields.push({ title: 'Client IP', value: event.client_ip, short: true });
    if (event.app) fields.push({ title: 'App', value: event.app, short: true });
    for (const [key, value] of Object.entries(event.context).slice(0, MAX_CONTEXT_FIELDS)) {
      fields.push({ title: key, value: fieldValue(value), short: false });
    }
  }
  return {
    text: slackText(notification.body),
    attachments: [
      {
        color: SEVERITY_COLOURS[notification.severity] ?? SEVERITY_COLOURS.notice,
        fallback: slackText(notification.body),
        fields: fields.map((field) => ({ ...field, title: slackText(field.title), value: slackText(field.value) })) as unknown as JsonValue,
        footer: `authmesh ${version}`,
        ts: Math.floor(new Date(notification.created).getTime() / 1000),
      },
    ],
  };
}

/**
 * Text as Slack shows it literally: `&`, `<` and `>` escaped (Slack reads `<!channel>` and
 * `<url|label>` as mentions and links) and Discord's `@everyone`/`@here` broken with a
 * zero-width space. Usernames and event context come from whoever caused the event.
 */
export function slackText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/@(everyone|here)\b/gi, '@\u200b$1');
}

function fieldValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_FIELD_VALUE ? `${text.slice(0, MAX_FIELD_VALUE - 1)}…` : text;
}

function toJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}
