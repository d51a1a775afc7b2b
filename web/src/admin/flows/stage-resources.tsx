import { Label } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../shared/i18n/locales';
import { text } from '../kit/cells';
import type { Choice, Column, Field, Reference, Resource, TypeChoice } from '../kit/resource';
import { listPage, type ListPath, type Row } from '../kit/resource-api';
import { DuoActions } from './duo-actions';
import { flowLabel } from './flow-resource';

/** The flows a stage is bound in (`flow_set` holds their ids), by name. */
function BoundFlows({ ids }: { ids: unknown }) {
  const [names, setNames] = useState<Map<string, string> | undefined>();
  const list = Array.isArray(ids) ? ids.map(String) : [];
  const wanted = list.length > 0;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    flowNames()
      .then((found) => live && setNames(found))
      .catch(() => live && setNames(new Map()));
    return () => {
      live = false;
    };
  }, [wanted]);
  if (!wanted) return <>-</>;
  return (
    <>
      {list.map((id) => (
        <Label key={id} isCompact>
          {names?.get(id) ?? id}
        </Label>
      ))}
    </>
  );
}

let flowNameCache: { at: number; names: Promise<Map<string, string>> } | undefined;

/** Flow names by id, asked once for all the rows of a list (kept a few seconds). */
function flowNames(): Promise<Map<string, string>> {
  if (!flowNameCache || Date.now() - flowNameCache.at > 5000) {
    const names = listPage('/api/v3/flows/instances', { page_size: 1000 }).then(
      (page) => new Map(page.results.map((row) => [String(row.pk), String(row.slug)])),
    );
    flowNameCache = { at: Date.now(), names };
    names.catch(() => (flowNameCache = undefined));
  }
  return flowNameCache.names;
}

/** The type of a stage as a short label (`identification`), from its executor component. */
function typeOf(row: Row): string {
  return text(row.component).replace(/^ak-stage-/, '');
}

