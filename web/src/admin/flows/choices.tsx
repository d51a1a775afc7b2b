import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { text } from '../kit/cells';
import type { Choice } from '../kit/resource';

/** The label of a choice's value, or the raw value when it is not one of them. */
export function choiceText(choices: Choice[], value: unknown, t: (key: MessageKey) => string): string {
  const choice = choices.find((c) => c.value === value);
  if (!choice) return text(value);
  return typeof choice.label === 'string' ? t(choice.label) : choice.label.text;
}

/** A select field's value shown by its label. */
export function ChoiceCell({ choices, value }: { choices: Choice[]; value: unknown }) {
  const { t } = useI18n();
  return <>{choiceText(choices, value, t)}</>;
}
