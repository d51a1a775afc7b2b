import {
  Alert,
  Button,
  ClipboardCopy,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Checkbox,
  TextInput,
  Title,
  ActionGroup,
} from '@patternfly/react-core';
import { useState } from 'react';
import { action, create } from '../admin/kit/resource-api';
import type { Me } from '../shared/session';
import { useI18n } from '../shared/i18n/i18n';
import { OwnList } from './own-list';

type Intent = 'api' | 'app_password';

/** The user's API tokens and app passwords: create one (its key is shown once), list, delete. */
export function Tokens({ user }: { user: Me }) {
  const { t, locale } = useI18n();
  const [creating, setCreating] = useState<Intent | undefined>();
  const [created, setCreated] = useState<{ identifier: string; key: string } | undefined>();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <section aria-labelledby="tokens-title" className="am-section">
      <Title headingLevel="h2" id="tokens-title">
        {t('user.tokens.title')}
      </Title>
      <p>{t('user.tokens.help')}</p>
      {created ? (
        <Alert variant="success" isInline title={t('user.tokens.createdTitle', { identifier: created.identifier })}>
          <p>{t('user.tokens.copyOnce')}</p>
          <ClipboardCopy
            isReadOnly
            hoverTip={t('user.tokens.copy')}
            clickTip={t('user.tokens.copied')}
            textAriaLabel={t('user.tokens.key')}
          >
            {created.key}
          </ClipboardCopy>
          <Button variant="link" isInline onClick={() => setCreated(undefined)}>
            {t('user.tokens.done')}
          </Button>
        </Alert>
      ) : null}
      {creating ? (
        <TokenForm
          intent={creating}
          onCancel={() => setCreating(undefined)}
          onCreated={(identifier, key) => {
            setCreating(undefined);
            setCreated({ identifier, key });
            setReloadKey((n) => n + 1);
          }}
        />
      ) : (
        <p>
          <Button variant="primary" onClick={() => setCreating('api')}>
            {t('user.tokens.createToken')}
          </Button>{' '}
          <Button variant="secondary" onClick={() => setCreating('app_password')}>
            {t('user.tokens.createAppPassword')}
          </Button>
        </p>
      )}
      <OwnList
        list="/api/v3/core/tokens"
        reloadKey={reloadKey}
        keep={(row) => row.user === user.pk && (row.intent === 'api' || row.intent === 'app_password')}
        rowKey={(row) => String(row.identifier)}
        name={(row) => String(row.identifier)}
        empty={t('user.tokens.none')}
        deleteLabel={(name) => t('user.devices.deleteNamed', { name })}
        confirmLabel={(name) => t('user.devices.confirmDelete', { name })}
        columns={[
          { label: t('user.tokens.identifier'), render: (row) => String(row.identifier) },
          {
            label: t('user.tokens.intent'),
            render: (row) => (row.intent === 'app_password' ? t('user.tokens.appPassword') : t('user.tokens.apiToken')),
          },
          {
            label: t('user.tokens.expires'),
            render: (row) =>
              row.expiring && typeof row.expires === 'string' ? new Date(row.expires).toLocaleString(locale) : t('user.tokens.never'),
          },
          { label: t('user.tokens.description'), render: (row) => String(row.description ?? '') },
        ]}
      />
    </section>
  );
}

/** The create form: identifier, description and expiry; the API's field errors show beside the fields. */
function TokenForm({
  intent,
  onCancel,
  onCreated,
}: {
  intent: Intent;
  onCancel(): void;
  onCreated(identifier: string, key: string): void;
}) {
  const { t } = useI18n();
  const [identifier, setIdentifier] = useState('');
  const [description, setDescription] = useState('');
  const [expiring, setExpiring] = useState(intent === 'app_password' ? false : true);
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    const body: Record<string, unknown> = { identifier, intent, description, expiring };
    if (expiring && expires) body.expires = new Date(expires).toISOString();
    const result = await create('/api/v3/core/tokens', body);
    if (!result.ok) {
      setErrors(result.errors);
      setBusy(false);
      return;
    }
    const key = await action('GET', `/api/v3/core/tokens/${encodeURIComponent(identifier)}/view_key`);
    setBusy(false);
    const value = (key.data as { key?: unknown } | undefined)?.key;
    if (key.ok && typeof value === 'string') onCreated(identifier, value);
    else setErrors({ non_field_errors: [t('user.tokens.keyFailed')] });
  };

  const fieldError = (field: string) =>
    errors[field] ? (
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant="error">{errors[field].join(' ')}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    ) : null;

  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label={intent === 'api' ? t('user.tokens.createToken') : t('user.tokens.createAppPassword')}
    >
      <Title headingLevel="h3">{intent === 'api' ? t('user.tokens.createToken') : t('user.tokens.createAppPassword')}</Title>
      {errors.non_field_errors ? <Alert variant="danger" isInline title={errors.non_field_errors.join(' ')} /> : null}
      <FormGroup label={t('user.tokens.identifier')} isRequired fieldId="token-identifier">
        <TextInput
          id="token-identifier"
          isRequired
          value={identifier}
          onChange={(_e, v) => setIdentifier(v)}
          validated={errors.identifier ? 'error' : 'default'}
        />
        {fieldError('identifier') ?? (
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t('user.tokens.identifierHelp')}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        )}
      </FormGroup>
      <FormGroup label={t('user.tokens.description')} fieldId="token-description">
        <TextInput id="token-description" value={description} onChange={(_e, v) => setDescription(v)} />
        {fieldError('description')}
      </FormGroup>
      <FormGroup fieldId="token-expiring">
        <Checkbox id="token-expiring" label={t('user.tokens.expiring')} isChecked={expiring} onChange={(_e, v) => setExpiring(v)} />
        {fieldError('expiring')}
      </FormGroup>
      {expiring ? (
        <FormGroup label={t('user.tokens.expires')} fieldId="token-expires">
          <TextInput id="token-expires" type="datetime-local" value={expires} onChange={(_e, v) => setExpires(v)} />
          {fieldError('expires') ?? (
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('user.tokens.expiresHelp')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      ) : null}
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
          {t('user.tokens.create')}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t('flow.cancel')}
        </Button>
      </ActionGroup>
    </Form>
  );
}
