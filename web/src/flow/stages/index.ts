import type { ComponentType } from 'react';
import type { StageProps } from '../challenge';
import { AuthenticatorValidateStage } from './authenticator-validate.stage';
import { DeviceCodeFinishStage, DeviceCodeStage } from './device-code.stages';
import { DuoSetupStage, SmsSetupStage, StaticSetupStage, TotpSetupStage, WebauthnSetupStage } from './authenticator-setup.stages';
import { IdentificationStage } from './identification.stage';
import { PasswordStage } from './password.stage';
import { PromptStage } from './prompt.stage';
import { AccessDeniedStage, AutosubmitStage, CaptchaStage, ConsentStage, ContinueStage, EmailStage, UserLoginStage } from './simple.stages';

/** Every challenge component the flows service emits, and the renderer that draws it. */
export const STAGE_RENDERERS: Record<string, ComponentType<StageProps>> = {
  'ak-stage-identification': IdentificationStage,
  'ak-stage-password': PasswordStage,
  'ak-stage-prompt': PromptStage,
  'ak-stage-consent': ConsentStage,
  'ak-stage-captcha': CaptchaStage,
  'ak-stage-access-denied': AccessDeniedStage,
  'ak-stage-email': EmailStage,
  'ak-stage-invitation': ContinueStage,
  'ak-stage-dummy': ContinueStage,
  'ak-stage-user-login': UserLoginStage,
  'ak-stage-user-logout': ContinueStage,
  'ak-stage-user-write': ContinueStage,
  'ak-stage-user-delete': ContinueStage,
  'ak-stage-authenticator-totp': TotpSetupStage,
  'ak-stage-authenticator-static': StaticSetupStage,
  'ak-stage-authenticator-sms': SmsSetupStage,
  'ak-stage-authenticator-duo': DuoSetupStage,
  'ak-stage-authenticator-webauthn': WebauthnSetupStage,
  'ak-stage-authenticator-validate': AuthenticatorValidateStage,
  'ak-stage-autosubmit': AutosubmitStage,
  'ak-provider-oauth2-device-code': DeviceCodeStage,
  'ak-provider-oauth2-device-code-finish': DeviceCodeFinishStage,
};
