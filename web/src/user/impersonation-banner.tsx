import { Banner, Button } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { api } from '../shared/api/client';
import { useI18n } from '../shared/i18n/i18n';

/** While an admin impersonates this user, says so and offers to stop (which returns to the admin interface). */
export function ImpersonationBanner({ navigate = window.location }: { navigate?: { assign(url: string): void } }) {
  const { t } = useI18n();
  const [who, setWho] = useState<{ user: string; original: string } | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/v3/core/users/me')
      .then(({ data }) => {
        if (live && data?.original) setWho({ user: data.user.username, original: data.original.username });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!who) return null;
  const stop = async () => {
    setFailed(false);
    try {
      const { response } = await api.POST('/api/v3/core/users/impersonate_end');
      if (response.ok) navigate.assign('/if/admin/');
      else setFailed(true);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Banner color="orange" role="status">
      {t('user.impersonation.banner', { user: who.user, original: who.original })}{' '}
      <Button variant="link" isInline onClick={() => void stop()}>
        {t('user.impersonation.stop')}
      </Button>
      {failed ? ` ${t('user.impersonation.failed')}` : null}
    </Banner>
  );
}
