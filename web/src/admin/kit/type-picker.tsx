import { Button, Card, CardBody, CardTitle, Gallery, Modal, ModalBody, ModalHeader } from '@patternfly/react-core';
import { useI18n } from '../../shared/i18n/i18n';
import type { TypeChoice } from './resource';

/** Asks which type of object to create (a stage type, a provider type, ...). */
export function TypePicker({ types, onPick, onClose }: { types: TypeChoice[]; onPick(choice: TypeChoice): void; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal variant="large" isOpen onClose={onClose} aria-labelledby="type-title">
      <ModalHeader title={t('admin.form.pickType')} labelId="type-title" />
      <ModalBody>
        <Gallery hasGutter>
          {types.map((choice) => (
            <Card key={choice.resource.api} isCompact>
              <CardTitle>
                <Button variant="link" isInline onClick={() => onPick(choice)}>
                  {t(choice.label)}
                </Button>
              </CardTitle>
              {choice.description ? <CardBody>{t(choice.description)}</CardBody> : null}
            </Card>
          ))}
        </Gallery>
      </ModalBody>
    </Modal>
  );
}
