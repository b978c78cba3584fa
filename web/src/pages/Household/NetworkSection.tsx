import { Button, Heading, Label, Paragraph } from '@amsterdam/design-system-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/PageState';
import { addDays, daysBetween, formatDate, isoToday } from '../../lib/dates';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { AddPersonForm } from './AddPersonForm';
import { Ecomap } from './Ecomap';
import { EcomapTable } from './EcomapTable';
import { PersonPanel } from './PersonPanel';
import { householdQueries } from './queries';

interface NetworkSectionProps {
  householdId: string;
  since: string;
  members: { id: string; name: string }[];
}

export function NetworkSection({ householdId, since, members }: NetworkSectionProps) {
  const { t, i18n } = useTranslation();
  const today = isoToday();
  const span = Math.max(1, daysBetween(since, today));
  const [offset, setOffset] = useState(span);
  const [date, setDate] = useState(today);
  const [selected, setSelected] = useState<string | null>(null);
  const { role } = useSession();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    // Moving the slider asks for a map only once it rests a moment.
    const timer = setTimeout(() => setDate(addDays(since, offset)), 200);
    return () => clearTimeout(timer);
  }, [offset, since]);
  const network = useQuery({ ...householdQueries.network(householdId, date), placeholderData: keepPreviousData });
  const shown = addDays(since, offset);

  return (
    <section aria-labelledby="network-heading" className="db-section">
      <div className="db-section__head">
        <Heading level={2} id="network-heading">
          {t('ecomap.heading')}
        </Heading>
        {can(role, 'addToNetwork') && !adding && (
          <Button variant="secondary" onClick={() => { setMessage(null); setAdding(true); }}>
            {t('network.addButton')}
          </Button>
        )}
      </div>
      <Paragraph>{t('ecomap.intro')}</Paragraph>
      <p role="status" className="db-confirmation">
        {message}
      </p>
      {adding && (
        <AddPersonForm
          householdId={householdId}
          members={members}
          onCancel={() => setAdding(false)}
          onDone={(name) => {
            setAdding(false);
            setOffset(span);
            setMessage(t('network.added', { name }));
          }}
        />
      )}
      <div className="db-slider">
        <Label htmlFor="ecomap-date">{t('ecomap.dateLabel')}</Label>
        <div className="db-slider__row">
          <input
            id="ecomap-date"
            type="range"
            min={0}
            max={span}
            step={1}
            value={offset}
            aria-valuetext={formatDate(shown, i18n.language)}
            onChange={(event) => setOffset(Number(event.target.value))}
          />
          <output htmlFor="ecomap-date" className="db-slider__value">
            {formatDate(shown, i18n.language)}
          </output>
          <Button variant="secondary" onClick={() => setOffset(span)} disabled={offset === span}>
            {t('ecomap.today')}
          </Button>
        </div>
      </div>
      {network.isPending ? (
        <Loading />
      ) : network.isError ? (
        <LoadError error={network.error} />
      ) : (
        <>
          <div className={selected ? 'db-ecomap db-ecomap--with-panel' : 'db-ecomap'}>
            <div className="db-ecomap__map">
              <Ecomap network={network.data} selected={selected} onSelect={setSelected} describedBy="ecomap-legend" />
              <Legend />
            </div>
            {selected && (
              <PersonPanel
                householdId={householdId}
                network={network.data}
                personId={selected}
                onClose={() => setSelected(null)}
              />
            )}
          </div>
          <Heading level={3} className="db-subheading">
            {t('ecomap.tableHeading')}
          </Heading>
          <EcomapTable network={network.data} id="ecomap-table" selected={selected} onSelect={(id) => {
            setSelected(id);
            requestAnimationFrame(() => document.getElementById('person-panel')?.focus());
          }} />
        </>
      )}
    </section>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <div id="ecomap-legend" className="db-legend">
      <p className="db-legend__title">{t('ecomap.legend.title')}</p>
      <ul>
        <li><span className="db-swatch db-swatch--member" aria-hidden="true" />{t('ecomap.legend.member')}</li>
        <li><span className="db-swatch db-swatch--informal" aria-hidden="true" />{t('ecomap.legend.informal')}</li>
        <li><span className="db-swatch db-swatch--formal" aria-hidden="true" />{t('ecomap.legend.formal')}</li>
        <li><span className="db-swatch db-swatch--organisation" aria-hidden="true" />{t('ecomap.legend.organisation')}</li>
        <li><span className="db-line db-line--strong" aria-hidden="true" />{t('ecomap.legend.strong')}</li>
        <li><span className="db-line db-line--ordinary" aria-hidden="true" />{t('ecomap.legend.ordinary')}</li>
        <li><span className="db-line db-line--tenuous" aria-hidden="true" />{t('ecomap.legend.tenuous')}</li>
        <li><span className="db-line db-line--stressful" aria-hidden="true" />{t('ecomap.legend.stressful')}</li>
        <li><span className="db-arrow" aria-hidden="true">→</span>{t('ecomap.legend.arrow')}</li>
        <li>{t('ecomap.legend.shapes')}</li>
      </ul>
    </div>
  );
}
