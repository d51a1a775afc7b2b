import { Label, Timestamp } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';

/** A yes/no cell. */
function YesNo({ value }: { value: unknown }) {
  const { t } = useI18n();
  return value ? (
    <Label color="green" isCompact>
      {t('admin.yes')}
    </Label>
  ) : (
    <Label isCompact>{t('admin.no')}</Label>
  );
}

/** A yes/no cell for a boolean field. */
export function yesNo(value: unknown): ReactNode {
  return <YesNo value={value} />;
}

/** A date cell in the user's locale ("-" when empty). */
export function dateCell(value: unknown): ReactNode {
  if (typeof value !== 'string' || !value) return '-';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : <Timestamp date={date} />;
}

/** A text cell: any value as plain text (never HTML). */
export function text(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
