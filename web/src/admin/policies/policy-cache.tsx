import { Button, Content, Modal, ModalBody, ModalFooter, ModalHeader, Split, SplitItem } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { action } from '../kit/resource-api';

/** How many policy results the flow executor holds, and a button (asking first) to drop them. */
export function PolicyCache({ onCleared }: { onCleared(): void }) {
  const { t } = useI18n();
  const [count, setCount] = useState<number | 'unavailable' | undefined>();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    action('GET', '/api/v3/policies/all/cache_info').then((result) => {
      if (!live) return;
      const found = (result.data as { count?: unknown } | undefined)?.count;
      setCount(result.ok && typeof found === 'number' ? found : 'unavailable');
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const clear = async () => {
    const result = await action('POST', '/api/v3/policies/all/cache_clear');
    setFailure(!result.ok);
    if (result.ok) {
      setAsking(false);
      setAttempt((n) => n + 1);
      onCleared();
    }
  };

  return (
    <Split hasGutter>
      <SplitItem>
        <Content component="small">
          {count === undefined
            ? ''
            : count === 'unavailable'
              ? t('admin.policies.cache.unavailable')
              : t('admin.policies.cache.count', { count })}
        </Content>
      </SplitItem>
      <SplitItem>
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {t('admin.policies.cache.clear')}
        </Button>
      </SplitItem>
      {asking ? (
        <Modal variant="small" isOpen onClose={() => setAsking(false)} aria-labelledby="cache-title">
          <ModalHeader title={t('admin.policies.cache.clearTitle')} labelId="cache-title" />
          <ModalBody>
            <Content component="p">{t('admin.policies.cache.clearConfirm')}</Content>
            {failure ? <Content component="p">{t('admin.policies.cache.clearFailed')}</Content> : null}
          </ModalBody>
          <ModalFooter>
            <Button variant="primary" onClick={() => void clear()}>
              {t('admin.policies.cache.clear')}
            </Button>
            <Button variant="link" onClick={() => setAsking(false)}>
              {t('admin.form.cancel')}
            </Button>
          </ModalFooter>
        </Modal>
      ) : null}
    </Split>
  );
}
