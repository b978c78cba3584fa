import { Button, Field, FieldSet, Heading, Label, Paragraph, TextArea } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { answerMemberCheck, answerValues, listMemberChecks, type AnswerValue, type MemberCheck as Check } from '../../api/memberChecks';
import { LoadError, Loading } from '../../components/PageState';

/**
 * Terugkoppeling: the findings researchers published to the stakeholder's
 * practice, each with the fragments it rests on, and three big answers with
 * a comment. Made for a phone; stakeholders hold any role.
 */
export function MemberCheck() {
  const { t } = useTranslation();
  const checks = useQuery({ queryKey: ['member-checks'], queryFn: listMemberChecks });
  return (
    <>
      <Heading level={1}>{t('memberCheck.heading')}</Heading>
      <Paragraph className="db-lead">{t('memberCheck.intro')}</Paragraph>
      {checks.isError ? (
        <LoadError error={checks.error} />
      ) : !checks.data ? (
        <Loading />
      ) : checks.data.items.length === 0 ? (
        <Paragraph>{t('memberCheck.none')}</Paragraph>
      ) : (
        checks.data.items.map((check) => <FindingCard key={check.id} check={check} />)
      )}
    </>
  );
}

function FindingCard({ check }: { check: Check }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const headingId = useId();
  const [answer, setAnswer] = useState<AnswerValue | ''>(check.answer?.answer ?? '');
  const [comment, setComment] = useState(check.answer?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: (value: AnswerValue) => answerMemberCheck(check.id, check.version, value, comment.trim()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['member-checks'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!answer) {
      setMissing(true);
      return;
    }
    setMissing(false);
    send.mutate(answer);
  }

  return (
    <article className="db-card db-member-check" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {check.title}
      </Heading>
      <Paragraph className="db-muted">
        {t('memberCheck.from', { project: check.projectName, version: check.version })}
      </Paragraph>
      <Paragraph>{check.text}</Paragraph>
      {check.fragments.length > 0 && (
        <section aria-label={t('memberCheck.fragments')}>
          <Heading level={3}>{t('memberCheck.fragments')}</Heading>
          {check.fragments.map((fragment, index) => (
            fragment.withheld ? (
              <Paragraph key={index} className="db-muted">{t('memberCheck.withheld')}</Paragraph>
            ) : (
              <blockquote key={index} className="db-quote">
                {fragment.text}
              </blockquote>
            )
          ))}
        </section>
      )}
      {check.answer ? (
        <p className="db-member-check__current" role="status">
          {t('memberCheck.yourAnswer', { answer: t(`memberCheck.answers.${check.answer.answer}`) })}
          {check.answer.comment ? ` — ${check.answer.comment}` : ''}
        </p>
      ) : check.earlierAnswer ? (
        <p className="db-member-check__current">
          {t('memberCheck.revised', {
            version: check.earlierAnswer.version,
            answer: t(`memberCheck.answers.${check.earlierAnswer.answer}`),
          })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <FieldSet legend={t('memberCheck.question')} className="db-tiles" invalid={missing}>
          <div className="db-tiles__grid db-tiles__grid--3">
            {answerValues.map((value) => (
              <label key={value} className="db-tile">
                <input type="radio" name={`answer-${check.id}`} value={value} checked={answer === value} onChange={() => setAnswer(value)} />
                <span>{t(`memberCheck.answers.${value}`)}</span>
              </label>
            ))}
          </div>
          {missing && (
            <p className="db-error-text" role="alert">
              {t('memberCheck.chooseFirst')}
            </p>
          )}
        </FieldSet>
        <Field>
          <Label htmlFor={`${headingId}-comment`}>{t('memberCheck.comment')}</Label>
          <TextArea id={`${headingId}-comment`} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} />
        </Field>
        {send.isError && (
          <p className="db-error-text" role="alert">
            {send.error instanceof ApiError && send.error.status === 409 ? t('memberCheck.conflict') : send.error instanceof ApiError ? send.error.message : t('errors.network')}
          </p>
        )}
        <div className="db-form__actions">
          <Button type="submit" disabled={send.isPending}>
            {check.answer ? t('memberCheck.change') : t('memberCheck.send')}
          </Button>
        </div>
      </form>
    </article>
  );
}
