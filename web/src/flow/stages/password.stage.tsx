import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { stringOf, type StageProps } from '../challenge';
import { FormErrors, StageForm, TextField } from '../stage-kit';
import { PendingUser } from './pending-user';

/** ak-stage-password: the pending user's password. */
export function PasswordStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const user = stringOf(challenge, 'pending_user');
  const recovery = stringOf(challenge, 'recovery_url');
  return (
    <StageForm busy={busy} action={t('flow.password.submit')} onSubmit={() => submit({ password })}>
      <PendingUser username={user} />
      {/* Password managers pair the password with this username (compatibility mode). */}
      <input type="text" name="username" autoComplete="username" value={user} readOnly hidden />
      <FormErrors challenge={challenge} shown={['password']} />
      <TextField
        id="password"
        field="password"
        label={t('flow.password.label')}
        value={password}
        onChange={setPassword}
        challenge={challenge}
        type="password"
        autoComplete="current-password"
        required
      />
      {recovery ? <a href={recovery}>{t('flow.identification.recovery')}</a> : null}
    </StageForm>
  );
}
