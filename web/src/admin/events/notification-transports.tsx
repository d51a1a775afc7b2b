import { Alert, Button, List, ListItem, Modal, ModalBody, ModalFooter, ModalHeader, Spinner } from '@patternfly/react-core';
import { useState } from 'react';
import { api } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { text, yesNo } from '../kit/cells';
import type { Choice, Resource } from '../kit/resource';
import type { Row } from '../kit/resource-api';

/** How a transport delivers, as the API names it, and its label. */
export const TRANSPORT_MODES: Record<string, MessageKey> = {
  local: 'admin.transports.mode.local',
  webhook: 'admin.transports.mode.webhook',
  webhook_slack: 'admin.transports.mode.webhookSlack',
  email: 'admin.transports.mode.email',
};

const MODE_CHOICES: Choice[] = Object.entries(TRANSPORT_MODES).map(([value, label]) => ({ value, label }));

/** The modes that post to a URL, and so need one. */
function isWebhook(values: Row): boolean {
  return values.mode === 'webhook' || values.mode === 'webhook_slack';
}

function ModeCell({ mode }: { mode: unknown }) {
  const { t } = useI18n();
  const key = typeof mode === 'string' ? TRANSPORT_MODES[mode] : undefined;
  return <>{key ? t(key) : text(mode)}</>;
}

/** What a transport test answered: the messages of a sent test, or why it could not be sent. */
type TestOutcome = { ok: true; messages: string[] } | { ok: false; status: number; messages: string[] };

/** Asks the server to send a test notification through the transport. */
export async function testTransport(pk: string): Promise<TestOutcome> {
  try {
    const { data, error, response } = await api.POST('/api/v3/events/transports/{id}/test', { params: { path: { id: pk } } });
    const answer = (response.ok ? data : error) as { messages?: unknown; detail?: unknown } | undefined;
    const messages = Array.isArray(answer?.messages)
      ? answer.messages.map(String)
      : typeof answer?.detail === 'string'
        ? [answer.detail]
        : [];
    return response.ok ? { ok: true, messages } : { ok: false, status: response.status, messages };
  } catch {
    return { ok: false, status: 0, messages: [] };
  }
}

/** The detail page's "Test" button: sends a test notification and shows what happened. */
export function TransportTest({ row }: { row: Row }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<TestOutcome | 'running' | undefined>();
  const run = async () => {
    setOutcome('running');
    setOutcome(await testTransport(String(row.pk)));
  };
  const title =
    outcome === undefined || outcome === 'running'
      ? ''
      : outcome.ok
        ? t('admin.transports.testSent')
        : outcome.status === 503
          ? t('admin.transports.testFailed')
          : outcome.status === 0
            ? t('error.network')
            : t('admin.transports.testRefused', { status: outcome.status });
  return (
    <>
      <Button variant="secondary" onClick={() => void run()}>
        {t('admin.transports.test')}
      </Button>
      {outcome !== undefined ? (
        <Modal variant="small" isOpen onClose={() => setOutcome(undefined)} aria-labelledby="transport-test-title">
          <ModalHeader title={t('admin.transports.testTitle')} labelId="transport-test-title" />
          <ModalBody>
            {outcome === 'running' ? (
              <Spinner size="lg" aria-label={t('flow.loading')} />
            ) : (
              <Alert variant={outcome.ok ? 'success' : 'danger'} isInline title={title}>
                {outcome.messages.length > 0 ? (
                  <List>
                    {outcome.messages.map((message, index) => (
                      <ListItem key={index}>{message}</ListItem>
                    ))}
                  </List>
                ) : null}
              </Alert>
            )}
          </ModalBody>
          <ModalFooter>
            <Button variant="secondary" onClick={() => void run()} isDisabled={outcome === 'running'}>
              {t('admin.transports.testAgain')}
            </Button>
            <Button variant="link" onClick={() => setOutcome(undefined)}>
              {t('admin.transports.close')}
            </Button>
          </ModalFooter>
        </Modal>
      ) : null}
    </>
  );
}

/** Notification transports: how notifications reach people (in authmesh, by webhook, by e-mail). */
export const transportResource: Resource = {
  route: '/events/transports',
  api: '/api/v3/events/transports',
  title: 'admin.transports.title',
  singular: 'admin.transports.singular',
  description: 'admin.transports.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.transports.modeLabel', render: (row) => <ModeCell mode={row.mode} /> },
    { label: 'admin.transports.sendOnce', render: (row) => yesNo(row.send_once) },
    { label: 'admin.transports.webhookUrl', render: (row) => text(row.webhook_url), detailOnly: true },
  ],
  filters: [{ name: 'mode', label: 'admin.transports.modeLabel', choices: MODE_CHOICES }],
  fields: [
    { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
    {
      name: 'mode',
      label: 'admin.transports.modeLabel',
      help: 'admin.transports.modeHelp',
      kind: 'select',
      required: true,
      initial: 'local',
      choices: MODE_CHOICES,
    },
    {
      name: 'webhook_url',
      label: 'admin.transports.webhookUrl',
      help: 'admin.transports.webhookUrlHelp',
      kind: 'url',
      required: true,
      visible: isWebhook,
    },
    {
      name: 'webhook_mapping',
      label: 'admin.transports.webhookMapping',
      help: 'admin.transports.webhookMappingHelp',
      kind: 'reference',
      reference: { path: '/api/v3/propertymappings/notification' },
      visible: isWebhook,
    },
    { name: 'send_once', label: 'admin.transports.sendOnce', help: 'admin.transports.sendOnceHelp', kind: 'switch' },
  ],
  actions: (row) => <TransportTest row={row} />,
};
