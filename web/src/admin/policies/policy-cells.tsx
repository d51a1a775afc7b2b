import { useI18n } from '../../shared/i18n/i18n';

/** How many bindings use a policy. */
export function BoundTo({ count }: { count: unknown }) {
  const { t } = useI18n();
  const n = typeof count === 'number' ? count : 0;
  return <>{t('admin.policies.boundToCount', { count: n })}</>;
}
