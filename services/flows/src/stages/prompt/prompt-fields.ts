/** A prompt as the prompt stage receives it from core. */
export interface PromptField {
  pk: string;
  name: string;
  field_key: string;
  label: string;
  type: string;
  required: boolean;
  placeholder: string;
  placeholder_expression: boolean;
  initial_value: string;
  initial_value_expression: boolean;
  sub_text: string;
  order: number;
}

/** Field types whose value comes from the server, never from the browser. */
export const SERVER_VALUED = new Set(['hidden', 'static', 'text_read_only', 'text_area_read_only']);
/** Field types that only decorate the form. */
export const DECORATIVE = new Set(['separator', 'static']);
export const CHOICE_TYPES = new Set(['radio-button-group', 'dropdown']);

const USERNAME = /^[\w.@+-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MAX_TEXT = 10_000;

/** A YYYY-MM-DD date that exists (no 30 February). */
function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The choices of a choice field: one per non-empty line of the placeholder. */
export function choicesOf(field: PromptField): string[] {
  return field.placeholder
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
}

/**
 * Checks one submitted value against its field type; answers the cleaned value or an error.
 * `undefined` means "not given".
 */
export function cleanValue(field: PromptField, raw: unknown, choices: string[] = choicesOf(field)): { value?: unknown; error?: string } {
  const empty = raw === undefined || raw === null || raw === '';
  if (empty) return field.required ? { error: 'This field is required.' } : {};
  switch (field.type) {
    case 'checkbox':
      if (typeof raw !== 'boolean') return { error: 'Must be true or false.' };
      if (field.required && !raw) return { error: 'This field is required.' };
      return { value: raw };
    case 'number': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(value) ? { value } : { error: 'A valid number is required.' };
    }
    case 'username':
      if (typeof raw !== 'string' || raw.length > 150 || !USERNAME.test(raw)) {
        return { error: 'Use at most 150 letters, digits and @ . + - _ characters.' };
      }
      return { value: raw };
    case 'email':
      return typeof raw === 'string' && raw.length <= 254 && EMAIL.test(raw) ? { value: raw } : { error: 'Enter a valid email address.' };
    case 'password':
      if (typeof raw !== 'string') return { error: 'Not a valid string.' };
      return raw.length <= 1024 ? { value: raw } : { error: 'Ensure this field has no more than 1024 characters.' };
    case 'date':
      return typeof raw === 'string' && isCalendarDate(raw) ? { value: raw } : { error: 'Enter a valid date.' };
    case 'date-time':
      return typeof raw === 'string' && DATE_TIME.test(raw) && isCalendarDate(raw.slice(0, 10)) && !Number.isNaN(Date.parse(raw))
        ? { value: raw }
        : { error: 'Enter a valid date/time.' };
    case 'radio-button-group':
    case 'dropdown':
      return typeof raw === 'string' && choices.includes(raw) ? { value: raw } : { error: 'Select a valid choice.' };
    case 'file':
      return typeof raw === 'string' && raw.startsWith('data:') && raw.length <= 512 * 1024
        ? { value: raw }
        : { error: 'Upload a file (at most 512 KiB).' };
    default:
      if (typeof raw !== 'string') return { error: 'Not a valid string.' };
      return raw.length <= MAX_TEXT ? { value: raw } : { error: `Ensure this field has no more than ${MAX_TEXT} characters.` };
  }
}
