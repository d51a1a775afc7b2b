const UNIT_SECONDS: Record<string, number> = {
  weeks: 7 * 24 * 3600,
  days: 24 * 3600,
  hours: 3600,
  minutes: 60,
  seconds: 1,
  milliseconds: 0.001,
  microseconds: 0.000001,
};

/** Seconds in a duration of the reference product's format (`days=1;hours=2`); 0 for an empty or malformed one. */
export function parseDuration(text: string): number {
  let total = 0;
  for (const part of text.split(';')) {
    if (!part.trim()) continue;
    const match = /^\s*(\w+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match || !Object.hasOwn(UNIT_SECONDS, match[1])) return 0;
    total += Number(match[2]) * UNIT_SECONDS[match[1]];
  }
  return Math.floor(total);
}
