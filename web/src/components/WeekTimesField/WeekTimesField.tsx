import { ErrorMessage, FieldSet } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { kDayParts, kDays, sortSlots } from '../../lib/weekTimes';

interface WeekTimesFieldProps {
  id: string;
  legend: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** The 21 parts of the week as checkboxes, one row per day. */
export function WeekTimesField({ id, legend, value, onChange, error }: WeekTimesFieldProps) {
  const { t } = useTranslation();
  const chosen = new Set(value);
  const toggle = (slot: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(slot);
    else next.delete(slot);
    onChange(sortSlots([...next]));
  };
  return (
    <FieldSet legend={legend} invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined}>
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <div className="db-week">
        {kDays.map((day) => (
          <div key={day} className="db-week__day" role="group" aria-label={t(`week.days.${day}`)}>
            <span className="db-week__name" aria-hidden="true">
              {t(`week.days.${day}`)}
            </span>
            {kDayParts.map((part) => {
              const slot = `${day}-${part}`;
              return (
                <label key={slot} className="db-check">
                  <input type="checkbox" checked={chosen.has(slot)} onChange={(e) => toggle(slot, e.target.checked)} />
                  <span>
                    <span className="db-visually-hidden">{t(`week.days.${day}`)} </span>
                    {t(`week.parts.${part}`)}
                  </span>
                </label>
              );
            })}
          </div>
        ))}
      </div>
    </FieldSet>
  );
}
