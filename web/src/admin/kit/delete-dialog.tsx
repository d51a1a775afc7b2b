import { Alert, Button, List, ListItem, Modal, ModalBody, ModalFooter, ModalHeader, Spinner } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { keyOf, nameOf, type Resource } from './resource';
import { remove, usedBy, type Row, type UsedBy } from './resource-api';

/** The sentence for what deleting does to one referring object. */
function effectMessage(action: UsedBy['action']): MessageKey {
  // cascade_many: only the link (a many-to-many row) goes; the other object stays.
  if (action === 'set_null' || action === 'set_default' || action === 'cascade_many') return 'admin.delete.reset';
  if (action === 'restrict') return 'admin.delete.restrict';
  return 'admin.delete.cascade';
}

/** What one object's deletion does elsewhere. */
interface Preview {
  row: Row;
  effects: UsedBy[];
}

/**
 * Asks before deleting objects, listing for each what else goes with it ("will be DELETED") or
 * loses its reference ("reference will be reset"), as the API's `used_by` tells.
 */
export function DeleteDialog({ resource, rows, onClose }: { resource: Resource; rows: Row[]; onClose(deleted: boolean): void }) {
  const { t } = useI18n();
  const [previews, setPreviews] = useState<Preview[] | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    Promise.all(rows.map(async (row) => ({ row, effects: await usedBy(resource.api, keyOf(resource, row)).catch(() => []) }))).then(
      (found) => live && setPreviews(found),
    );
    return () => {
      live = false;
    };
  }, [resource, rows]);

  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    const failed: string[] = [];
    for (const row of rows) {
      try {
        await remove(resource.api, keyOf(resource, row));
      } catch (error) {
        failed.push(`${nameOf(resource, row)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    setBusy(false);
    if (failed.length > 0) setFailure(failed.join('; '));
    else onClose(true);
  };

  return (
    <Modal variant="medium" isOpen onClose={() => onClose(false)} aria-labelledby="delete-title">
      <ModalHeader
        title={t('admin.delete.title', { kind: t(resource.singular), count: rows.length })}
        labelId="delete-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        {failure ? (
          <Alert variant="danger" isInline title={t('admin.delete.failed')}>
            {failure}
          </Alert>
        ) : null}
        {previews === undefined ? (
          <Spinner size="md" aria-label={t('flow.loading')} />
        ) : (
          <List>
            {previews.map(({ row, effects }) => (
              <ListItem key={keyOf(resource, row)}>
                <strong>{nameOf(resource, row)}</strong>
                {effects.length === 0 ? (
                  <span className="am-muted"> — {t('admin.delete.unused')}</span>
                ) : (
                  <List>
                    {effects.map((effect) => (
                      <ListItem key={`${effect.app}.${effect.model_name}.${effect.pk}`}>
                        {t(effectMessage(effect.action), { model: effect.model_name, name: effect.name })}
                      </ListItem>
                    ))}
                  </List>
                )}
              </ListItem>
            ))}
          </List>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={confirm} isLoading={busy} isDisabled={busy || previews === undefined}>
          {t('admin.delete.confirm')}
        </Button>
        <Button variant="link" onClick={() => onClose(false)}>
          {t('admin.form.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
