import { authenticatorSmsStage } from './authenticator-sms/authenticator-sms.stage.js';
import { authenticatorStaticStage } from './authenticator-static/authenticator-static.stage.js';
import { authenticatorTotpStage } from './authenticator-totp/authenticator-totp.stage.js';
import { authenticatorValidateStage } from './authenticator-validate/authenticator-validate.stage.js';
import { authenticatorWebauthnStage } from './authenticator-webauthn/authenticator-webauthn.stage.js';
import { consentStage } from './consent/consent.stage.js';
import { denyStage } from './deny/deny.stage.js';
import { dummyStage } from './dummy/dummy.stage.js';
import { identificationStage } from './identification/identification.stage.js';
import { invitationStage } from './invitation/invitation.stage.js';
import { oauth2DeviceCodeFinishStage } from './oauth2-device-code-finish/oauth2-device-code-finish.stage.js';
import { oauth2DeviceCodeStage } from './oauth2-device-code/oauth2-device-code.stage.js';
import { passwordStage } from './password/password.stage.js';
import { promptStage } from './prompt/prompt.stage.js';
import type { StageRuntime } from './stage-runtime.js';
import { userDeleteStage } from './user-delete/user-delete.stage.js';
import { userLoginStage } from './user-login/user-login.stage.js';
import { userLogoutStage } from './user-logout/user-logout.stage.js';
import { userWriteStage } from './user-write/user-write.stage.js';

/** Clients some stage runtimes need, built once per process. */
export interface StageRuntimeDependencies {
  /** Extra runtimes built by the caller (those that need their own clients). */
  extra?: readonly StageRuntime[];
}

/** Every stage type the executor can run, by type. A new type adds its folder and one line here. */
export function stageRuntimes(deps: StageRuntimeDependencies = {}): ReadonlyMap<string, StageRuntime> {
  const runtimes: StageRuntime[] = [
    dummyStage,
    denyStage,
    identificationStage,
    passwordStage,
    promptStage,
    userWriteStage,
    userLoginStage,
    userLogoutStage,
    userDeleteStage,
    invitationStage,
    consentStage,
    authenticatorTotpStage,
    authenticatorStaticStage,
    authenticatorSmsStage,
    authenticatorValidateStage,
    authenticatorWebauthnStage,
    oauth2DeviceCodeStage,
    oauth2DeviceCodeFinishStage,
    ...(deps.extra ?? []),
  ];
  return new Map(runtimes.map((r) => [r.type, r]));
}
