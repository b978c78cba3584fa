import { Alert, Button, ErrorMessage, Field, Heading, Label, Paragraph, PasswordInput, TextInput } from '@amsterdam/design-system-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { confirmSecondFactor, enrolSecondFactor, type Role, type SecondFactorSecret } from '../../api/session';
import { homePath } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { QrCode } from '../../components/QrCode';

/**
 * Setting up the second factor a role requires (the server lets such a
 * session reach nothing else): the password again, then the secret for the
 * authenticator app, a code from it, and the recovery codes, shown once.
 */
export function SecondFactorSetup() {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [secret, setSecret] = useState<SecondFactorSecret | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function enrol(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setSecret(await enrolSecondFactor(password));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t('secondFactor.wrongPassword') : t('errors.unknown'));
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setRecoveryCodes((await confirmSecondFactor(code)).recoveryCodes);
    } catch {
      setError(t('signIn.codeWrong'));
    }
  }

  async function done() {
    await client.invalidateQueries({ queryKey: ['session'] });
    navigate(homePath(session?.account.role as Role), { replace: true });
  }

  return (
    <div className="db-signin">
      <Heading level={1}>{t('secondFactor.heading')}</Heading>
      <Paragraph className="db-lead">{session?.secondFactorSetupRequired ? t('secondFactor.intro') : t('secondFactor.introOptional')}</Paragraph>
      {!secret && (
        <form onSubmit={enrol} className="db-form" noValidate>
          <Field invalid={error !== null}>
            <Label htmlFor="sf-password">{t('signIn.password')}</Label>
            {error && <ErrorMessage>{error}</ErrorMessage>}
            <PasswordInput id="sf-password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          <Button type="submit">{t('secondFactor.start')}</Button>
        </form>
      )}
      {secret && !recoveryCodes && (
        <form onSubmit={confirm} className="db-form" noValidate>
          <ol className="db-steps">
            <li>{t('secondFactor.step1')}</li>
            <li>
              {t('secondFactor.step2')}
              <QrCode text={secret.otpauthUri} label={t('secondFactor.qrLabel')} />
              <code className="db-secret" data-testid="second-factor-secret">{secret.secret.match(/.{1,4}/g)?.join(' ')}</code>
            </li>
            <li>{t('secondFactor.step3')}</li>
          </ol>
          <Field invalid={error !== null}>
            <Label htmlFor="sf-code">{t('signIn.code')}</Label>
            {error && <ErrorMessage>{error}</ErrorMessage>}
            <TextInput id="sf-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
          </Field>
          <Button type="submit">{t('signIn.verify')}</Button>
        </form>
      )}
      {recoveryCodes && (
        <>
          <Alert heading={t('secondFactor.active')} headingLevel={2} severity="success">
            <Paragraph>{t('secondFactor.recoveryIntro')}</Paragraph>
          </Alert>
          <ul className="db-recovery-codes" aria-label={t('secondFactor.recoveryCodes')}>
            {recoveryCodes.map((recovery) => (
              <li key={recovery}>
                <code>{recovery}</code>
              </li>
            ))}
          </ul>
          <Button onClick={done}>{t('secondFactor.continue')}</Button>
        </>
      )}
    </div>
  );
}
