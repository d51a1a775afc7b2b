export { validateSmtpSettings, type SmtpSettings } from './smtp-settings.js';
export { MailDeliveryError } from './mail-delivery-error.js';
export { MailSender, type OutgoingMail } from './mail-sender.js';
export {
  MailTemplateError,
  renderMailTemplate,
  type MailTemplateName,
  type MailTemplateValues,
  type RenderedMail,
} from './mail-templates.js';
