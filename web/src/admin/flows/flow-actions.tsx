import {
  ActionGroup,
  Alert,
  Button,
  FileUpload,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalHeader,
} from '@patternfly/react-core';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import { action } from '../kit/resource-api';

/** The detail page's buttons: export the flow, run it, run it beside the inspector. */
export function FlowActions({ slug }: { slug: string }) {
  const { t } = useI18n();
  const path = encodeURIComponent(slug);
  return (
    <>
      <Button component="a" variant="secondary" href={`/if/flow/${path}/`} target="_blank" rel="noopener">
        {t('admin.flows.execute')}
      </Button>{' '}
      <Button component="a" variant="secondary" href={`#/flow/flows/${path}/inspect`}>
        {t('admin.flows.executeInspector')}
      </Button>{' '}
      <Button component="a" variant="secondary" href={`/api/v3/flows/instances/${path}/export`} download={`${slug}.yaml`}>
        {t('admin.flows.export')}
      </Button>
    </>
  );
}

interface ImportLog {
  log_level?: string;
  event?: string;
}

/** What an import answered: whether it applied and its log lines, or the API's refusal. */
interface ImportOutcome {
  success: boolean;
  logs: ImportLog[];
  error?: string;
}

/** Uploads a flow export (a blueprint YAML file) to `/flows/instances/import`. */
export async function importFlow(file: File): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file);
  try {
    // The endpoint reads multipart form data, which the generated schema does not describe.
    const { data, error, response } = await api.POST('/api/v3/flows/instances/import', {
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    });
    const answer = (data ?? error) as { success?: unknown; logs?: unknown; file?: unknown; detail?: unknown } | undefined;
    const logs = Array.isArray(answer?.logs) ? (answer.logs as ImportLog[]) : [];
    if (response.ok && answer?.success === true) return { success: true, logs };
    const fileError = Array.isArray(answer?.file) ? answer.file.map(String).join(' ') : undefined;
    const detail = typeof answer?.detail === 'string' ? answer.detail : undefined;
    return { success: false, logs, error: fileError ?? detail ?? (logs.length === 0 ? `HTTP ${response.status}` : undefined) };
  } catch (error) {
    return { success: false, logs: [], error: String(error) };
  }
}

function ImportDialog({ onClose }: { onClose(imported: boolean): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setOutcome({ success: false, logs: [], error: t('admin.flows.importNoFile') });
    setBusy(true);
    setOutcome(await importFlow(file));
    setBusy(false);
  };

  return (
    <Modal variant="medium" isOpen onClose={() => onClose(outcome?.success === true)} aria-labelledby="flow-import-title">
      <ModalHeader title={t('admin.flows.import')} labelId="flow-import-title" />
      <ModalBody>
        <Form onSubmit={submit} noValidate>
          {outcome ? (
            <Alert
              variant={outcome.success ? 'success' : 'danger'}
              isInline
              title={outcome.success ? t('admin.flows.importDone') : t('admin.flows.importFailed')}
            >
              {outcome.error ? <p>{outcome.error}</p> : null}
              {outcome.logs.length > 0 ? (
                <ul>
                  {outcome.logs.map((log, index) => (
                    <li key={index}>{`${log.log_level ?? ''}: ${log.event ?? ''}`}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          <FormGroup label={t('admin.flows.importFile')} fieldId="flow-import-file-filename" isRequired>
            <FileUpload
              id="flow-import-file"
              filename={file?.name ?? ''}
              filenamePlaceholder={t('admin.flows.importPlaceholder')}
              browseButtonText={t('admin.flows.importBrowse')}
              clearButtonText={t('admin.flows.importClear')}
              accept=".yaml,.yml,application/x-yaml,text/yaml"
              onFileInputChange={(_event, chosen) => {
                setFile(chosen);
                setOutcome(undefined);
              }}
              onClearClick={() => setFile(undefined)}
              hideDefaultPreview
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('admin.flows.importHelp')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <ActionGroup>
            <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
              {t('admin.flows.import')}
            </Button>
            <Button variant="link" onClick={() => onClose(outcome?.success === true)}>
              {outcome?.success ? t('admin.flows.close') : t('admin.form.cancel')}
            </Button>
          </ActionGroup>
        </Form>
      </ModalBody>
    </Modal>
  );
}

function CacheDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const [count, setCount] = useState<number | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void action('GET', '/api/v3/flows/instances/cache_info').then((answer) => {
      if (!live) return;
      const value = (answer.data as { count?: unknown } | undefined)?.count;
      if (answer.ok && typeof value === 'number') setCount(value);
      else setMessage({ ok: false, text: t('admin.flows.cacheFailed', { status: String(answer.status) }) });
    });
    return () => {
      live = false;
    };
  }, [attempt, t]);

  const clear = async () => {
    setBusy(true);
    const answer = await action('POST', '/api/v3/flows/instances/cache_clear');
    setBusy(false);
    setMessage(
      answer.ok
        ? { ok: true, text: t('admin.flows.cacheCleared') }
        : { ok: false, text: t('admin.flows.cacheFailed', { status: String(answer.status) }) },
    );
    if (answer.ok) setAttempt((n) => n + 1);
  };

  return (
    <Modal variant="small" isOpen onClose={onClose} aria-labelledby="flow-cache-title">
      <ModalHeader title={t('admin.flows.cache')} labelId="flow-cache-title" />
      <ModalBody>
        {message ? <Alert variant={message.ok ? 'success' : 'danger'} isInline isPlain title={message.text} /> : null}
        <p>{count === undefined ? t('flow.loading') : t('admin.flows.cacheCount', { count: String(count) })}</p>
        <p className="am-muted">{t('admin.flows.cacheHelp')}</p>
        <Button variant="danger" onClick={() => void clear()} isLoading={busy} isDisabled={busy}>
          {t('admin.flows.cacheClear')}
        </Button>
      </ModalBody>
    </Modal>
  );
}

/** The flow list's extra buttons: import a flow, look at or clear the executor's cache. */
export function FlowListActions({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'import' | 'cache' | undefined>();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen('import')}>
        {t('admin.flows.import')}
      </Button>{' '}
      <Button variant="secondary" onClick={() => setOpen('cache')}>
        {t('admin.flows.cache')}
      </Button>
      {open === 'import' ? (
        <ImportDialog
          onClose={(imported) => {
            setOpen(undefined);
            if (imported) onImported();
          }}
        />
      ) : null}
      {open === 'cache' ? <CacheDialog onClose={() => setOpen(undefined)} /> : null}
    </>
  );
}
