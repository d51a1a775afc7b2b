import { Alert, Button, Modal, ModalBody, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { Field } from '../kit/resource';
import { action } from '../kit/resource-api';
import { ResourceForm } from '../kit/resource-form';

const MANUAL_FIELDS: Field[] = [
  { name: 'username', label: 'admin.stages.duoUsername', help: 'admin.stages.duoUsernameHelp', kind: 'text', required: true },
  { name: 'duo_user_id', label: 'admin.stages.duoUserId', help: 'admin.stages.duoUserIdHelp', kind: 'text', required: true },
];

/** A Duo stage's device imports: one user's device by hand, or every device through the Admin API. */
export function DuoActions({ stage }: { stage: string }) {
  const { t } = useI18n();
  const [manual, setManual] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const base = `/api/v3/stages/authenticator/duo/${encodeURIComponent(stage)}`;

  const automatic = async () => {
    setBusy(true);
    const answer = await action('POST', `${base}/import_devices_automatic`);
    setBusy(false);
    const result = answer.data as { count?: unknown; error?: unknown } | undefined;
    if (answer.ok && typeof result?.count === 'number' && !result.error)
      setMessage({ ok: true, text: t('admin.stages.duoImported', { count: String(result.count) }) });
    else {
      const reason =
        typeof result?.error === 'string' && result.error
          ? result.error
          : Object.values(answer.errors ?? {})
              .flat()
              .join(' ');
      setMessage({ ok: false, text: t('admin.stages.duoImportFailed', { reason: reason || `HTTP ${answer.status}` }) });
    }
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setManual(true)}>
        {t('admin.stages.duoImportManual')}
      </Button>{' '}
      <Button variant="secondary" onClick={() => void automatic()} isLoading={busy} isDisabled={busy}>
        {t('admin.stages.duoImportAutomatic')}
      </Button>
      {message ? <Alert variant={message.ok ? 'success' : 'danger'} isInline isPlain title={message.text} /> : null}
      {manual ? (
        <Modal variant="small" isOpen onClose={() => setManual(false)} aria-labelledby="duo-manual-title">
          <ModalHeader title={t('admin.stages.duoImportManual')} labelId="duo-manual-title" />
          <ModalBody>
            <ResourceForm
              fields={MANUAL_FIELDS}
              submitLabel={'admin.stages.duoImport'}
              onSubmit={async (body) => {
                const answer = await action('POST', `${base}/import_device_manual`, body);
                return answer.ok ? { ok: true, row: {} } : { ok: false, status: answer.status, errors: answer.errors ?? {} };
              }}
              onSaved={() => {
                setManual(false);
                setMessage({ ok: true, text: t('admin.stages.duoImportedOne') });
              }}
              onCancel={() => setManual(false)}
            />
          </ModalBody>
        </Modal>
      ) : null}
    </>
  );
}
