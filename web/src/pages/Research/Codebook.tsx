import {
  Button,
  ErrorMessage,
  Field,
  FileInput,
  Heading,
  InvalidFormAlert,
  Label,
  Paragraph,
  Select,
  Table,
  TextArea,
  TextInput,
} from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import {
  createCode,
  importCodebook,
  listCodebookChanges,
  removeCode,
  updateCode,
  type CodebookChange,
  type ResearchCode,
  type ResearchCodeInput,
} from '../../api/research';
import { LoadError, Loading } from '../../components/PageState';
import { formatDateTime } from '../../lib/dates';
import { newIdempotencyKey } from '../../lib/idempotentRetry';
import { buildCodeTree, flattenTree, subtreeIds, type CodeNode } from './codebookTree';
import { FormError, MemoPanel, ProjectHeader, researchKeys, useCodes, useWho } from './shared';

const kDefaultColour = '#888888';

/** The hierarchical codebook: codes to create, edit, move and remove, and every change made to it. */
export function Codebook({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const codes = useCodes(projectId);
  const roots = useMemo(() => buildCodeTree(codes.data?.items ?? []), [codes.data]);
  return (
    <>
      <ProjectHeader projectId={projectId} title={t('research.codebook.heading')} />
      <Paragraph className="db-lead">{t('research.codebook.intro')}</Paragraph>
      <section aria-labelledby="rs-codebook-tree" className="db-section">
        <Heading level={2} id="rs-codebook-tree">
          {t('research.codebook.tree')}
        </Heading>
        {codes.isPending ? (
          <Loading />
        ) : codes.isError ? (
          <LoadError error={codes.error} />
        ) : roots.length === 0 ? (
          <Paragraph>{t('research.codebook.empty')}</Paragraph>
        ) : (
          <CodeTree projectId={projectId} nodes={roots} roots={roots} />
        )}
      </section>
      <section aria-labelledby="rs-codebook-new" className="db-section">
        <Heading level={2} id="rs-codebook-new">
          {t('research.codebook.new')}
        </Heading>
        <CodeForm projectId={projectId} roots={roots} />
      </section>
      <ImportForm projectId={projectId} />
      <History projectId={projectId} codes={codes.data?.items ?? []} />
    </>
  );
}

function CodeTree({ projectId, nodes, roots }: { projectId: string; nodes: CodeNode[]; roots: CodeNode[] }) {
  return (
    <ul className="rs-tree" role="list">
      {nodes.map((node) => (
        <CodeItem key={node.code.id} projectId={projectId} node={node} roots={roots} />
      ))}
    </ul>
  );
}

function CodeItem({ projectId, node, roots }: { projectId: string; node: CodeNode; roots: CodeNode[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<'none' | 'edit' | 'memos'>('none');
  const remove = useMutation({
    mutationFn: () => removeCode(projectId, node.code.id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['research', 'project', projectId] }),
  });
  return (
    <li>
      <div className="rs-tree__item">
        <span className="rs-swatch" style={{ background: node.code.colour ?? kDefaultColour }} aria-hidden="true" />
        <span className="rs-tree__name">{node.code.name}</span>
        {node.code.description && <span className="db-muted">{node.code.description}</span>}
        <Button variant="tertiary" type="button" aria-expanded={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? 'none' : 'edit')}>
          {t('research.codebook.editCode', { name: node.code.name })}
        </Button>
        <Button variant="tertiary" type="button" aria-expanded={mode === 'memos'} onClick={() => setMode(mode === 'memos' ? 'none' : 'memos')}>
          {t('research.codebook.memos', { name: node.code.name })}
        </Button>
        <Button variant="tertiary" type="button" onClick={() => remove.mutate()}>
          {t('research.codebook.removeCode', { name: node.code.name })}
        </Button>
      </div>
      <FormError error={remove.error} />
      {mode === 'edit' && <CodeForm projectId={projectId} roots={roots} code={node.code} onDone={() => setMode('none')} />}
      {mode === 'memos' && <MemoPanel projectId={projectId} target={{ codeId: node.code.id }} title={t('research.memos.onCode', { name: node.code.name })} />}
      {node.children.length > 0 && <CodeTree projectId={projectId} nodes={node.children} roots={roots} />}
    </li>
  );
}

/** A new code, or a change to one: its name, meaning, colour and place in the tree. */
function CodeForm({ projectId, roots, code, onDone }: { projectId: string; roots: CodeNode[]; code?: ResearchCode; onDone?: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const prefix = code ? `rs-code-${code.id}` : 'rs-code-new';
  const empty: ResearchCodeInput = { name: '', description: '', colour: '#2e7d32' };
  const [input, setInput] = useState<ResearchCodeInput>(
    code ? { name: code.name, description: code.description ?? '', colour: code.colour ?? kDefaultColour, parentId: code.parentId } : empty,
  );
  const [key, setKey] = useState(newIdempotencyKey);
  const excluded = code ? subtreeIds(roots, code.id) : new Set<string>();
  const parents = flattenTree(roots).filter((node) => !excluded.has(node.code.id));
  const save = useMutation({
    mutationFn: () => {
      const body: ResearchCodeInput = { ...input, name: input.name.trim(), description: input.description?.trim() ?? '' };
      // The API refuses empty text: a field left empty is left out.
      if (!body.parentId) delete body.parentId;
      if (!body.description) delete body.description;
      return code ? updateCode(projectId, code.id, body) : createCode(projectId, body, key);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['research', 'project', projectId] });
      if (!code) {
        setInput(empty);
        setKey(newIdempotencyKey());
      }
      onDone?.();
    },
  });
  const update = (changes: Partial<ResearchCodeInput>) => {
    setKey(newIdempotencyKey());
    setInput({ ...input, ...changes });
  };
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="db-form" noValidate aria-label={code ? t('research.codebook.editCode', { name: code.name }) : t('research.codebook.new')}>
      <FormError error={save.error} />
      <div className="db-form__row">
        <Field invalid={Boolean(fieldError('name'))}>
          <Label htmlFor={`${prefix}-name`}>{t('research.codebook.name')}</Label>
          <TextInput id={`${prefix}-name`} value={input.name} onChange={(e) => update({ name: e.target.value })} />
        </Field>
        <Field invalid={Boolean(fieldError('colour'))}>
          <Label htmlFor={`${prefix}-colour`}>{t('research.codebook.colour')}</Label>
          <input id={`${prefix}-colour`} type="color" value={input.colour ?? kDefaultColour} onChange={(e) => update({ colour: e.target.value })} />
        </Field>
      </div>
      <Field invalid={Boolean(fieldError('description'))}>
        <Label htmlFor={`${prefix}-description`}>{t('research.codebook.description')}</Label>
        <TextArea id={`${prefix}-description`} rows={2} value={input.description ?? ''} onChange={(e) => update({ description: e.target.value })} />
      </Field>
      <Field invalid={Boolean(fieldError('parentId'))}>
        <Label htmlFor={`${prefix}-parent`}>{t('research.codebook.parent')}</Label>
        <Select id={`${prefix}-parent`} value={input.parentId ?? ''} onChange={(e) => update({ parentId: e.target.value || undefined })}>
          <Select.Option value="">{t('research.codebook.top')}</Select.Option>
          {parents.map((node) => (
            <Select.Option key={node.code.id} value={node.code.id}>
              {`${'— '.repeat(node.depth)}${node.code.name}`}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div className="rs-actions">
        <Button type="submit" disabled={save.isPending}>
          {code ? t('research.codebook.save') : t('research.codebook.create')}
        </Button>
        {onDone && (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t('research.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

// What the server says is wrong with a whole file, in the reader's words.
const kFileProblems: Record<string, string> = {
  'is not well-formed XML': 'research.import.notWellFormed',
  'is not valid against Codebook.xsd': 'research.import.notValid',
};

/**
 * A problem the server found in the file ("[kind: ]line N: message") with
 * the line first. The parser's own message stays as it wrote it.
 */
function placeInFile(reason: string, t: TFunction): string {
  const match = /^(?:(.+?): )?line (\d+): (.*)$/s.exec(reason);
  if (!match) return t('research.import.whole', { problem: reason });
  const [, kind, line, message] = match;
  const known = kind ? kFileProblems[kind] : undefined;
  const problem = known ? `${t(known)} (${message})` : kind ? `${kind}: ${message}` : message;
  return t('research.import.line', { line, problem });
}

/**
 * Reads a REFI-QDA codebook (.qdc) from a QDA program into the project's:
 * codes merge by name and place, and what the file did is counted. A file the
 * server refuses changes nothing; its problems (line and what is wrong) are
 * summarised above the form and linked to the file field.
 */
function ImportForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fileId = 'rs-qdc-file';
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const load = useMutation({
    mutationFn: (chosen: File) => importCodebook(projectId, chosen, key),
    onSuccess: async () => {
      setKey(newIdempotencyKey());
      await client.invalidateQueries({ queryKey: researchKeys.project(projectId) });
    },
  });
  const refused = load.error instanceof ApiError && load.error.status === 422 ? load.error : undefined;
  const problems = missing
    ? [t('research.import.missing')]
    : refused
      ? (refused.problem?.invalidParams ?? []).map((param) => placeInFile(param.reason, t))
      : [];
  if (refused && problems.length === 0) problems.push(refused.message);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    load.mutate(file);
  };
  // A link of the summary only scrolls to the field; a reader who follows it
  // expects to land in the field, so it gets the focus too.
  const focusLinkedField = (event: MouseEvent) => {
    const link = (event.target as Element).closest(`a[href="#${fileId}"]`);
    if (!link) return;
    event.preventDefault();
    document.getElementById(fileId)?.focus();
  };
  return (
    <section aria-labelledby="rs-codebook-import" className="db-section">
      <Heading level={2} id="rs-codebook-import">
        {t('research.import.heading')}
      </Heading>
      <Paragraph>{t('research.import.intro')}</Paragraph>
      <form onSubmit={submit} onClick={focusLinkedField} className="db-form" noValidate aria-labelledby="rs-codebook-import">
        {problems.length > 0 && (
          <InvalidFormAlert
            headingLevel={3}
            heading={t(missing ? 'research.import.notSent' : 'research.import.refused')}
            errorCountLabel={{ singular: t('research.import.errorSingular'), plural: t('research.import.errorPlural') }}
            errors={problems.map((label) => ({ id: `#${fileId}`, label }))}
          />
        )}
        {!refused && <FormError error={load.error} />}
        <Field invalid={problems.length > 0}>
          <Label htmlFor={fileId}>{t('research.import.file')}</Label>
          {problems.length > 0 && <ErrorMessage id={`${fileId}-error`}>{problems[0]}</ErrorMessage>}
          <FileInput
            id={fileId}
            accept=".qdc,application/xml,text/xml"
            aria-describedby={problems.length > 0 ? `${fileId}-error` : undefined}
            aria-invalid={problems.length > 0 || undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissing(false);
              setKey(newIdempotencyKey());
              load.reset();
            }}
          />
        </Field>
        <div className="rs-actions">
          <Button type="submit" variant="secondary" disabled={load.isPending}>
            {t('research.import.submit')}
          </Button>
        </div>
        <p role="status" className="db-muted">
          {load.data ? t('research.import.done', { created: load.data.created, updated: load.data.updated, unchanged: load.data.unchanged }) : ''}
        </p>
      </form>
    </section>
  );
}

function describe(change: CodebookChange, t: TFunction, nameOf: (id?: string) => string): string {
  const before = change.before;
  const after = change.after;
  if (change.change === 'created') return t('research.history.created', { name: after?.name ?? '' });
  if (change.change === 'removed') return t('research.history.removed', { name: before?.name ?? '' });
  const parts: string[] = [];
  if (before?.name !== after?.name) parts.push(t('research.history.renamed', { from: before?.name ?? '', to: after?.name ?? '' }));
  if ((before?.description ?? '') !== (after?.description ?? '')) parts.push(t('research.history.described'));
  if ((before?.colour ?? '') !== (after?.colour ?? '')) parts.push(t('research.history.recoloured', { from: before?.colour ?? '', to: after?.colour ?? '' }));
  if ((before?.parentId ?? '') !== (after?.parentId ?? '')) parts.push(t('research.history.moved', { to: nameOf(after?.parentId) }));
  return `${after?.name ?? ''}: ${parts.join('; ') || t('research.history.unchanged')}`;
}

function History({ projectId, codes }: { projectId: string; codes: ResearchCode[] }) {
  const { t, i18n } = useTranslation();
  const { who } = useWho();
  const changes = useQuery({ queryKey: researchKeys.changes(projectId), queryFn: () => listCodebookChanges(projectId) });
  const nameOf = (id?: string) => (id ? (codes.find((code) => code.id === id)?.name ?? id.slice(0, 8)) : t('research.codebook.top'));
  const rows = [...(changes.data?.items ?? [])].sort((a, b) => b.codebookVersion - a.codebookVersion);
  return (
    <section aria-labelledby="rs-codebook-history" className="db-section">
      <Heading level={2} id="rs-codebook-history">
        {t('research.history.heading')}
      </Heading>
      {changes.isPending ? (
        <Loading />
      ) : changes.isError ? (
        <LoadError error={changes.error} />
      ) : rows.length === 0 ? (
        <Paragraph>{t('research.history.none')}</Paragraph>
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--compact">
            <Table.Caption className="db-visually-hidden">{t('research.history.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('research.history.version')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.history.when')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.history.who')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.history.what')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((change) => (
                <Table.Row key={change.codebookVersion}>
                  <Table.HeaderCell scope="row">{change.codebookVersion}</Table.HeaderCell>
                  <Table.Cell>{formatDateTime(change.changedAt, i18n.language)}</Table.Cell>
                  <Table.Cell>{who(change.accountId)}</Table.Cell>
                  <Table.Cell>{describe(change, t, nameOf)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
