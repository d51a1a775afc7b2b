export type MailTemplateName = 'password_reset' | 'account_confirmation' | 'setup' | 'generic';

export interface MailTemplateValues {
  /** The link the message is about; http(s) only. Required except for `generic`. */
  url?: string;
  user: { username: string; name: string; email: string };
  /** When the link stops working, already formatted for the reader. */
  expires?: string;
  brandTitle: string;
  /** Plain text for `generic`; line breaks are kept. */
  body?: string;
  /** Overrides the template's own subject. */
  subject?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Thrown when a template cannot be rendered from the values given (missing or unsafe link, unknown template). */
export class MailTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailTemplateError';
  }
}

/** What a template says, as plain-text paragraphs; the renderers below turn it into both variants. */
interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  closing: string[];
}

type Template = (values: MailTemplateValues, url: string | undefined) => MailContent;

const TEMPLATES: Record<MailTemplateName, Template> = {
  password_reset: (values, url) => ({
    subject: `Choose a new password for ${values.brandTitle}`,
    greeting: greeting(values),
    paragraphs: [`We were asked to let the ${values.brandTitle} account "${values.user.username}" choose a new password.`],
    action: { label: 'Choose a new password', url: required(url) },
    closing: [
      ...expiry(values),
      'If you did not ask for this, you can ignore this message; your password stays as it is.',
      'Never forward this link: whoever opens it can change your password.',
    ],
  }),
  account_confirmation: (values, url) => ({
    subject: `Confirm your e-mail address for ${values.brandTitle}`,
    greeting: greeting(values),
    paragraphs: [`Please confirm that ${values.user.email} belongs to the ${values.brandTitle} account "${values.user.username}".`],
    action: { label: 'Confirm my address', url: required(url) },
    closing: [...expiry(values), 'If you did not create this account, you can ignore this message.'],
  }),
  setup: (values, url) => ({
    subject: `Finish setting up ${values.brandTitle}`,
    greeting: greeting(values),
    paragraphs: [`${values.brandTitle} is installed. Open the link below to create the first administrator and finish the setup.`],
    action: { label: 'Finish the setup', url: required(url) },
    closing: expiry(values),
  }),
  generic: (values, url) => ({
    subject: values.brandTitle,
    greeting: greeting(values),
    paragraphs: (values.body ?? '').split(/\r?\n\s*\r?\n/).filter((paragraph) => paragraph.trim() !== ''),
    action: url ? { label: 'Open the link', url } : undefined,
    closing: expiry(values),
  }),
};

/** Renders a message from our own templates; every value is escaped in the HTML, and a non-http(s) `url` throws. */
export function renderMailTemplate(name: MailTemplateName, values: MailTemplateValues): RenderedMail {
  if (!Object.hasOwn(TEMPLATES, name)) throw new MailTemplateError(`unknown mail template "${String(name)}"`);
  const url = values.url === undefined || values.url === '' ? undefined : safeUrl(values.url);
  const content = TEMPLATES[name](singleLineValues(values), url);
  const subject = singleLine(values.subject?.trim() ? values.subject : content.subject);
  return { subject, text: renderText(content), html: renderHtml(content, subject, singleLine(values.brandTitle)) };
}

/** A line break in a name must not let its owner write paragraphs of their own into the message. */
function singleLineValues(values: MailTemplateValues): MailTemplateValues {
  const { username, name, email } = values.user;
  return {
    ...values,
    user: { username: singleLine(username), name: singleLine(name), email: singleLine(email) },
    brandTitle: singleLine(values.brandTitle),
    expires: values.expires === undefined ? undefined : singleLine(values.expires),
  };
}

function greeting(values: MailTemplateValues): string {
  return `Hello ${values.user.name.trim() || values.user.username},`;
}

function expiry(values: MailTemplateValues): string[] {
  return values.expires ? [`The link works until ${values.expires}.`] : [];
}

function required(url: string | undefined): string {
  if (url === undefined) throw new MailTemplateError('this mail template needs a url');
  return url;
}

/** Only http(s) links, parsed rather than pattern-matched, in their normalised form. */
function safeUrl(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new MailTemplateError('the mail link is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new MailTemplateError('the mail link must use http or https');
  return parsed.href;
}

function renderText(content: MailContent): string {
  const blocks = [content.greeting, ...content.paragraphs];
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  blocks.push(...content.closing);
  return `${blocks.map(plainText).join('\n\n')}\n`;
}

function renderHtml(content: MailContent, subject: string, brandTitle: string): string {
  const paragraph = (text: string): string => `<p style="margin:0 0 16px">${escapeHtml(plainText(text)).replace(/\n/g, '<br>')}</p>`;
  const action = content.action
    ? [
        `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;` +
          `background:#1f5fbf;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(content.action.label)}</a></p>`,
        `<p style="margin:0 0 16px;font-size:13px;color:#555555">If the button does not work, copy this address into your browser:<br>` +
          `<a href="${escapeHtml(content.action.url)}" style="color:#1f5fbf;word-break:break-all">${escapeHtml(content.action.url)}</a></p>`,
      ]
    : [];
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222222">',
    '<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:6px">',
    `<h1 style="margin:0 0 24px;font-size:20px">${escapeHtml(brandTitle)}</h1>`,
    paragraph(content.greeting),
    ...content.paragraphs.map(paragraph),
    ...action,
    ...content.closing.map(paragraph),
    '</div></body></html>',
    '',
  ].join('\n');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five characters that matter in HTML text and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

/** Control characters other than line breaks would be invisible or garbled in a mail client. */
function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

function singleLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
