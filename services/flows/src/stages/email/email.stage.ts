import { MailSender, renderMailTemplate, type MailTemplateName, type SmtpSettings } from '@authmesh/mail';
import { pendingUser } from '../pending-user.js';
import { challenge, invalid, next, type StageContext, type StageResult, type StageRuntime } from '../stage-runtime.js';

/** The reference product's template names, mapped to ours. */
const TEMPLATES: Record<string, MailTemplateName> = {
  'email/password_reset.html': 'password_reset',
  'email/account_confirmation.html': 'account_confirmation',
  'email/setup.html': 'setup',
};

/** Sends one message; replaced in tests only through real SMTP servers. */
export type MailDelivery = (settings: SmtpSettings, mail: { to: string; subject: string; text: string; html: string }) => Promise<void>;

const deliver: MailDelivery = async (settings, mail) => {
  await new MailSender(settings).send(mail);
};

/**
 * Sends the pending user a one-time link that resumes this flow here, and waits. When the
 * link is followed (in any browser) the flow goes on; with "activate user on success" the
 * account is activated then. An unknown user gets the same screen and no message.
 */
export function emailStage(globalSettings: SmtpSettings, send: MailDelivery = deliver): StageRuntime {
  return {
    type: 'email',
    component: 'ak-stage-email',
    async challenge(ctx) {
      if (ctx.plan.email_verified === ctx.binding.pk) return verified(ctx);
      if (ctx.plan.email_sent === ctx.binding.pk) return challenge({});
      return sendLink(ctx, globalSettings, send);
    },
    async submit(ctx) {
      // Answering the challenge asks for the message again.
      if (ctx.plan.email_verified === ctx.binding.pk) return verified(ctx);
      return sendLink(ctx, globalSettings, send);
    },
  };
}

async function verified(ctx: StageContext): Promise<StageResult> {
  if (ctx.settings.activate_user_on_success === true && ctx.plan.pending_user) {
    const answer = await ctx.services.identity.writeUser({
      user_pk: ctx.plan.pending_user,
      fields_json: JSON.stringify({ is_active: true }),
      password: '',
      add_group_pk: '',
      client_ip: ctx.request.clientIp,
    });
    if (!answer.user) return invalid({ non_field_errors: ['The account could not be activated.'] });
  }
  return next();
}

async function sendLink(ctx: StageContext, globalSettings: SmtpSettings, send: MailDelivery): Promise<StageResult> {
  const user = await pendingUser(ctx);
  ctx.plan.email_sent = ctx.binding.pk;
  if (!user?.email) return challenge({});
  const minutes = Number(ctx.settings.token_expiry ?? 30);
  const key = await ctx.response.issueFlowToken(minutes);
  // A configured public URL wins over the Host header, which the requester controls.
  const origin = ctx.services.externalUrl?.replace(/\/+$/, '') ?? `${ctx.request.secure ? 'https' : 'http'}://${ctx.request.host}`;
  const url = `${origin}/if/flow/${encodeURIComponent(ctx.flow.slug)}/?flow_token=${encodeURIComponent(key)}`;
  let sent: SentLink;
  try {
    sent = await sendLinkMail(ctx.settings, globalSettings, user, url, minutes, send);
  } catch (error) {
    ctx.services.logger.warn({ err: (error as Error).message, stage: ctx.binding.stage?.name }, 'e-mail not sent');
    delete ctx.plan.email_sent;
    return invalid({ non_field_errors: ['The e-mail could not be sent. Try again in a moment.'] });
  }
  await ctx.services.emitEvent('email_sent', user, ctx.request.clientIp, { to: user.email, ...sent });
  return challenge({});
}

/** What was sent, for the `email_sent` event. */
export interface SentLink {
  subject: string;
  template: MailTemplateName;
}

/**
 * Sends `user` a message with a one-time link, with an e-mail stage's settings (its
 * template, subject and SMTP server or the global one). Also used for recovery links an
 * administrator e-mails through a chosen stage. Throws when the server refuses it.
 */
export async function sendLinkMail(
  settings: Record<string, unknown>,
  globalSettings: SmtpSettings,
  user: { username: string; name: string; email: string },
  url: string,
  minutes: number,
  send: MailDelivery = deliver,
): Promise<SentLink> {
  const template = TEMPLATES[String(settings.template)] ?? 'generic';
  const rendered = renderMailTemplate(template, {
    url,
    user: { username: user.username, name: user.name, email: user.email },
    expires: `${minutes} minutes`,
    brandTitle: 'authmesh',
    subject: String(settings.subject || '') || undefined,
    body: template === 'generic' ? `Continue here: ${url}` : undefined,
  });
  await send(smtpSettings(settings, globalSettings), { to: user.email, ...rendered });
  return { subject: rendered.subject, template };
}

function smtpSettings(s: Record<string, unknown>, globalSettings: SmtpSettings): SmtpSettings {
  if (s.use_global_settings === true) return globalSettings;
  return {
    host: String(s.host ?? 'localhost'),
    port: Number(s.port ?? 25),
    username: String(s.username ?? ''),
    password: String(s.password ?? ''),
    useTls: s.use_tls === true,
    useSsl: s.use_ssl === true,
    timeoutSeconds: Number(s.timeout ?? 10),
    from: String(s.from_address ?? globalSettings.from),
  };
}
