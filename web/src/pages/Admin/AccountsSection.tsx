import { Button, Field, FieldSet, Heading, Label, Paragraph, Select, Table } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createAccount,
  fetchSecondFactorRoles,
  listAccounts,
  setAccountDisabled,
  setAccountPassword,
  setSecondFactorRoles,
  type Account,
  type AccountInput,
  type AccountRole,
} from '../../api/accounts';
import { listPractices } from '../../api/practices';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { formatDateTime } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { problemText } from '../../lib/problemText';

/** Accounts: add, see lockouts, disable and enable, give a new password. */
export function AccountsSection() {
  const { t, i18n } = useTranslation();
  const { label } = useEnumLabels();
  const { session } = useSession();
  const ownId = session?.account.id;
  const client = useQueryClient();
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: listAccounts });
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (account: Account) => setAccountDisabled(account.id, !account.disabled),
    onSuccess: async (account) => {
      setError(null);
      setNotice(t(account.disabled ? 'accounts.disabledNotice' : 'accounts.enabledNotice', { username: account.username }));
      await client.invalidateQueries({ queryKey: ['accounts'] });
    },
    onError: (caught) => setError(problemText(caught, t('errors.network'))),
  });
  const practiceName = (id: string | null) => practices.data?.items.find((practice) => practice.id === id)?.name ?? '';

  function state(account: Account): string {
    if (account.disabled) return t('accounts.disabled');
    if (account.lockedUntil) return t('accounts.lockedUntil', { time: formatDateTime(account.lockedUntil, i18n.language) });
    return t('accounts.active');
  }

  return (
    <section aria-labelledby="accounts-heading" className="db-section">
      <div className="db-section__head">
        <Heading level={2} id="accounts-heading">
          {t('accounts.heading')}
        </Heading>
        {!adding && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('accounts.add')}
          </Button>
        )}
      </div>
      <Paragraph>{t('accounts.intro')}</Paragraph>
      <div aria-live="polite">
        {notice && <p className="db-notice">{notice}</p>}
        {error && (
          <p className="db-error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      {adding && (
        <AccountForm
          onDone={(created) => {
            setAdding(false);
            if (created) setNotice(t('accounts.addedNotice', { username: created.username }));
          }}
        />
      )}
      {accounts.isPending ? (
        <Loading />
      ) : accounts.isError ? (
        <LoadError error={accounts.error} />
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--stack db-table--compact">
            <Table.Caption className="db-visually-hidden">{t('accounts.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('accounts.username')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('accounts.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('accounts.state')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('accounts.secondFactor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('accounts.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {accounts.data.items.map((account) => (
                <Table.Row key={account.id}>
                  <Table.HeaderCell scope="row">{account.username}</Table.HeaderCell>
                  <Table.Cell data-label={t('accounts.role')}>
                    {label('accountRole', account.role)}
                    {account.practiceId && ` · ${practiceName(account.practiceId)}`}
                  </Table.Cell>
                  <Table.Cell data-label={t('accounts.state')}>
                    {state(account)}
                    {account.failedSignIns > 0 && !account.disabled && ` (${t('accounts.failures', { count: account.failedSignIns })})`}
                  </Table.Cell>
                  <Table.Cell data-label={t('accounts.secondFactor')}>
                    {t(`accounts.factor.${account.secondFactor.state}`)}
                    {account.secondFactor.required && ` · ${t('accounts.factorRequired')}`}
                  </Table.Cell>
                  <Table.Cell data-label={t('accounts.actions')}>
                    <div className="db-inline">
                      {account.id !== ownId && (
                        <Button
                          variant="secondary"
                          disabled={toggle.isPending}
                          onClick={() => toggle.mutate(account)}
                          aria-label={t(account.disabled ? 'accounts.enableLabel' : 'accounts.disableLabel', { username: account.username })}
                        >
                          {t(account.disabled ? 'accounts.enable' : 'accounts.disable')}
                        </Button>
                      )}
                      <Button
                        variant="tertiary"
                        onClick={() => setResetting(resetting === account.id ? null : account.id)}
                        aria-expanded={resetting === account.id}
                        aria-label={t('accounts.newPasswordLabel', { username: account.username })}
                      >
                        {t('accounts.newPassword')}
                      </Button>
                    </div>
                    {resetting === account.id && (
                      <PasswordForm
                        account={account}
                        onDone={(saved) => {
                          setResetting(null);
                          if (saved) setNotice(t('accounts.passwordNotice', { username: account.username }));
                        }}
                      />
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <SecondFactorRoles />
    </section>
  );
}

const kRoles: AccountRole[] = ['admin', 'coordinator', 'professional', 'volunteer', 'researcher', 'client'];

function AccountForm({ onDone }: { onDone: (created?: Account) => void }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const client = useQueryClient();
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  const [input, setInput] = useState<AccountInput>({ username: '', role: 'professional', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: AccountInput = { ...input };
    if (body.role !== 'coordinator') delete body.practiceId;
    if (!body.personId) delete body.personId;
    try {
      const created = await createAccount(body);
      await client.invalidateQueries({ queryKey: ['accounts'] });
      onDone(created);
    } catch (caught) {
      setError(problemText(caught, t('errors.network')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="db-form-panel" aria-labelledby="account-form-heading">
      <Heading level={3} id="account-form-heading">
        {t('accounts.formHeading')}
      </Heading>
      {error && (
        <p className="db-error-text" role="alert">
          {error}
        </p>
      )}
      <Field>
        <Label htmlFor="account-username">{t('accounts.username')}</Label>
        <input id="account-username" className="ams-text-input" autoComplete="off" required value={input.username} onChange={(e) => setInput({ ...input, username: e.target.value })} />
      </Field>
      <Field>
        <Label htmlFor="account-role">{t('accounts.role')}</Label>
        <Select id="account-role" value={input.role} onChange={(e) => setInput({ ...input, role: e.target.value as AccountRole })}>
          {kRoles.map((role) => (
            <Select.Option key={role} value={role}>
              {label('accountRole', role)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {input.role === 'coordinator' && (
        <Field>
          <Label htmlFor="account-practice">{t('accounts.practice')}</Label>
          <Select id="account-practice" required value={input.practiceId ?? ''} onChange={(e) => setInput({ ...input, practiceId: e.target.value || undefined })}>
            <Select.Option value="">{t('accounts.choosePractice')}</Select.Option>
            {(practices.data?.items ?? []).map((practice) => (
              <Select.Option key={practice.id} value={practice.id}>
                {practice.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <Field>
        <Label htmlFor="account-person">{t('accounts.person')}</Label>
        <Paragraph size="small" id="account-person-hint">
          {t('accounts.personHint')}
        </Paragraph>
        <input id="account-person" className="ams-text-input" aria-describedby="account-person-hint" value={input.personId ?? ''} onChange={(e) => setInput({ ...input, personId: e.target.value.trim() || undefined })} />
      </Field>
      <Field>
        <Label htmlFor="account-password">{t('accounts.password')}</Label>
        <Paragraph size="small" id="account-password-hint">
          {t('accounts.passwordHint')}
        </Paragraph>
        <input id="account-password" className="ams-text-input" type="password" autoComplete="new-password" required aria-describedby="account-password-hint" value={input.password} onChange={(e) => setInput({ ...input, password: e.target.value })} />
      </Field>
      <div className="db-inline">
        <Button type="submit" disabled={busy}>
          {t('accounts.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone()}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}

function PasswordForm({ account, onDone }: { account: Account; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `password-${account.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await setAccountPassword(account.id, password);
      await client.invalidateQueries({ queryKey: ['accounts'] });
      onDone(true);
    } catch (caught) {
      setError(problemText(caught, t('errors.network')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="db-inline db-password-form" aria-label={t('accounts.newPasswordLabel', { username: account.username })}>
      {error && (
        <p className="db-error-text" role="alert">
          {error}
        </p>
      )}
      <Label htmlFor={id}>{t('accounts.password')}</Label>
      <input id={id} className="ams-text-input" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <Button type="submit" disabled={busy}>
        {t('accounts.setPassword')}
      </Button>
    </form>
  );
}

function SecondFactorRoles() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const client = useQueryClient();
  const current = useQuery({ queryKey: ['second-factor-roles'], queryFn: fetchSecondFactorRoles });
  const [chosen, setChosen] = useState<AccountRole[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const roles = chosen ?? current.data?.requiredRoles ?? [];
  const save = useMutation({
    mutationFn: () => setSecondFactorRoles(roles),
    onSuccess: async (saved) => {
      setChosen(null);
      setMessage({ text: t('accounts.rolesSaved', { count: saved.requiredRoles.length }), error: false });
      client.setQueryData(['second-factor-roles'], saved);
      await client.invalidateQueries({ queryKey: ['accounts'] });
    },
    onError: (caught) => setMessage({ text: problemText(caught, t('errors.network')), error: true }),
  });

  if (current.isPending) return <Loading />;
  if (current.isError) return <LoadError error={current.error} />;
  return (
    <form
      className="db-form-panel"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <FieldSet legend={t('accounts.rolesLegend')}>
        <Paragraph size="small">{t('accounts.rolesIntro')}</Paragraph>
        <div className="db-checks">
          {kRoles.map((role) => (
            <label key={role} className="db-check">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => setChosen(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
              />
              {label('accountRole', role)}
            </label>
          ))}
        </div>
      </FieldSet>
      <div aria-live="polite">
        {message && (
          <p className={message.error ? 'db-error-text' : 'db-notice'} role={message.error ? 'alert' : undefined}>
            {message.text}
          </p>
        )}
      </div>
      <Button type="submit" disabled={save.isPending || chosen === null}>
        {t('accounts.saveRoles')}
      </Button>
    </form>
  );
}
