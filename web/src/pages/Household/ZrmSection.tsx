import { Button, Field, FieldSet, Heading, Label, Paragraph, Select } from '@amsterdam/design-system-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { createAssessment, fetchAssessments, type AssessmentInput } from '../../api/households';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { ChartWithTable } from '../../components/ChartWithTable';
import { LoadError, Loading } from '../../components/PageState';
import { formatDate, isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { newIdempotencyKey, sendIdempotent } from '../../lib/idempotentRetry';
import { kZrmDomains, zrmChart, zrmProfile } from './zrmData';

interface ZrmSectionProps {
  householdId: string;
  members: { id: string; name: string }[];
}

/** The self-reliance matrix (ZRM) of each member over time; only the domains scored. */
export function ZrmSection({ householdId, members }: ZrmSectionProps) {
  const { t, i18n } = useTranslation();
  const { role } = useSession();
  const { label } = useEnumLabels();
  const [personId, setPersonId] = useState(members[0]?.id ?? '');
  const [adding, setAdding] = useState(false);
  const assessments = useQuery({ queryKey: ['assessments', householdId], queryFn: () => fetchAssessments(householdId) });
  const view = useMemo(() => {
    const profile = zrmProfile((assessments.data?.items ?? []).filter((a) => a.personId === personId));
    if (profile.dates.length === 0) return null;
    return zrmChart(
      profile,
      (code) => label('zrmDomain', code),
      (score) => label('zrmScore', String(score)),
      (date) => formatDate(date, i18n.language),
    );
  }, [assessments.data, personId, label, i18n.language]);

  return (
    <section aria-labelledby="zrm-heading" className="db-section">
      <div className="db-section__head">
        <Heading level={2} id="zrm-heading">
          {t('zrm.heading')}
        </Heading>
        {can(role, 'editHousehold') && !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('zrm.add')}
          </Button>
        )}
      </div>
      <Paragraph>{t('zrm.intro')}</Paragraph>
      {members.length > 1 && (
        <Field>
          <Label htmlFor="zrm-person">{t('zrm.person')}</Label>
          <Select id="zrm-person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            {members.map((member) => (
              <Select.Option key={member.id} value={member.id}>
                {member.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      {adding && (
        <ZrmForm householdId={householdId} personId={personId} onDone={() => setAdding(false)} />
      )}
      {assessments.isPending ? (
        <Loading />
      ) : assessments.isError ? (
        <LoadError error={assessments.error} />
      ) : view ? (
        <ChartWithTable title={t('zrm.chartTitle')} description={t('zrm.chartDescription')} {...view} height={360} />
      ) : (
        <Paragraph>{t('zrm.empty')}</Paragraph>
      )}
    </section>
  );
}

function ZrmForm({ householdId, personId, onDone }: { householdId: string; personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { label, options } = useEnumLabels();
  const client = useQueryClient();
  const [date, setDate] = useState(isoToday());
  const [scores, setScores] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const filled = Object.entries(scores).filter(([, score]) => score !== '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (filled.length === 0) {
      setError(t('zrm.noneFilled'));
      return;
    }
    setBusy(true);
    setError(null);
    const input: AssessmentInput = {
      date,
      personId,
      scores: filled.map(([domain, score]) => ({ domain: domain as (typeof kZrmDomains)[number], score: Number(score) })),
    };
    try {
      await sendIdempotent((k) => createAssessment(householdId, input, k), key);
      await client.invalidateQueries({ queryKey: ['assessments', householdId] });
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="db-form-panel" aria-labelledby="zrm-form-heading">
      <Heading level={3} id="zrm-form-heading">
        {t('zrm.formHeading')}
      </Heading>
      <Paragraph size="small">{t('zrm.formIntro')}</Paragraph>
      {error && (
        <p className="db-error-text" role="alert">
          {error}
        </p>
      )}
      <Field>
        <Label htmlFor="zrm-date">{t('zrm.date')}</Label>
        <input id="zrm-date" className="ams-text-input" type="date" max={isoToday()} value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <FieldSet legend={t('zrm.scores')}>
        <div className="db-zrm-grid">
          {kZrmDomains.map((domain) => (
            <Field key={domain}>
              <Label htmlFor={`zrm-${domain}`}>{label('zrmDomain', domain)}</Label>
              <Select id={`zrm-${domain}`} value={scores[domain] ?? ''} onChange={(e) => setScores({ ...scores, [domain]: e.target.value })}>
                <Select.Option value="">{t('zrm.notScored')}</Select.Option>
                {options('zrmScore').map((option) => (
                  <Select.Option key={option.value} value={option.value}>
                    {option.value} {option.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      </FieldSet>
      <div className="db-inline">
        <Button type="submit" disabled={busy}>
          {t('zrm.save', { count: filled.length })}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}
