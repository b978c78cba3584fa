import { Alert, Button, ErrorMessage, Field, Heading, Label, Paragraph, PasswordInput, TextInput } from '@amsterdam/design-system-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, NetworkError } from '../../api/client';
import { signIn, type Role } from '../../api/session';
import { homePath } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';

type Step = 'password' | 'code';

export function SignIn() {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const session = await signIn({ username, password, ...(step === 'code' ? { code } : {}) });
      setSession(session);
      const from = (location.state as { from?: string } | null)?.from;
      if (session.secondFactorSetupRequired) navigate('/tweede-factor', { replace: true });
      else navigate(from && from !== '/inloggen' ? from : homePath(session.account.role as Role), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem?.code === 'secondFactorRequired') {
        setStep('code');
      } else if (caught instanceof ApiError && caught.problem?.code === 'secondFactorWrong') {
        setError(t('signIn.codeWrong'));
      } else if (caught instanceof ApiError && caught.status === 429) {
        setError(t('signIn.locked'));
      } else if (caught instanceof ApiError && caught.status === 401) {
        setError(t('signIn.wrong'));
      } else if (caught instanceof NetworkError) {
        setError(t('errors.network'));
      } else {
        setError(t('errors.unknown'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="db-signin">
      <Heading level={1}>{t('signIn.heading')}</Heading>
      <Paragraph className="db-lead">{t('signIn.intro')}</Paragraph>
      {error && (
        <Alert heading={t('signIn.failed')} headingLevel={2} severity="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <form onSubmit={submit} className="db-form" noValidate>
        {step === 'password' ? (
          <>
            <Field>
              <Label htmlFor="username">{t('signIn.username')}</Label>
              <TextInput
                id="username"
                name="username"
                autoComplete="username"
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            </Field>
            <Field>
              <Label htmlFor="password">{t('signIn.password')}</Label>
              <PasswordInput
                id="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </Field>
          </>
        ) : (
          <Field invalid={error !== null}>
            <Label htmlFor="code">{t('signIn.code')}</Label>
            <Paragraph size="small" id="code-hint">
              {t('signIn.codeHint')}
            </Paragraph>
            {error && <ErrorMessage id="code-error">{error}</ErrorMessage>}
            <TextInput
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
              value={code}
              autoFocus
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
            />
          </Field>
        )}
        <Button type="submit" disabled={busy}>
          {step === 'password' ? t('signIn.submit') : t('signIn.verify')}
        </Button>
      </form>
    </div>
  );
}
