import { Alert, Button, DescriptionList, Field, FieldSet, Heading, Label, Paragraph, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  createCoding,
  fetchNote,
  listCodings,
  pseudonymiseNote,
  removeCoding,
  removeNote,
  type Coding,
  type FieldNote,
  type ResearchCode,
} from '../../api/research';
import { LoadError, Loading } from '../../components/PageState';
import { formatDate } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { newIdempotencyKey } from '../../lib/idempotentRetry';
import { codePointLength, segmentsOf, selectionInCodePoints, sliceCodePoints } from './codePoints';
import { buildCodeTree, codePath, flattenTree } from './codebookTree';
import { FormError, MemoPanel, ProjectHeader, projectPath, researchKeys, useCodes, usePracticeNames, useWho } from './shared';

const kNoColour = '#888888';

/** A note: its text with the codings drawn on it, coding a selection, memos, pseudonymisation. */
export function NotePage({ projectId, noteId }: { projectId: string; noteId: string }) {
  const { t, i18n } = useTranslation();
  const { label } = useEnumLabels();
  const { name: practiceName } = usePracticeNames();
  const { who } = useWho();
  const note = useQuery({ queryKey: researchKeys.note(projectId, noteId), queryFn: () => fetchNote(projectId, noteId) });
  const codings = useQuery({ queryKey: researchKeys.codings(projectId, noteId), queryFn: () => listCodings(projectId, noteId) });
  const codes = useCodes(projectId);
  if (note.isPending) return <Loading />;
  if (note.isError) return <LoadError error={note.error} />;
  const coded = (codings.data?.items.length ?? 0) > 0;
  const meta = (
    <>
      <ProjectHeader projectId={projectId} title={t('research.note.heading', { site: note.data.site, date: formatDate(note.data.observedOn, i18n.language) })} />
      <DescriptionList className="rs-note-meta">
        <DescriptionList.Term>{t('research.notes.practice')}</DescriptionList.Term>
        <DescriptionList.Description>{practiceName(note.data.practiceId)}</DescriptionList.Description>
        <DescriptionList.Term>{t('research.notes.perspective')}</DescriptionList.Term>
        <DescriptionList.Description>{label('perspective', note.data.perspective)}</DescriptionList.Description>
        <DescriptionList.Term>{t('research.note.author')}</DescriptionList.Term>
        <DescriptionList.Description>{who(note.data.authorId)}</DescriptionList.Description>
        {!note.data.withheld && (
          <>
            <DescriptionList.Term>{t('research.note.length')}</DescriptionList.Term>
            <DescriptionList.Description>{t('research.note.characters', { count: note.data.length ?? codePointLength(note.data.text) })}</DescriptionList.Description>
          </>
        )}
      </DescriptionList>
    </>
  );
  if (note.data.withheld) {
    return (
      <>
        {meta}
        <Withheld projectId={projectId} noteId={noteId} />
      </>
    );
  }
  return (
    <>
      {meta}
      {!coded && codings.isSuccess && (
        <p>
          <Link to={projectPath(projectId, `/notities/${noteId}/bewerken`)} className="ams-link">
            {t('research.notes.edit')}
          </Link>
        </p>
      )}
      {codings.isError ? (
        <LoadError error={codings.error} />
      ) : codes.isError ? (
        <LoadError error={codes.error} />
      ) : codings.isPending || codes.isPending ? (
        <Loading />
      ) : (
        <CodingWorkbench projectId={projectId} note={note.data} codings={codings.data.items} codes={codes.data.items} />
      )}
      <section aria-labelledby="rs-note-memos" className="db-section">
        <Heading level={2} id="rs-note-memos">
          {t('research.memos.heading')}
        </Heading>
        <MemoPanel projectId={projectId} target={{ noteId }} title={t('research.memos.onNote')} />
      </section>
      <Pseudonymise projectId={projectId} note={note.data} coded={coded} />
    </>
  );
}

/**
 * A note a linked household has withdrawn from research: the server sends
 * neither its text nor its links, and refuses to change or code it, as the
 * analyses and exports leave it out. Deleting it is what remains.
 */
function Withheld({ projectId, noteId }: { projectId: string; noteId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeNote(projectId, noteId),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: researchKeys.notes(projectId) });
      await navigate(projectPath(projectId, '/notities'));
    },
  });
  return (
    <Alert heading={t('research.note.withheldHeading')} headingLevel={2} severity="warning">
      <Paragraph>{t('research.note.withheld')}</Paragraph>
      <FormError error={remove.error} />
      <Button type="button" variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate()}>
        {t('research.note.remove')}
      </Button>
    </Alert>
  );
}

