import { useTranslation } from 'react-i18next';
import { parseSlot, sortSlots } from '../../lib/weekTimes';

/** Parts of the week as words: "dinsdag ochtend, donderdag middag". */
export function WeekTimes({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const words = sortSlots(codes).map((code) => {
    const slot = parseSlot(code);
    return slot ? `${t(`week.days.${slot.day}`)} ${t(`week.parts.${slot.part}`)}` : code;
  });
  return <>{words.length > 0 ? words.join(', ') : '—'}</>;
}
