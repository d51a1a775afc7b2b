import { Alert, Button, Content, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import type { Field } from '../kit/resource';
import { update, type Row, type WriteResult } from '../kit/resource-api';
import { ResourceForm } from '../kit/resource-form';
import { ShowOnce } from './show-once';
import { postAction } from './write-action';

const SET_PASSWORD: MessageKey = 'admin.users.setPassword';
const PASSWORD_LABEL: MessageKey = 'admin.users.serviceAccountPassword';
const PASSWORD_NOTE: MessageKey = 'admin.users.serviceAccountTokenNote';

const passwordFields: Field[] = [
  { name: 'password', label: 'admin.users.newPassword', help: 'admin.users.newPasswordHelp', kind: 'password', required: true },
];

/**
 * A button opening a dialog with a small form for one action on a user. Once the action
 * succeeds the dialog says what happened (`done`) and offers Close; `blocked` shows a warning
 * instead of the form when the action cannot apply.
 */
function FormActionButton(props: {
  label: MessageKey;
  title: string;
  titleId: string;
  fields: Field[];
  submitLabel: MessageKey;
  submit(body: Record<string, unknown>): Promise<WriteResult>;
  done: string;
  blocked?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const finished = done || props.blocked !== undefined;
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setDone(false);
          setOpen(true);
        }}
      >
        {t(props.label)}
      </Button>
      {open ? (
        <Modal variant="small" isOpen onClose={() => setOpen(false)} aria-labelledby={props.titleId}>
          <ModalHeader title={props.title} labelId={props.titleId} />
          <ModalBody>
            {props.blocked !== undefined ? (
              <Alert variant="warning" isInline title={props.blocked} />
            ) : done ? (
              <Content component="p">{props.done}</Content>
            ) : (
              <ResourceForm
                fields={props.fields}
                submitLabel={props.submitLabel}
                onSubmit={props.submit}
                onSaved={() => setDone(true)}
                onCancel={() => setOpen(false)}
              />
            )}
          </ModalBody>
          {finished ? (
            <ModalFooter>
              <Button variant="primary" onClick={() => setOpen(false)}>
                {t('admin.directory.close')}
              </Button>
            </ModalFooter>
          ) : null}
        </Modal>
      ) : null}
    </>
  );
}

/** Sets a user's password (`POST /core/users/<pk>/set_password`). */
export function SetPasswordButton({ user }: { user: Row }) {
  const { t } = useI18n();
  return (
    <FormActionButton
      label={SET_PASSWORD}
      title={t('admin.users.setPasswordFor', { username: String(user.username) })}
      titleId="password-title"
      fields={passwordFields}
      submitLabel={SET_PASSWORD}
      submit={(body) => postAction(`/api/v3/core/users/${String(user.pk)}/set_password`, body)}
      done={t('admin.users.passwordSet')}
    />
  );
}

/** Deactivates an active user (after asking) or activates an inactive one. */
export function ActiveToggle({ user, onChanged }: { user: Row; onChanged(): void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const active = user.is_active === true;
  const change = async () => {
    const result = await update('/api/v3/core/users', String(user.pk), { is_active: !active });
    if (!result.ok) return setFailure(Object.values(result.errors).flat().join(' '));
    setAsking(false);
    onChanged();
  };
  return (
    <>
      <Button variant={active ? 'warning' : 'secondary'} onClick={() => (active ? setAsking(true) : void change())}>
        {t(active ? 'admin.users.deactivate' : 'admin.users.activate')}
      </Button>
      {failure && !asking ? <span role="alert"> {failure}</span> : null}
      {asking ? (
        <Modal variant="small" isOpen onClose={() => setAsking(false)} aria-labelledby="deactivate-title">
          <ModalHeader title={t('admin.users.deactivate')} labelId="deactivate-title" titleIconVariant="warning" />
          <ModalBody>
            <Content component="p">{t('admin.users.deactivateConfirm', { username: String(user.username) })}</Content>
            {failure ? <Content component="p">{failure}</Content> : null}
          </ModalBody>
          <ModalFooter>
            <Button variant="warning" onClick={() => void change()}>
              {t('admin.users.deactivate')}
            </Button>
            <Button variant="link" onClick={() => setAsking(false)}>
              {t('admin.form.cancel')}
            </Button>
          </ModalFooter>
        </Modal>
      ) : null}
    </>
  );
}

const serviceAccountFields: Field[] = [
  { name: 'name', label: 'admin.users.username', help: 'admin.users.serviceAccountNameHelp', kind: 'text', required: true },
  { name: 'create_group', label: 'admin.users.createGroup', help: 'admin.users.createGroupHelp', kind: 'switch' },
  { name: 'expiring', label: 'admin.tokens.expiring', help: 'admin.users.serviceAccountExpiringHelp', kind: 'switch', initial: true },
  {
    name: 'expires',
    label: 'admin.tokens.expires',
    help: 'admin.users.serviceAccountExpiresHelp',
    kind: 'datetime',
    visible: (values) => values.expiring === true,
  },
];

/** Creates a service account and shows its app password once (`POST /core/users/service_account`). */
export function ServiceAccountButton({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Row | undefined>();
  const close = () => {
    setOpen(false);
    if (created) onCreated();
    setCreated(undefined);
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('admin.users.createServiceAccount')}
      </Button>
      {open ? (
        <Modal variant="medium" isOpen onClose={close} aria-labelledby="service-account-title">
          <ModalHeader title={t('admin.users.createServiceAccount')} labelId="service-account-title" />
          <ModalBody>
            {created ? (
              <>
                <Content component="p">{t('admin.users.serviceAccountCreated', { username: String(created.username) })}</Content>
                <ShowOnce id="service-account-token" label={PASSWORD_LABEL} value={String(created.token)} note={PASSWORD_NOTE} />
              </>
            ) : (
              <ResourceForm
                fields={serviceAccountFields}
                onSubmit={(body) => {
                  // Without an expiry date the API picks its default lifetime.
                  const { expires, ...rest } = body;
                  return postAction('/api/v3/core/users/service_account', expires ? { ...rest, expires } : rest);
                }}
                onSaved={(row) => setCreated(row)}
                onCancel={close}
              />
            )}
          </ModalBody>
          {created ? (
            <ModalFooter>
              <Button variant="primary" onClick={close}>
                {t('admin.directory.close')}
              </Button>
            </ModalFooter>
          ) : null}
        </Modal>
      ) : null}
    </>
  );
}

const IMPERSONATE: MessageKey = 'admin.users.impersonate';
const impersonateFields: Field[] = [
  { name: 'reason', label: 'admin.users.impersonateReason', help: 'admin.users.impersonateReasonHelp', kind: 'text' },
];

/**
 * Starts acting as the user (`POST /core/users/<pk>/impersonate`, recorded with the reason) and
 * opens the user interface as them; the banner there ends it.
 */
export function ImpersonateButton({ user, navigate = window.location }: { user: Row; navigate?: { assign(url: string): void } }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (user.is_active !== true) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t(IMPERSONATE)}
      </Button>
      {open ? (
        <Modal variant="small" isOpen onClose={() => setOpen(false)} aria-labelledby="impersonate-title">
          <ModalHeader title={t('admin.users.impersonateTitle', { username: String(user.username) })} labelId="impersonate-title" />
          <ModalBody>
            <ResourceForm
              fields={impersonateFields}
              submitLabel={IMPERSONATE}
              onSubmit={(body) => postAction(`/api/v3/core/users/${String(user.pk)}/impersonate`, body)}
              onSaved={() => navigate.assign('/if/user/')}
              onCancel={() => setOpen(false)}
            />
          </ModalBody>
        </Modal>
      ) : null}
    </>
  );
}

