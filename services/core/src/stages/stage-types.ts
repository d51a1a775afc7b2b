import { denyStage } from './types/deny/deny.stage.js';
import { dummyStage } from './types/dummy/dummy.stage.js';
import { userLoginStage } from './types/user-login/user-login.stage.js';
import { userLogoutStage } from './types/user-logout/user-logout.stage.js';
import { authenticatorDuoStage } from './types/authenticator-duo/authenticator-duo.stage.js';
import { authenticatorSmsStage } from './types/authenticator-sms/authenticator-sms.stage.js';
import { authenticatorStaticStage } from './types/authenticator-static/authenticator-static.stage.js';
import { authenticatorTotpStage } from './types/authenticator-totp/authenticator-totp.stage.js';
import { authenticatorValidateStage } from './types/authenticator-validate/authenticator-validate.stage.js';
import { authenticatorWebauthnStage } from './types/authenticator-webauthn/authenticator-webauthn.stage.js';
import { captchaStage } from './types/captcha/captcha.stage.js';
import { consentStage } from './types/consent/consent.stage.js';
import { emailStage } from './types/email/email.stage.js';
import { identificationStage } from './types/identification/identification.stage.js';
import { invitationStage } from './types/invitation/invitation.stage.js';
import { passwordStage } from './types/password/password.stage.js';
import { promptStage } from './types/prompt/prompt.stage.js';
import { userDeleteStage } from './types/user-delete/user-delete.stage.js';
import { userWriteStage } from './types/user-write/user-write.stage.js';
import type { StageType } from './stage-type.js';

/** Every stage type core knows. A new type adds its folder under types/ and one line here. */
export const STAGE_TYPES: readonly StageType[] = [
  dummyStage,
  denyStage,
  identificationStage,
  passwordStage,
  promptStage,
  userWriteStage,
  userLoginStage,
  userLogoutStage,
  userDeleteStage,
  consentStage,
  emailStage,
  captchaStage,
  invitationStage,
  authenticatorTotpStage,
  authenticatorStaticStage,
  authenticatorValidateStage,
  authenticatorSmsStage,
  authenticatorDuoStage,
  authenticatorWebauthnStage,
];

export function stageType(type: string): StageType | undefined {
  return STAGE_TYPES.find((t) => t.type === type);
}
