import { text, yesNo } from '../kit/cells';
import type { Column, Field, Resource, TypeChoice } from '../kit/resource';
import type { ListPath, Row } from '../kit/resource-api';
import type { MessageKey } from '../../shared/i18n/locales';
import { PolicyTestButton } from './policy-test';
import { BoundTo } from './policy-cells';

/** Every policy has these. */
const commonFields: Field[] = [
  { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
  { name: 'execution_logging', label: 'admin.policies.executionLogging', help: 'admin.policies.executionLoggingHelp', kind: 'switch' },
];

const commonColumns: Column[] = [
  { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
  { label: 'admin.policies.type', render: (row) => text(row.verbose_name) },
  { label: 'admin.policies.boundTo', render: (row) => <BoundTo count={row.bound_to} /> },
];

const unbound = { when: (row: Row) => row.bound_to === 0, message: 'admin.policies.unbound' as const };

/** The resource of one policy type: the common fields, its own and the test action. */
function policyType(api: ListPath, singular: MessageKey, fields: Field[], columns: Column[] = []): Resource {
  return {
    route: '/policy/policies',
    api,
    title: 'admin.policies.title',
    singular,
    ordering: 'name',
    columns: [...commonColumns, ...columns],
    fields: [...commonFields, ...fields],
    warnings: [unbound],
    actions: (row) => <PolicyTestButton policy={row} />,
  };
}

const settings = 'admin.policies.settings' as const;
const staticRules = 'admin.policies.password.staticRules' as const;
const hibp = 'admin.policies.password.hibp' as const;
const zxcvbn = 'admin.policies.password.zxcvbn' as const;

const dummy = policyType(
  '/api/v3/policies/dummy',
  'admin.policies.dummy.singular',
  [
    { name: 'result', label: 'admin.policies.dummy.result', kind: 'switch', group: settings },
    {
      name: 'wait_min',
      label: 'admin.policies.dummy.waitMin',
      help: 'admin.policies.dummy.waitMinHelp',
      kind: 'number',
      initial: 5,
      required: true,
      group: settings,
    },
    {
      name: 'wait_max',
      label: 'admin.policies.dummy.waitMax',
      help: 'admin.policies.dummy.waitMaxHelp',
      kind: 'number',
      initial: 30,
      required: true,
      group: settings,
    },
  ],
  [{ label: 'admin.policies.dummy.result', render: (row) => yesNo(row.result) }],
);

const eventMatcher = policyType('/api/v3/policies/event_matcher', 'admin.policies.eventMatcher.singular', [
  {
    name: 'action',
    label: 'admin.policies.eventMatcher.action',
    help: 'admin.policies.eventMatcher.actionHelp',
    kind: 'text',
    group: settings,
  },
  {
    name: 'client_ip',
    label: 'admin.policies.eventMatcher.clientIp',
    help: 'admin.policies.eventMatcher.clientIpHelp',
    kind: 'text',
    group: settings,
  },
  { name: 'app', label: 'admin.policies.eventMatcher.app', help: 'admin.policies.eventMatcher.appHelp', kind: 'text', group: settings },
  {
    name: 'model',
    label: 'admin.policies.eventMatcher.model',
    help: 'admin.policies.eventMatcher.modelHelp',
    kind: 'text',
    group: settings,
  },
]);

const expression = policyType('/api/v3/policies/expression', 'admin.policies.expression.singular', [
  {
    name: 'expression',
    label: 'admin.policies.expression.expression',
    help: 'admin.policies.expression.expressionHelp',
    kind: 'code',
    required: true,
    group: settings,
  },
]);

const password = policyType('/api/v3/policies/password', 'admin.policies.password.singular', [
  {
    name: 'password_field',
    label: 'admin.policies.password.field',
    help: 'admin.policies.password.fieldHelp',
    kind: 'text',
    required: true,
    initial: 'password',
    group: settings,
  },
  {
    name: 'error_message',
    label: 'admin.policies.password.errorMessage',
    help: 'admin.policies.password.errorMessageHelp',
    kind: 'text',
    group: settings,
  },
  { name: 'check_static_rules', label: 'admin.policies.password.checkStatic', kind: 'switch', initial: true, group: staticRules },
  {
    name: 'length_min',
    label: 'admin.policies.password.lengthMin',
    kind: 'number',
    initial: 0,
    group: staticRules,
    visible: (v) => v.check_static_rules === true,
  },
  {
    name: 'amount_uppercase',
    label: 'admin.policies.password.uppercase',
    kind: 'number',
    initial: 0,
    group: staticRules,
    visible: (v) => v.check_static_rules === true,
  },
  {
    name: 'amount_lowercase',
    label: 'admin.policies.password.lowercase',
    kind: 'number',
    initial: 0,
    group: staticRules,
    visible: (v) => v.check_static_rules === true,
  },
  {
    name: 'amount_digits',
    label: 'admin.policies.password.digits',
    kind: 'number',
    initial: 0,
    group: staticRules,
    visible: (v) => v.check_static_rules === true,
  },
  {
    name: 'amount_symbols',
    label: 'admin.policies.password.symbols',
    kind: 'number',
    initial: 0,
    group: staticRules,
    visible: (v) => v.check_static_rules === true,
  },
  {
    name: 'symbol_charset',
    label: 'admin.policies.password.symbolCharset',
    help: 'admin.policies.password.symbolCharsetHelp',
    kind: 'text',
    initial: '!\\"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ',
    group: staticRules,
    visible: (v) => v.check_static_rules === true,
  },
  {
    name: 'check_have_i_been_pwned',
    label: 'admin.policies.password.checkHibp',
    help: 'admin.policies.password.checkHibpHelp',
    kind: 'switch',
    initial: true,
    group: hibp,
  },
  {
    name: 'hibp_allowed_count',
    label: 'admin.policies.password.hibpAllowed',
    help: 'admin.policies.password.hibpAllowedHelp',
    kind: 'number',
    initial: 0,
    group: hibp,
    visible: (v) => v.check_have_i_been_pwned === true,
  },
  {
    name: 'check_zxcvbn',
    label: 'admin.policies.password.checkZxcvbn',
    help: 'admin.policies.password.checkZxcvbnHelp',
    kind: 'switch',
    initial: true,
    group: zxcvbn,
  },
  {
    name: 'zxcvbn_score_threshold',
    label: 'admin.policies.password.zxcvbnThreshold',
    help: 'admin.policies.password.zxcvbnThresholdHelp',
    kind: 'number',
    initial: 2,
    group: zxcvbn,
    visible: (v) => v.check_zxcvbn === true,
  },
]);

const passwordExpiry = policyType('/api/v3/policies/password_expiry', 'admin.policies.passwordExpiry.singular', [
  {
    name: 'days',
    label: 'admin.policies.passwordExpiry.days',
    help: 'admin.policies.passwordExpiry.daysHelp',
    kind: 'number',
    required: true,
    initial: 90,
    group: settings,
  },
  {
    name: 'deny_only',
    label: 'admin.policies.passwordExpiry.denyOnly',
    help: 'admin.policies.passwordExpiry.denyOnlyHelp',
    kind: 'switch',
    group: settings,
  },
]);

const reputation = policyType('/api/v3/policies/reputation', 'admin.policies.reputation.singular', [
  { name: 'check_ip', label: 'admin.policies.reputation.checkIp', kind: 'switch', initial: true, group: settings },
  { name: 'check_username', label: 'admin.policies.reputation.checkUsername', kind: 'switch', initial: true, group: settings },
  {
    name: 'threshold',
    label: 'admin.policies.reputation.threshold',
    help: 'admin.policies.reputation.thresholdHelp',
    kind: 'number',
    required: true,
    initial: -5,
    group: settings,
  },
]);

function byComponent(component: string) {
  return (row: Row) => row.component === component;
}

/** One entry per policy type our API has; the component names the type of a row of `/policies/all`. */
export const POLICY_TYPES: TypeChoice[] = [
  {
    matches: byComponent('ak-policy-dummy-form'),
    label: 'admin.policies.dummy.singular',
    description: 'admin.policies.dummy.description',
    resource: dummy,
  },
  {
    matches: byComponent('ak-policy-event-matcher-form'),
    label: 'admin.policies.eventMatcher.singular',
    description: 'admin.policies.eventMatcher.description',
    resource: eventMatcher,
  },
  {
    matches: byComponent('ak-policy-expression-form'),
    label: 'admin.policies.expression.singular',
    description: 'admin.policies.expression.description',
    resource: expression,
  },
  {
    matches: byComponent('ak-policy-password-form'),
    label: 'admin.policies.password.singular',
    description: 'admin.policies.password.description',
    resource: password,
  },
  {
    matches: byComponent('ak-policy-password-expiry-form'),
    label: 'admin.policies.passwordExpiry.singular',
    description: 'admin.policies.passwordExpiry.description',
    resource: passwordExpiry,
  },
  {
    matches: byComponent('ak-policy-reputation-form'),
    label: 'admin.policies.reputation.singular',
    description: 'admin.policies.reputation.description',
    resource: reputation,
  },
];
