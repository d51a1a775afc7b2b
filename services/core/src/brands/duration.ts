const UNIT_MS: Record<string, number> = {
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
  microseconds: 0.001,
};

/**
 * Milliseconds of a duration in the reference product's format, e.g. `days=365` or
 * `hours=1;minutes=30`. The format is validated where it is stored (brandWriteSchema);
 * anything unreadable here counts as zero.
 */
export function durationMs(text: string): number {
  let total = 0;
  for (const part of text.split(';')) {
    const [unit, value] = part.split('=');
    const ms = UNIT_MS[unit?.trim() ?? ''];
    const amount = Number(value);
    if (ms !== undefined && Number.isFinite(amount)) total += ms * amount;
  }
  return total;
}
