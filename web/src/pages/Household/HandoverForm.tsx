import { Button, ErrorMessage, Field, Label, Select } from '@amsterdam/design-system-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementInput, fetchAgreementForUpdate, updateAgreement, type Agreement } from '../../api/agreements';
import { ApiError } from '../../api/client';
import type { NetworkNode } from '../../api/households';

interface HandoverFormProps {
  householdId: string;
  agreement: Agreement;
  candidates: NetworkNode[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Hands an agreement to someone else, typically from a professional to
 * someone from the household's network. The change quotes the agreement's
 * ETag, so a plan changed meanwhile by someone else is not overwritten.
 */
export function HandoverForm({ householdId, agreement, candidates, onDone, onCancel }: HandoverFormProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const options = candidates.filter((node) => node.id !== agreement.responsiblePersonId);
  const [to, setTo] = useState(options[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = `handover-${agreement.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { agreement: current, etag } = await fetchAgreementForUpdate(householdId, agreement.id);
      if (current.responsiblePersonId !== agreement.responsiblePersonId) {
        throw new ApiError(412, undefined, 'changed');
      }
      await updateAgreement(householdId, agreement.id, { ...agreementInput(current), responsiblePersonId: to }, etag);
      await client.invalidateQueries({ queryKey: ['agreements', householdId] });
      await client.invalidateQueries({ queryKey: ['agreement-history', householdId, agreement.id] });
      onDone(t('plan.handedOver', { name: options.find((o) => o.id === to)?.label ?? '' }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        setError(t('plan.changedMeanwhile'));
        await client.invalidateQueries({ queryKey: ['agreements', householdId] });
      } else {
        setError(caught instanceof ApiError ? caught.message : t('errors.network'));
      }
    } finally {
      setBusy(false);
    }
  }

  if (options.length === 0) return <p>{t('plan.noCandidates')}</p>;
  return (
    <form onSubmit={submit} className="db-handover-form">
      <Field invalid={error !== null}>
        <Label htmlFor={selectId}>{t('plan.handOverTo')}</Label>
        {error && <ErrorMessage>{error}</ErrorMessage>}
        <Select id={selectId} value={to} onChange={(e) => setTo(e.target.value)} autoFocus>
          {options.map((node) => (
            <Select.Option key={node.id} value={node.id}>
              {node.label} ({node.formal ? t('ecomap.formal') : t('ecomap.informal')})
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div className="db-inline">
        <Button type="submit" disabled={busy || !to}>
          {t('plan.handOver')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}
