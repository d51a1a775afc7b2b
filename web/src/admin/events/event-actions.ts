import type { Translate } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';

/** The actions the event log knows by name; others are shown as recorded. */
const ACTION_LABELS: Record<string, MessageKey> = {
  login: 'admin.events.action.login',
  login_failed: 'admin.events.action.login_failed',
  logout: 'admin.events.action.logout',
  user_write: 'admin.events.action.user_write',
  suspicious_request: 'admin.events.action.suspicious_request',
  password_set: 'admin.events.action.password_set',
  secret_view: 'admin.events.action.secret_view',
  secret_rotate: 'admin.events.action.secret_rotate',
  invitation_used: 'admin.events.action.invitation_used',
  authorize_application: 'admin.events.action.authorize_application',
  source_linked: 'admin.events.action.source_linked',
  impersonation_started: 'admin.events.action.impersonation_started',
  impersonation_ended: 'admin.events.action.impersonation_ended',
  flow_execution: 'admin.events.action.flow_execution',
  policy_execution: 'admin.events.action.policy_execution',
  policy_exception: 'admin.events.action.policy_exception',
  property_mapping_exception: 'admin.events.action.property_mapping_exception',
  system_task_execution: 'admin.events.action.system_task_execution',
  system_task_exception: 'admin.events.action.system_task_exception',
  system_exception: 'admin.events.action.system_exception',
  configuration_error: 'admin.events.action.configuration_error',
  model_created: 'admin.events.action.model_created',
  model_updated: 'admin.events.action.model_updated',
  model_deleted: 'admin.events.action.model_deleted',
  email_sent: 'admin.events.action.email_sent',
  update_available: 'admin.events.action.update_available',
};

/** The label key of an action, when it has one. */
export function actionKey(action: string): MessageKey | undefined {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action] : undefined;
}

/** An action in words ("Failed login"), or as recorded when it is not a known one. */
export function actionLabel(t: Translate, action: string): string {
  const key = actionKey(action);
  return key ? t(key) : action;
}
