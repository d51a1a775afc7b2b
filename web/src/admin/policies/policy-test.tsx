import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalHeader,
  Title,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import type { Field } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { ResourceForm } from '../kit/resource-form';
import { postAction } from '../directory/write-action';

const RUN: MessageKey = 'admin.policies.test.run';

const testFields: Field[] = [
  {
    name: 'user',
    label: 'admin.policies.test.user',
    help: 'admin.policies.test.userHelp',
    kind: 'reference',
    reference: { path: '/api/v3/core/users', label: (row) => String(row.username), numeric: true },
  },
  {
    name: 'context',
    label: 'admin.policies.test.context',
    help: 'admin.policies.test.contextHelp',
    kind: 'json',
    required: true,
    initial: '{}',
  },
];

interface TestResult {
  passing: boolean;
  messages: string[];
  log_messages: string[];
}

/** What the test answered: passing or not, the policy's messages and its log. */
function Outcome({ result }: { result: TestResult }) {
  const { t } = useI18n();
  return (
    <DescriptionList isHorizontal isCompact aria-label={t('admin.policies.test.result')}>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('admin.policies.test.passing')}</DescriptionListTerm>
        <DescriptionListDescription>
          {result.passing ? <Label color="green">{t('admin.yes')}</Label> : <Label color="red">{t('admin.no')}</Label>}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('admin.policies.test.messages')}</DescriptionListTerm>
        <DescriptionListDescription>
          {result.messages.length === 0 ? (
            '-'
          ) : (
            <List>
              {result.messages.map((m, i) => (
                <ListItem key={i}>{m}</ListItem>
              ))}
            </List>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('admin.policies.test.log')}</DescriptionListTerm>
        <DescriptionListDescription>
          {result.log_messages.length === 0 ? (
            t('admin.policies.test.noLog')
          ) : (
            <List>
              {result.log_messages.map((m, i) => (
                <ListItem key={i}>{m}</ListItem>
              ))}
            </List>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
}

/** Evaluates a policy for a chosen user and context (`POST /policies/all/<pk>/test`); nothing is recorded. */
export function PolicyTestButton({ policy }: { policy: Row }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<TestResult | undefined>();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('admin.policies.test.action')}
      </Button>
      {open ? (
        <Modal
          variant="medium"
          isOpen
          onClose={() => {
            setOpen(false);
            setResult(undefined);
          }}
          aria-labelledby="policy-test-title"
        >
          <ModalHeader title={t('admin.policies.test.title', { name: String(policy.name) })} labelId="policy-test-title" />
          <ModalBody>
            <ResourceForm
              fields={testFields}
              submitLabel={RUN}
              onSubmit={(body) => {
                setResult(undefined);
                // No user means an anonymous request: the field is left out rather than sent as null.
                const user = body.user ?? undefined;
                return postAction(`/api/v3/policies/all/${encodeURIComponent(String(policy.pk))}/test`, { ...body, user });
              }}
              onSaved={(row) =>
                setResult({
                  passing: row.passing === true,
                  messages: Array.isArray(row.messages) ? row.messages.map(String) : [],
                  log_messages: Array.isArray(row.log_messages) ? row.log_messages.map(String) : [],
                })
              }
            />
            {result ? (
              <>
                <Title headingLevel="h3">{t('admin.policies.test.result')}</Title>
                <Outcome result={result} />
              </>
            ) : null}
            {result === undefined ? null : <Alert variant="info" isInline isPlain title={t('admin.policies.test.notRecorded')} />}
          </ModalBody>
        </Modal>
      ) : null}
    </>
  );
}