const NAME: Field = { name: 'name', label: 'admin.field.name', kind: 'text', required: true };
const COLUMNS: Column[] = [
  { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
  { label: 'admin.stages.type', render: (row) => <Label isCompact>{typeOf(row)}</Label> },
  { label: 'admin.stages.flows', render: (row) => <BoundFlows ids={row.flow_set} /> },
];

const flowRef = (designation?: string): Reference => ({
  path: '/api/v3/flows/instances',
  label: flowLabel,
  query: designation ? { designation } : undefined,
});

const CONFIGURE_FLOW: Field = {
  name: 'configure_flow',
  label: 'admin.stages.configureFlow',
  help: 'admin.stages.configureFlowHelp',
  kind: 'reference',
  reference: flowRef('stage_configuration'),
};
const FRIENDLY_NAME: Field = {
  name: 'friendly_name',
  label: 'admin.stages.friendlyName',
  help: 'admin.stages.friendlyNameHelp',
  kind: 'text',
};
const DURATION_HELP: MessageKey = 'admin.stages.durationHelp';

const choices = (values: string[], labels: MessageKey[]): Choice[] => values.map((value, i) => ({ value, label: labels[i] }));
const raw = (values: string[]): Choice[] => values.map((value) => ({ value, label: { text: value } }));

const USER_VERIFICATION = choices(
  ['required', 'preferred', 'discouraged'],
  ['admin.stages.uv.required', 'admin.stages.uv.preferred', 'admin.stages.uv.discouraged'],
);

/** One concrete stage type: its own endpoint and fields; its pages live under the stage list's route. */
function stageType(
  component: string,
  path: string,
  label: MessageKey,
  description: MessageKey,
  fields: Field[],
  extra: Partial<Resource> = {},
): TypeChoice {
  const resource: Resource = {
    route: '/flow/stages',
    api: `/api/v3/stages/${path}` as ListPath,
    title: label,
    singular: label,
    columns: COLUMNS,
    fields: [NAME, ...fields],
    ordering: 'name',
    ...extra,
  };
  return { matches: (row) => row.component === `ak-stage-${component}`, label, description, resource };
}

/** Every stage type our API has, in the order the type picker shows them. */
export const STAGE_TYPES: TypeChoice[] = [
  stageType(
    'authenticator-duo',
    'authenticator/duo',
    'admin.stages.duo',
    'admin.stages.duoDescription',
    [
      { name: 'api_hostname', label: 'admin.stages.duoApiHostname', kind: 'text', required: true, group: 'admin.stages.duoAuthApi' },
      { name: 'client_id', label: 'admin.stages.duoClientId', kind: 'text', required: true, group: 'admin.stages.duoAuthApi' },
      {
        name: 'client_secret',
        label: 'admin.stages.duoClientSecret',
        kind: 'password',
        required: true,
        writeOnly: true,
        group: 'admin.stages.duoAuthApi',
      },
      {
        name: 'admin_integration_key',
        label: 'admin.stages.duoAdminKey',
        help: 'admin.stages.duoAdminHelp',
        kind: 'text',
        group: 'admin.stages.duoAdminApi',
      },
      {
        name: 'admin_secret_key',
        label: 'admin.stages.duoAdminSecret',
        kind: 'password',
        writeOnly: true,
        group: 'admin.stages.duoAdminApi',
      },
      { ...FRIENDLY_NAME, group: 'admin.stages.settings' },
      { ...CONFIGURE_FLOW, group: 'admin.stages.settings' },
    ],
    { actions: (row) => <DuoActions stage={String(row.pk)} /> },
  ),
  stageType('authenticator-sms', 'authenticator/sms', 'admin.stages.sms', 'admin.stages.smsDescription', [
    {
      name: 'provider',
      label: 'admin.stages.smsProvider',
      kind: 'select',
      required: true,
      initial: 'twilio',
      choices: choices(['twilio', 'generic'], ['admin.stages.smsTwilio', 'admin.stages.smsGeneric']),
    },
    { name: 'from_number', label: 'admin.stages.smsFrom', help: 'admin.stages.smsFromHelp', kind: 'text', required: true },
    { name: 'account_sid', label: 'admin.stages.smsAccount', help: 'admin.stages.smsAccountHelp', kind: 'text', required: true },
    { name: 'auth', label: 'admin.stages.smsAuth', help: 'admin.stages.smsAuthHelp', kind: 'password', writeOnly: true },
    {
      name: 'auth_password',
      label: 'admin.stages.smsAuthPassword',
      kind: 'password',
      writeOnly: true,
      visible: (values) => values.provider === 'generic',
    },
    {
      name: 'auth_type',
      label: 'admin.stages.smsAuthType',
      kind: 'select',
      required: true,
      initial: 'basic',
      choices: choices(['basic', 'bearer'], ['admin.stages.smsBasic', 'admin.stages.smsBearer']),
      visible: (values) => values.provider === 'generic',
    },
    {
      name: 'mapping',
      label: 'admin.stages.smsMapping',
      help: 'admin.stages.smsMappingHelp',
      kind: 'reference',
      reference: { path: '/api/v3/propertymappings/notification' },
      visible: (values) => values.provider === 'generic',
    },
    { name: 'verify_only', label: 'admin.stages.smsVerifyOnly', help: 'admin.stages.smsVerifyOnlyHelp', kind: 'switch' },
    FRIENDLY_NAME,
    CONFIGURE_FLOW,
  ]),
  stageType('authenticator-static', 'authenticator/static', 'admin.stages.static', 'admin.stages.staticDescription', [
    { name: 'token_count', label: 'admin.stages.tokenCount', kind: 'number', required: true, initial: 6 },
    { name: 'token_length', label: 'admin.stages.tokenLength', kind: 'number', required: true, initial: 12 },
    FRIENDLY_NAME,
    CONFIGURE_FLOW,
  ]),
  stageType('authenticator-totp', 'authenticator/totp', 'admin.stages.totp', 'admin.stages.totpDescription', [
    { name: 'digits', label: 'admin.stages.digits', help: 'admin.stages.digitsHelp', kind: 'number', required: true, initial: 6 },
    FRIENDLY_NAME,
    CONFIGURE_FLOW,
  ]),
  stageType('authenticator-validate', 'authenticator/validate', 'admin.stages.validate', 'admin.stages.validateDescription', [
    {
      name: 'device_classes',
      label: 'admin.stages.deviceClasses',
      help: 'admin.stages.deviceClassesHelp',
      kind: 'references',
      initial: ['static', 'totp', 'webauthn', 'duo', 'sms'],
      choices: choices(
        ['static', 'totp', 'webauthn', 'duo', 'sms'],
        ['admin.stages.static', 'admin.stages.totp', 'admin.stages.webauthn', 'admin.stages.duo', 'admin.stages.sms'],
      ),
    },
    {
      name: 'last_auth_threshold',
      label: 'admin.stages.lastAuthThreshold',
      help: DURATION_HELP,
      kind: 'text',
      required: true,
      initial: 'seconds=0',
    },
    {
      name: 'not_configured_action',
      label: 'admin.stages.notConfiguredAction',
      kind: 'select',
      required: true,
      initial: 'skip',
      choices: choices(
        ['skip', 'deny', 'configure'],
        ['admin.stages.notConfigured.skip', 'admin.stages.notConfigured.deny', 'admin.stages.notConfigured.configure'],
      ),
    },
    {
      name: 'configuration_stages',
      label: 'admin.stages.configurationStages',
      help: 'admin.stages.configurationStagesHelp',
      kind: 'references',
      reference: { path: '/api/v3/stages/all', label: (row) => `${String(row.name)} (${typeOf(row)})` },
      visible: (values) => values.not_configured_action === 'configure',
    },
    {
      name: 'webauthn_user_verification',
      label: 'admin.stages.userVerification',
      kind: 'select',
      required: true,
      initial: 'preferred',
      choices: USER_VERIFICATION,
    },
  ]),
  stageType('authenticator-webauthn', 'authenticator/webauthn', 'admin.stages.webauthn', 'admin.stages.webauthnDescription', [
    {
      name: 'user_verification',
      label: 'admin.stages.userVerification',
      kind: 'select',
      required: true,
      initial: 'preferred',
      choices: USER_VERIFICATION,
    },
    {
      name: 'resident_key_requirement',
      label: 'admin.stages.residentKey',
      kind: 'select',
      required: true,
      initial: 'preferred',
      choices: choices(
        ['discouraged', 'preferred', 'required'],
        ['admin.stages.uv.discouraged', 'admin.stages.uv.preferred', 'admin.stages.uv.required'],
      ),
    },
    {
      name: 'authenticator_attachment',
      label: 'admin.stages.attachment',
      help: 'admin.stages.attachmentHelp',
      kind: 'select',
      choices: choices(['platform', 'cross-platform'], ['admin.stages.attachmentPlatform', 'admin.stages.attachmentCross']),
    },
    {
      name: 'device_type_restrictions',
      label: 'admin.stages.deviceTypes',
      help: 'admin.stages.deviceTypesHelp',
      kind: 'list',
    },
    FRIENDLY_NAME,
    CONFIGURE_FLOW,
  ]),
  stageType('captcha', 'captcha', 'admin.stages.captcha', 'admin.stages.captchaDescription', [
    { name: 'public_key', label: 'admin.stages.captchaPublic', kind: 'text', required: true },
    { name: 'private_key', label: 'admin.stages.captchaPrivate', kind: 'password', required: true, writeOnly: true },
    { name: 'js_url', label: 'admin.stages.captchaJs', kind: 'url', required: true, initial: 'https://www.recaptcha.net/recaptcha/api.js' },
    {
      name: 'api_url',
      label: 'admin.stages.captchaApi',
      kind: 'url',
      required: true,
      initial: 'https://www.recaptcha.net/recaptcha/api/siteverify',
    },
  ]),
  stageType('consent', 'consent', 'admin.stages.consent', 'admin.stages.consentDescription', [
    {
      name: 'mode',
      label: 'admin.stages.consentMode',
      kind: 'select',
      required: true,
      initial: 'always_require',
      choices: choices(
        ['always_require', 'permanent', 'expiring'],
        ['admin.stages.consentAlways', 'admin.stages.consentPermanent', 'admin.stages.consentExpiring'],
      ),
    },
    {
      name: 'consent_expire_in',
      label: 'admin.stages.consentExpire',
      help: DURATION_HELP,
      kind: 'text',
      required: true,
      initial: 'weeks=4',
      visible: (values) => values.mode === 'expiring',
    },
  ]),
  stageType('deny', 'deny', 'admin.stages.deny', 'admin.stages.denyDescription', [
    { name: 'deny_message', label: 'admin.stages.denyMessage', help: 'admin.stages.denyMessageHelp', kind: 'textarea' },
  ]),
  stageType('dummy', 'dummy', 'admin.stages.dummy', 'admin.stages.dummyDescription', [
    { name: 'throw_error', label: 'admin.stages.throwError', kind: 'switch' },
  ]),
  stageType('email', 'email', 'admin.stages.email', 'admin.stages.emailDescription', [
    { name: 'activate_user_on_success', label: 'admin.stages.emailActivate', kind: 'switch' },
    { name: 'use_global_settings', label: 'admin.stages.emailGlobal', help: 'admin.stages.emailGlobalHelp', kind: 'switch' },
    ...(
      [
        { name: 'host', label: 'admin.stages.emailHost', kind: 'text', initial: 'localhost' },
        { name: 'port', label: 'admin.stages.emailPort', kind: 'number', initial: 25 },
        { name: 'username', label: 'admin.stages.emailUsername', kind: 'text' },
        { name: 'password', label: 'admin.stages.emailPassword', kind: 'password', writeOnly: true },
        { name: 'use_tls', label: 'admin.stages.emailTls', kind: 'switch' },
        { name: 'use_ssl', label: 'admin.stages.emailSsl', kind: 'switch' },
        { name: 'timeout', label: 'admin.stages.emailTimeout', kind: 'number', initial: 10 },
        { name: 'from_address', label: 'admin.stages.emailFrom', kind: 'email', initial: 'system@authmesh.local' },
      ] satisfies Field[]
    ).map((field): Field => ({
      ...field,
      group: 'admin.stages.emailConnection',
      visible: (values) => values.use_global_settings !== true,
    })),
    {
      name: 'token_expiry',
      label: 'admin.stages.emailExpiry',
      help: 'admin.stages.emailExpiryHelp',
      kind: 'number',
      required: true,
      initial: 30,
      group: 'admin.stages.settings',
    },
    { name: 'subject', label: 'admin.stages.emailSubject', kind: 'text', initial: 'authmesh', group: 'admin.stages.settings' },
    {
      name: 'template',
      label: 'admin.stages.emailTemplate',
      kind: 'select',
      required: true,
      initial: 'email/password_reset.html',
      choices: raw(['email/password_reset.html', 'email/account_confirmation.html']),
      group: 'admin.stages.settings',
    },
  ]),
  stageType('identification', 'identification', 'admin.stages.identification', 'admin.stages.identificationDescription', [
    {
      name: 'user_fields',
      label: 'admin.stages.userFields',
      help: 'admin.stages.userFieldsHelp',
      kind: 'references',
      initial: ['username', 'email'],
      choices: choices(['username', 'email', 'upn'], ['admin.stages.fieldUsername', 'admin.stages.fieldEmail', 'admin.stages.fieldUpn']),
    },
    {
      name: 'password_stage',
      label: 'admin.stages.passwordStage',
      help: 'admin.stages.passwordStageHelp',
      kind: 'reference',
      reference: { path: '/api/v3/stages/password' },
    },
    {
      name: 'webauthn_stage',
      label: 'admin.stages.webauthnStage',
      help: 'admin.stages.webauthnStageHelp',
      kind: 'reference',
      reference: { path: '/api/v3/stages/authenticator/validate' },
    },
    { name: 'case_insensitive_matching', label: 'admin.stages.caseInsensitive', kind: 'switch', initial: true },
    {
      name: 'show_matched_user',
      label: 'admin.stages.showMatchedUser',
      help: 'admin.stages.showMatchedUserHelp',
      kind: 'switch',
      initial: true,
    },
    {
      name: 'sources',
      label: 'admin.stages.sources',
      help: 'admin.stages.sourcesHelp',
      kind: 'references',
      reference: { path: '/api/v3/sources/all' },
      group: 'admin.stages.sourceSettings',
    },
    { name: 'show_source_labels', label: 'admin.stages.showSourceLabels', kind: 'switch', group: 'admin.stages.sourceSettings' },
    {
      name: 'passwordless_flow',
      label: 'admin.stages.passwordlessFlow',
      kind: 'reference',
      reference: flowRef('authentication'),
      group: 'admin.stages.flowSettings',
    },
    {
      name: 'enrollment_flow',
      label: 'admin.stages.enrollmentFlow',
      help: 'admin.stages.enrollmentFlowHelp',
      kind: 'reference',
      reference: flowRef('enrollment'),
      group: 'admin.stages.flowSettings',
    },
    {
      name: 'recovery_flow',
      label: 'admin.stages.recoveryFlow',
      help: 'admin.stages.recoveryFlowHelp',
      kind: 'reference',
      reference: flowRef('recovery'),
      group: 'admin.stages.flowSettings',
    },
  ]),
  stageType('invitation', 'invitation/stages', 'admin.stages.invitation', 'admin.stages.invitationDescription', [
    {
      name: 'continue_flow_without_invitation',
      label: 'admin.stages.continueWithout',
      help: 'admin.stages.continueWithoutHelp',
      kind: 'switch',
    },
  ]),
  stageType('password', 'password', 'admin.stages.password', 'admin.stages.passwordDescription', [
    {
      name: 'backends',
      label: 'admin.stages.backends',
      help: 'admin.stages.backendsHelp',
      kind: 'references',
      initial: ['authentik.core.auth.InbuiltBackend'],
      choices: choices(
        ['authentik.core.auth.InbuiltBackend', 'authentik.core.auth.TokenBackend', 'authentik.sources.ldap.auth.LDAPBackend'],
        ['admin.stages.backendInbuilt', 'admin.stages.backendToken', 'admin.stages.backendLdap'],
      ),
    },
    {
      name: 'failed_attempts_before_cancel',
      label: 'admin.stages.failedAttempts',
      help: 'admin.stages.failedAttemptsHelp',
      kind: 'number',
      required: true,
      initial: 5,
    },
    CONFIGURE_FLOW,
  ]),
  stageType('prompt', 'prompt/stages', 'admin.stages.prompt', 'admin.stages.promptDescription', [
    {
      name: 'fields',
      label: 'admin.stages.promptFields',
      kind: 'references',
      reference: { path: '/api/v3/stages/prompt/prompts', label: (row) => `${String(row.name)} (${String(row.field_key)})` },
    },
    {
      name: 'validation_policies',
      label: 'admin.stages.validationPolicies',
      help: 'admin.stages.validationPoliciesHelp',
      kind: 'references',
      reference: { path: '/api/v3/policies/all' },
    },
  ]),
  stageType('user-delete', 'user_delete', 'admin.stages.userDelete', 'admin.stages.userDeleteDescription', []),
  stageType('user-login', 'user_login', 'admin.stages.userLogin', 'admin.stages.userLoginDescription', [
    {
      name: 'session_duration',
      label: 'admin.stages.sessionDuration',
      help: 'admin.stages.sessionDurationHelp',
      kind: 'text',
      required: true,
      initial: 'seconds=0',
    },
    {
      name: 'remember_me_offset',
      label: 'admin.stages.rememberMe',
      help: 'admin.stages.rememberMeHelp',
      kind: 'text',
      required: true,
      initial: 'seconds=0',
    },
    { name: 'terminate_other_sessions', label: 'admin.stages.terminateOthers', kind: 'switch' },
  ]),
  stageType('user-logout', 'user_logout', 'admin.stages.userLogout', 'admin.stages.userLogoutDescription', []),
  stageType('user-write', 'user_write', 'admin.stages.userWrite', 'admin.stages.userWriteDescription', [
    {
      name: 'user_creation_mode',
      label: 'admin.stages.creationMode',
      kind: 'select',
      required: true,
      initial: 'create_when_required',
      choices: choices(
        ['never_create', 'create_when_required', 'always_create'],
        ['admin.stages.creation.never', 'admin.stages.creation.whenRequired', 'admin.stages.creation.always'],
      ),
    },
    { name: 'create_users_as_inactive', label: 'admin.stages.createInactive', kind: 'switch' },
    {
      name: 'user_type',
      label: 'admin.stages.userType',
      kind: 'select',
      required: true,
      initial: 'external',
      choices: choices(['internal', 'external'], ['admin.stages.userInternal', 'admin.stages.userExternal']),
    },
    {
      name: 'create_users_group',
      label: 'admin.stages.createGroup',
      help: 'admin.stages.createGroupHelp',
      kind: 'reference',
      reference: { path: '/api/v3/core/groups' },
    },
    { name: 'user_path_template', label: 'admin.stages.pathTemplate', help: 'admin.stages.pathTemplateHelp', kind: 'text' },
  ]),
];

/** All stages, whatever their type: the list names each one's type and the flows it is bound in. */
export const stageResource: Resource = {
  route: '/flow/stages',
  api: '/api/v3/stages/all',
  title: 'admin.stages.title',
  singular: 'admin.stages.singular',
  description: 'admin.stages.description',
  ordering: 'name',
  columns: COLUMNS,
  fields: [NAME],
  types: STAGE_TYPES,
};
