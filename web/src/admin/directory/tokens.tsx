import { Alert, Button, Modal, ModalBody, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { dateCell, text, yesNo } from '../kit/cells';
import type { Choice, Field, Resource } from '../kit/resource';
import { action, type Row } from '../kit/resource-api';
import { ShowOnce } from './show-once';

const KEY_LABEL: MessageKey = 'admin.tokens.key';
const KEY_NOTE: MessageKey = 'admin.tokens.keyNote';

/** What a token is for, as the API names it. */
export const TOKEN_INTENT_CHOICES: Choice[] = [
  { value: 'api', label: 'admin.tokens.intent.api' },
  { value: 'app_password', label: 'admin.tokens.intent.app_password' },
  { value: 'recovery', label: 'admin.tokens.intent.recovery' },
  { value: 'verification', label: 'admin.tokens.intent.verification' },
];

/** A token's intent in words. */
function Intent({ value }: { value: unknown }) {
  const { t } = useI18n();
  const label = TOKEN_INTENT_CHOICES.find((choice) => choice.value === value)?.label;
  return <>{label && typeof label === 'string' ? t(label) : text(value)}</>;
}

/**
 * Shows a token's key after a click (`GET /core/tokens/<identifier>/view_key`, which checks the
 * caller's permission and records that the secret was viewed); the key is not kept once closed.
 */
export function ViewKeyButton({ token, size }: { token: Row; size?: 'sm' }) {
  const { t } = useI18n();
  const [key, setKey] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const identifier = String(token.identifier);
  const show = async () => {
    setOpen(true);
    setKey(undefined);
    setFailure(undefined);
    const result = await action('GET', `/api/v3/core/tokens/${encodeURIComponent(identifier)}/view_key`);
    const value = (result.data as { key?: unknown } | undefined)?.key;
    if (result.ok && typeof value === 'string') setKey(value);
    else
      setFailure(
        Object.values(result.errors ?? {})
          .flat()
          .join(' ') || `HTTP ${result.status}`,
      );
  };
  return (
    <>
      <Button variant="secondary" size={size} onClick={() => void show()} aria-label={t('admin.tokens.viewKeyOf', { identifier })}>
        {t('admin.tokens.viewKey')}
      </Button>
      {open ? (
        <Modal
          variant="medium"
          isOpen
          onClose={() => {
            setOpen(false);
            setKey(undefined);
          }}
          aria-labelledby="token-key-title"
        >
          <ModalHeader title={t('admin.tokens.keyOf', { identifier })} labelId="token-key-title" />
          <ModalBody>
            {failure ? (
              <Alert variant="danger" isInline title={t('admin.tokens.keyFailed')}>
                {failure}
              </Alert>
            ) : null}
            {key !== undefined ? <ShowOnce id="token-key" label={KEY_LABEL} value={key} note={KEY_NOTE} /> : null}
          </ModalBody>
        </Modal>
      ) : null}
    </>
  );
}

const expiryFields: Field[] = [
  { name: 'description', label: 'admin.field.description', kind: 'textarea' },
  { name: 'expiring', label: 'admin.tokens.expiring', help: 'admin.tokens.expiringHelp', kind: 'switch', initial: true },
  {
    name: 'expires',
    label: 'admin.tokens.expires',
    help: 'admin.tokens.expiresHelp',
    kind: 'datetime',
    visible: (values) => values.expiring === true,
  },
];

/** Tokens and app passwords: API tokens, app passwords, recovery and verification tokens. */
export const tokenResource: Resource = {
  route: '/core/tokens',
  api: '/api/v3/core/tokens',
  title: 'admin.tokens.title',
  singular: 'admin.tokens.singular',
  description: 'admin.tokens.description',
  key: 'identifier',
  ordering: 'identifier',
  name: (row) => String(row.identifier ?? ''),
  columns: [
    { label: 'admin.tokens.identifier', render: (row) => text(row.identifier), ordering: 'identifier' },
    { label: 'admin.tokens.user', render: (row) => text((row.user_obj as Row | undefined)?.username) },
    { label: 'admin.tokens.intent', render: (row) => <Intent value={row.intent} />, ordering: 'intent' },
    { label: 'admin.tokens.expiring', render: (row) => yesNo(row.expiring) },
    { label: 'admin.tokens.expires', render: (row) => (row.expiring ? dateCell(row.expires) : '-'), ordering: 'expires' },
    { label: 'admin.field.description', render: (row) => text(row.description) },
  ],
  filters: [{ name: 'intent', label: 'admin.tokens.intent', choices: TOKEN_INTENT_CHOICES }],
  warnings: [
    { when: (row) => typeof row.managed === 'string' && row.managed !== '', message: 'admin.tokens.managedWarning' },
    {
      when: (row) => row.expiring === true && typeof row.expires === 'string' && new Date(row.expires).getTime() < Date.now(),
      message: 'admin.tokens.expiredWarning',
    },
  ],
  fields: [
    { name: 'identifier', label: 'admin.tokens.identifier', help: 'admin.tokens.identifierHelp', kind: 'text', required: true },
    {
      name: 'intent',
      label: 'admin.tokens.intent',
      help: 'admin.tokens.intentHelp',
      kind: 'select',
      required: true,
      initial: 'api',
      choices: TOKEN_INTENT_CHOICES,
    },
    {
      name: 'user',
      label: 'admin.tokens.user',
      help: 'admin.tokens.userHelp',
      kind: 'reference',
      reference: { path: '/api/v3/core/users', label: (row) => String(row.username), numeric: true },
    },
    ...expiryFields,
  ],
  editFields: expiryFields,
  actions: (row) => <ViewKeyButton token={row} />,
  rowActions: (row) => <ViewKeyButton token={row} size="sm" />,
};
