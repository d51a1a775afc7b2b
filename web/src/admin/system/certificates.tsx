import { Alert, Button, CodeBlock, CodeBlockCode, Modal, ModalBody, ModalHeader, Spinner } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import { hrefOf } from '../../shared/router';
import { dateCell, text, yesNo } from '../kit/cells';
import type { Field, Resource } from '../kit/resource';
import { action, type Row, type WriteResult } from '../kit/resource-api';
import { ResourceForm } from '../kit/resource-form';

const ROUTE = '/crypto/certificates';
const API = '/api/v3/crypto/certificatekeypairs';

const generateFields: Field[] = [
  { name: 'common_name', label: 'admin.certificates.commonName', kind: 'text', required: true },
  { name: 'subject_alt_name', label: 'admin.certificates.subjectAltName', help: 'admin.certificates.subjectAltNameHelp', kind: 'text' },
  { name: 'validity_days', label: 'admin.certificates.validityDays', kind: 'number', required: true, initial: 365 },
  {
    name: 'alg',
    label: 'admin.certificates.algorithm',
    kind: 'select',
    required: true,
    initial: 'rsa',
    choices: [
      { value: 'rsa', label: { text: 'RSA' } },
      { value: 'ecdsa', label: { text: 'ECDSA' } },
    ],
  },
];

/** Generates a self-signed certificate and key, then opens it. */
export async function generate(body: Row): Promise<WriteResult> {
  const result = await action('POST', `${API}/generate`, body);
  return result.ok ? { ok: true, row: (result.data ?? {}) as Row } : { ok: false, status: result.status, errors: result.errors ?? {} };
}

/** The list toolbar's "Generate" button and its form. */
function GenerateButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('admin.certificates.generate')}
      </Button>
      {open ? (
        <Modal variant="medium" isOpen onClose={() => setOpen(false)} aria-labelledby="generate-title">
          <ModalHeader title={t('admin.certificates.generateTitle')} labelId="generate-title" />
          <ModalBody>
            <ResourceForm
              fields={generateFields}
              submitLabel="admin.certificates.generate"
              onSubmit={generate}
              onSaved={(row) => {
                setOpen(false);
                window.location.hash = hrefOf(`${ROUTE}/${encodeURIComponent(String(row.pk))}`);
              }}
              onCancel={() => setOpen(false)}
            />
          </ModalBody>
        </Modal>
      ) : null}
    </>
  );
}

/** Download links; the API checks the permission and records a private key download as a secret view. */
function Downloads({ row }: { row: Row }) {
  const { t } = useI18n();
  return (
    <>
      <Button component="a" variant="secondary" href={String(row.certificate_download_url)} download>
        {t('admin.certificates.downloadCertificate')}
      </Button>{' '}
      {row.private_key_available ? (
        <Button component="a" variant="secondary" href={String(row.private_key_download_url)} download>
          {t('admin.certificates.downloadKey')}
        </Button>
      ) : null}
    </>
  );
}

/** The certificate in PEM form, fetched from `view_certificate`. */
export function CertificatePem({ row }: { row: Row }) {
  const { t } = useI18n();
  const [pem, setPem] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/v3/crypto/certificatekeypairs/{id}/view_certificate', { params: { path: { id: String(row.pk) } } })
      .then(({ data }) => {
        if (!live) return;
        if (data) setPem(data.data);
        else setFailed(true);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [row.pk]);
  if (failed) return <Alert variant="danger" isInline title={t('admin.certificates.pemFailed')} />;
  if (pem === undefined) return <Spinner size="md" aria-label={t('flow.loading')} />;
  return (
    <CodeBlock aria-label={t('admin.certificates.certificate')}>
      <CodeBlockCode>{pem}</CodeBlockCode>
    </CodeBlock>
  );
}

const pemFields: Field[] = [
  { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
  {
    name: 'certificate_data',
    label: 'admin.certificates.certificate',
    help: 'admin.certificates.certificateHelp',
    kind: 'code',
    required: true,
  },
  { name: 'key_data', label: 'admin.certificates.privateKey', help: 'admin.certificates.privateKeyHelp', kind: 'code', writeOnly: true },
];

/** Certificate-key pairs: imported or generated, used to sign tokens and serve TLS. */
export const certificateResource: Resource = {
  route: ROUTE,
  api: API,
  title: 'admin.certificates.title',
  singular: 'admin.certificates.singular',
  description: 'admin.certificates.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.certificates.privateKeyAvailable', render: (row) => yesNo(row.private_key_available) },
    { label: 'admin.certificates.expiry', render: (row) => dateCell(row.cert_expiry) },
    { label: 'admin.certificates.subject', render: (row) => text(row.cert_subject), detailOnly: true },
    { label: 'admin.certificates.keyType', render: (row) => text(row.private_key_type), detailOnly: true },
    { label: 'admin.certificates.sha256', render: (row) => <code>{text(row.fingerprint_sha256)}</code>, detailOnly: true },
    { label: 'admin.certificates.sha1', render: (row) => <code>{text(row.fingerprint_sha1)}</code>, detailOnly: true },
    { label: 'admin.mappings.managed', render: (row) => text(row.managed), detailOnly: true },
  ],
  fields: pemFields,
  listActions: () => <GenerateButton />,
  actions: (row) => <Downloads row={row} />,
  tabs: [{ title: 'admin.certificates.certificate', render: (row) => <CertificatePem row={row} /> }],
};
