import { useI18n } from '../../shared/i18n/i18n';
import { actionLabel } from './event-actions';

/** An event's action in words. */
export function ActionCell({ action }: { action: string }) {
  const { t } = useI18n();
  return <>{actionLabel(t, action)}</>;
}
