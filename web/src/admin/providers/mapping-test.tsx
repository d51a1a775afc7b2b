import {
  Alert,
  Button,
  CodeBlock,
  CodeBlockCode,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextArea,
} from '@patternfly/react-core';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { fieldErrors, listPage, type Row } from '../kit/resource-api';

/**
 * Runs a property mapping's expression for a chosen user and context (`/propertymappings/all/<pk>/test`)
 * and shows what it returned or why it failed. `contextHint` says which context values the kind uses.
 */
export function MappingTest({ mapping, contextHint }: { mapping: Row; contextHint: MessageKey }) {
  const { t } = useI18n();
  const [users, setUsers] = useState<Row[]>([]);
  const [user, setUser] = useState('');
  const [context, setContext] = useState('{}');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ successful: boolean; result: string } | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    listPage('/api/v3/core/users', { page_size: 100, ordering: 'username' })
      .then((page) => live && setUsers(page.results))
      .catch(() => live && setUsers([]));
    return () => {
      live = false;
    };
  }, []);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(context || '{}') as Record<string, unknown>;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      return setErrors({ context: [t('admin.form.invalidJson')] });
    }
    setBusy(true);
    setErrors({});
    setOutcome(undefined);
    const { data, error, response } = await api
      .POST('/api/v3/propertymappings/all/{id}/test', {
        params: { path: { id: String(mapping.pk) } },
        body: { context: parsed, ...(user ? { user: Number(user) } : {}) },
      })
      .catch((failure: unknown) => ({ data: undefined, error: { detail: String(failure) }, response: new Response(null, { status: 0 }) }));
    setBusy(false);
    if (data) setOutcome(data);
    else setErrors(fieldErrors(response.status, error));
  };

  const general = Object.entries(errors).filter(([field]) => field !== 'user' && field !== 'context');
  return (
    <Form onSubmit={run} noValidate>
      {general.length > 0 ? <Alert variant="danger" isInline title={general.flatMap(([, messages]) => messages).join(' ')} /> : null}
      <FormGroup label={t('admin.mappings.testUser')} fieldId="mapping-test-user">
        <FormSelect
          id="mapping-test-user"
          value={user}
          validated={errors.user ? 'error' : 'default'}
          onChange={(_event, next) => setUser(next)}
        >
          <FormSelectOption value="" label={t('admin.form.none')} />
          {users.map((row) => (
            <FormSelectOption key={String(row.pk)} value={String(row.pk)} label={String(row.username)} />
          ))}
        </FormSelect>
        {errors.user ? (
          <FormHelperText>
            <HelperText>
              {errors.user.map((message) => (
                <HelperTextItem key={message} variant="error">
                  {message}
                </HelperTextItem>
              ))}
            </HelperText>
          </FormHelperText>
        ) : null}
      </FormGroup>
      <FormGroup label={t('admin.mappings.testContext')} fieldId="mapping-test-context">
        <TextArea
          id="mapping-test-context"
          className="am-code"
          rows={4}
          value={context}
          spellCheck={false}
          validated={errors.context ? 'error' : 'default'}
          onChange={(_event, next) => setContext(next)}
        />
        <FormHelperText>
          <HelperText>
            {(errors.context ?? []).map((message) => (
              <HelperTextItem key={message} variant="error">
                {message}
              </HelperTextItem>
            ))}
            <HelperTextItem>{t(contextHint)}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <div>
        <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
          {t('admin.mappings.test')}
        </Button>
      </div>
      {outcome ? (
        <>
          <Alert
            variant={outcome.successful ? 'success' : 'danger'}
            isInline
            isPlain
            title={t(outcome.successful ? 'admin.mappings.testPassed' : 'admin.mappings.testFailed')}
          />
          <CodeBlock aria-label={t('admin.mappings.testResult')}>
            <CodeBlockCode>{outcome.result}</CodeBlockCode>
          </CodeBlock>
        </>
      ) : null}
    </Form>
  );
}