function CodingWorkbench({ projectId, note, codings, codes }: { projectId: string; note: FieldNote; codings: Coding[]; codes: ResearchCode[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { ownId, who } = useWho();
  const textRef = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [memoFor, setMemoFor] = useState<string | null>(null);
  const length = codePointLength(note.text);
  const codeById = useMemo(() => new Map(codes.map((code) => [code.id, code])), [codes]);
  const ordered = useMemo(() => flattenTree(buildCodeTree(codes)), [codes]);
  const colourOf = (codeId: string) => codeById.get(codeId)?.colour ?? kNoColour;
  const nameOf = (codeId: string) => codePath(codes, codeId) || codeId;
  const segments = useMemo(() => segmentsOf(note.text, codings.map((coding) => ({ id: coding.id, start: coding.start, end: coding.end }))), [note.text, codings]);
  const codingById = new Map(codings.map((coding) => [coding.id, coding]));

  // The fields follow the browser selection in the text, so a mouse user
  // sees the offsets and a keyboard user can type them instead.
  useEffect(() => {
    const follow = () => {
      if (!textRef.current) return;
      const offsets = selectionInCodePoints(textRef.current, document.getSelection(), note.text);
      if (offsets) {
        setStart(String(offsets.start));
        setEnd(String(offsets.end));
      }
    };
    document.addEventListener('selectionchange', follow);
    return () => document.removeEventListener('selectionchange', follow);
  }, [note.text]);

  const from = Number.parseInt(start, 10);
  const to = Number.parseInt(end, 10);
  const validRange = Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= length;
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: researchKeys.codings(projectId, note.id) }),
      client.invalidateQueries({ queryKey: researchKeys.analyses(projectId) }),
    ]);
  const apply = useMutation({
    mutationFn: async () => {
      const selected = textRef.current ? selectionInCodePoints(textRef.current, document.getSelection(), note.text) : null;
      const range = selected ?? (validRange ? { start: from, end: to } : null);
      if (!range) throw new Error(t('research.coding.noRange'));
      if (chosen.length === 0) throw new Error(t('research.coding.noCode'));
      for (const codeId of chosen) await createCoding(projectId, { noteId: note.id, codeId, start: range.start, end: range.end }, newIdempotencyKey());
      return chosen.length;
    },
    onSuccess: async (count) => {
      setMessage(t('research.coding.applied', { count }));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeCoding(projectId, id),
    onSuccess: async () => {
      setMessage(t('research.coding.removed'));
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    apply.mutate();
  };

  return (
    <section aria-labelledby="rs-coding" className="db-section">
      <Heading level={2} id="rs-coding">
        {t('research.coding.heading')}
      </Heading>
      <Paragraph id="rs-coding-help">{t('research.coding.help')}</Paragraph>
      <div ref={textRef} className="rs-note-text" tabIndex={0} role="region" aria-label={t('research.coding.text')} aria-describedby="rs-coding-help" data-testid="note-text">
        {segments.map((segment) => {
          if (segment.covering.length === 0) return <span key={segment.start}>{segment.text}</span>;
          const covering = segment.covering.map((id) => codingById.get(id)!).filter(Boolean);
          const title = covering.map((coding) => `${nameOf(coding.codeId)} (${who(coding.coderId)})`).join('; ');
          return (
            <mark
              key={segment.start}
              className={`rs-mark${covering.length > 1 ? ' rs-mark--overlap' : ''}`}
              style={{ '--rs-colour': colourOf(covering[covering.length - 1]!.codeId) } as CSSProperties}
              title={title}
            >
              {segment.text}
            </mark>
          );
        })}
      </div>
      <form onSubmit={submit} className="rs-coding-panel" aria-labelledby="rs-coding-form">
        <h3 id="rs-coding-form" className="db-visually-hidden">
          {t('research.coding.formHeading')}
        </h3>
        <FieldSet legend={t('research.coding.range')} className="rs-offsets-set">
          <div className="rs-offsets">
            <Field>
              <Label htmlFor="rs-coding-start">{t('research.coding.start')}</Label>
              <TextInput id="rs-coding-start" inputMode="numeric" value={start} onChange={(e) => setStart(e.target.value)} />
            </Field>
            <Field>
              <Label htmlFor="rs-coding-end">{t('research.coding.end', { length })}</Label>
              <TextInput id="rs-coding-end" inputMode="numeric" value={end} onChange={(e) => setEnd(e.target.value)} />
            </Field>
          </div>
          <p className="rs-preview" aria-live="polite">
            {validRange ? t('research.coding.preview', { text: sliceCodePoints(note.text, from, to) }) : t('research.coding.noPreview')}
          </p>
        </FieldSet>
        <FieldSet legend={t('research.coding.codes')}>
          {ordered.length === 0 ? (
            <Paragraph>
              {t('research.coding.noCodes')}{' '}
              <Link to={projectPath(projectId, '/codeboek')} className="ams-link">
                {t('research.nav.codebook')}
              </Link>
            </Paragraph>
          ) : (
            <div className="db-checks">
              {ordered.map((node) => (
                <label key={node.code.id} className="db-check" style={{ marginInlineStart: `${node.depth * 1.25}rem` }}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(node.code.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, node.code.id] : chosen.filter((id) => id !== node.code.id))}
                  />
                  <span className="rs-swatch" style={{ background: node.code.colour ?? kNoColour }} aria-hidden="true" />
                  {node.code.name}
                </label>
              ))}
            </div>
          )}
        </FieldSet>
        <FormError error={apply.error ?? remove.error} />
        <p role="status" className="db-muted">
          {message}
        </p>
        <div className="rs-actions">
          <Button type="submit" disabled={apply.isPending}>
            {t('research.coding.apply')}
          </Button>
        </div>
      </form>
      <Heading level={3}>{t('research.coding.existing', { count: codings.length })}</Heading>
      {codings.length === 0 ? (
        <Paragraph>{t('research.coding.none')}</Paragraph>
      ) : (
        <ul className="rs-fragments" aria-label={t('research.coding.existing', { count: codings.length })}>
          {[...codings]
            .sort((a, b) => a.start - b.start || a.end - b.end)
            .map((coding) => (
              <li key={coding.id} data-testid="coding">
                <span className="rs-swatch" style={{ background: colourOf(coding.codeId) }} aria-hidden="true" />
                <strong>{nameOf(coding.codeId)}</strong> <span className="db-muted">— {who(coding.coderId)} · {t('research.coding.at', { start: coding.start, end: coding.end })}</span>
                <blockquote className="rs-fragment-text">{sliceCodePoints(note.text, coding.start, coding.end)}</blockquote>
                <div className="db-inline">
                  {coding.coderId === ownId && (
                    <Button variant="tertiary" type="button" onClick={() => remove.mutate(coding.id)} aria-label={t('research.coding.removeLabel', { code: nameOf(coding.codeId), start: coding.start })}>
                      {t('research.coding.remove')}
                    </Button>
                  )}
                  <Button variant="tertiary" type="button" aria-expanded={memoFor === coding.id} onClick={() => setMemoFor(memoFor === coding.id ? null : coding.id)}>
                    {t('research.memos.onCodingToggle')}
                  </Button>
                </div>
                {memoFor === coding.id && <MemoPanel projectId={projectId} target={{ codingId: coding.id }} title={t('research.memos.onCoding')} />}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

function Pseudonymise({ projectId, note, coded }: { projectId: string; note: FieldNote; coded: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [names, setNames] = useState('');
  const [done, setDone] = useState('');
  const run = useMutation({
    mutationFn: () =>
      pseudonymiseNote(
        projectId,
        note.id,
        names
          .split('\n')
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    onSuccess: async (updated) => {
      client.setQueryData(researchKeys.note(projectId, note.id), updated);
      await client.invalidateQueries({ queryKey: researchKeys.notes(projectId) });
      setNames('');
      setDone(t('research.pseudonymise.done'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    run.mutate();
  };
  return (
    <section aria-labelledby="rs-pseudonymise" className="db-section">
      <Heading level={2} id="rs-pseudonymise">
        {t('research.pseudonymise.heading')}
      </Heading>
      <Paragraph>{coded ? t('research.pseudonymise.coded') : t('research.pseudonymise.intro')}</Paragraph>
      <form onSubmit={submit} className="db-form" noValidate>
        <Field>
          <Label htmlFor="rs-pseudonymise-names">{t('research.pseudonymise.names')}</Label>
          <TextArea id="rs-pseudonymise-names" rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
        </Field>
        <FormError error={run.error} />
        <p role="status" className="db-muted">
          {done}
        </p>
        <div className="rs-actions">
          <Button type="submit" variant="secondary" disabled={run.isPending}>
            {t('research.pseudonymise.button')}
          </Button>
        </div>
      </form>
    </section>
  );
}
