// Weekly times as the API writes them: "mon-morning" … "sun-evening", 21
// parts of the week (docs/matching.md).
export const kDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const kDayParts = ['morning', 'afternoon', 'evening'] as const;

export type Day = (typeof kDays)[number];
export type DayPart = (typeof kDayParts)[number];

/** Every code in the API's order: Monday morning first. */
export const kSlots: string[] = kDays.flatMap((day) => kDayParts.map((part) => `${day}-${part}`));

export function parseSlot(code: string): { day: Day; part: DayPart } | undefined {
  const [day, part] = code.split('-');
  if (!kDays.includes(day as Day) || !kDayParts.includes(part as DayPart)) return undefined;
  return { day: day as Day, part: part as DayPart };
}

/** The codes in the week's order, each once; unknown codes are dropped. */
export function sortSlots(codes: readonly string[]): string[] {
  const chosen = new Set(codes);
  return kSlots.filter((slot) => chosen.has(slot));
}

/** Splits a comma-separated list typed by a person: trimmed, without blanks or repeats. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  for (const item of text.split(',')) {
    const trimmed = item.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}