const RECOVERY_LINK: MessageKey = 'admin.users.recoveryLink';
const RECOVERY_NOTE: MessageKey = 'admin.users.recoveryLinkNote';

/** The API's reason a recovery link could not be made, as one line. */
function recoveryFailure(errors: Record<string, string[]>): string {
  return Object.values(errors).flat().join(' ');
}

/**
 * Makes a one-time link into the brand's recovery flow for the user and shows it once
 * (`POST /core/users/<pk>/recovery`); the user sets a new password through it.
 */
export function RecoveryLinkButton({ user }: { user: Row }) {
  const { t } = useI18n();
  const [link, setLink] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (user.is_active !== true) return null;
  const create = async () => {
    setBusy(true);
    setFailure(undefined);
    const result = await postAction(`/api/v3/core/users/${String(user.pk)}/recovery`, {});
    setBusy(false);
    if (result.ok) setLink(String(result.row.link));
    else setFailure(recoveryFailure(result.errors));
  };
  return (
    <>
      <Button variant="secondary" isDisabled={busy} onClick={() => void create()}>
        {t('admin.users.createRecoveryLink')}
      </Button>
      {failure ? <span role="alert"> {failure}</span> : null}
      {link ? (
        <Modal variant="medium" isOpen onClose={() => setLink(undefined)} aria-labelledby="recovery-link-title">
          <ModalHeader title={t('admin.users.recoveryLinkFor', { username: String(user.username) })} labelId="recovery-link-title" />
          <ModalBody>
            <ShowOnce id="recovery-link" label={RECOVERY_LINK} value={link} note={RECOVERY_NOTE} />
          </ModalBody>
          <ModalFooter>
            <Button variant="primary" onClick={() => setLink(undefined)}>
              {t('admin.directory.close')}
            </Button>
          </ModalFooter>
        </Modal>
      ) : null}
    </>
  );
}

const SEND_LINK: MessageKey = 'admin.users.sendRecoveryLink';
const EMAIL_RECOVERY_LINK: MessageKey = 'admin.users.emailRecoveryLink';
const emailStageFields: Field[] = [
  {
    name: 'email_stage',
    label: 'admin.users.emailStage',
    help: 'admin.users.emailStageHelp',
    kind: 'reference',
    required: true,
    reference: { path: '/api/v3/stages/email' },
  },
];

/**
 * E-mails the user a one-time recovery link through an e-mail stage the admin picks
 * (`POST /core/users/<pk>/recovery_email`). Users without an address cannot get one.
 */
export function EmailRecoveryLinkButton({ user }: { user: Row }) {
  const { t } = useI18n();
  if (user.is_active !== true) return null;
  const hasEmail = typeof user.email === 'string' && user.email !== '';
  return (
    <FormActionButton
      label={EMAIL_RECOVERY_LINK}
      title={t('admin.users.emailRecoveryLinkTo', { username: String(user.username) })}
      titleId="recovery-email-title"
      fields={emailStageFields}
      submitLabel={SEND_LINK}
      submit={(body) => postAction(`/api/v3/core/users/${String(user.pk)}/recovery_email`, body)}
      done={t('admin.users.recoveryEmailSent', { email: String(user.email) })}
      blocked={hasEmail ? undefined : t('admin.users.recoveryNoEmail')}
    />
  );
}
