import type { SmsSettings } from './providers/sms-provider.js';

/** The provider settings of an SMS stage, as sendSms takes them. */
export function smsSettingsOf(settings: Record<string, unknown>, twilioUrl: string): SmsSettings {
  return {
    provider: settings.provider === 'generic' ? 'generic' : 'twilio',
    from_number: String(settings.from_number ?? ''),
    account_sid: String(settings.account_sid ?? ''),
    auth: String(settings.auth ?? ''),
    auth_password: String(settings.auth_password ?? ''),
    auth_type: settings.auth_type === 'bearer' ? 'bearer' : 'basic',
    twilio_base_url: twilioUrl,
  };
}
