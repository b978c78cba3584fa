import { SkipLink } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { listMemberChecks } from '../../api/memberChecks';
import { can, type Permission } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  to: string;
  label: string;
  permission: Permission;
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, role, signOut } = useSession();
  const navigate = useNavigate();
  // Terugkoppeling shows only for those a finding was published to.
  const memberChecks = useQuery({
    queryKey: ['member-checks'],
    queryFn: listMemberChecks,
    enabled: Boolean(session) && !session?.secondFactorSetupRequired,
    staleTime: 60_000,
  });
  const items: NavItem[] = [
    { to: '/dashboard', label: t('nav.dashboard'), permission: 'practiceDashboard' },
    {
      to: role === 'client' ? '/mijn-dossier' : '/huishoudens',
      label: role === 'client' ? t('nav.myFile') : t('nav.households'),
      permission: 'listHouseholds',
    },
    { to: '/hulpvragen', label: t('nav.helpRequests'), permission: 'listHelpRequests' },
    { to: '/matching', label: t('nav.matching'), permission: 'runMatching' },
    { to: '/steun-vastleggen', label: t('nav.quickLog'), permission: 'logSupport' },
    { to: '/mijn-hulp', label: t('nav.myHelp'), permission: 'myHelp' },
    ...(role === 'client' ? [{ to: '/hulpvragen/nieuw', label: t('nav.askForHelp'), permission: 'askForHelp' as const }] : []),
    { to: '/onderzoek', label: t('nav.research'), permission: 'research' },
    ...((memberChecks.data?.total ?? 0) > 0 ? [{ to: '/terugkoppeling', label: t('nav.memberCheck'), permission: 'memberCheck' as const }] : []),
    { to: '/beheer', label: t('nav.admin'), permission: 'admin' },
  ];
  const visible = items.filter((item) => can(role, item.permission));

  return (
    <div className="db-shell">
      <SkipLink href="#inhoud">{t('shell.skipToContent')}</SkipLink>
      <header className="db-header">
        <div className="db-header__bar">
          <a className="db-brand" href="/">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="32" height="32" focusable="false">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <circle cx="16" cy="16" r="4" fill="#fff" />
              <circle cx="16" cy="16" r="10" fill="none" stroke="#fff" strokeWidth="2" strokeDasharray="3 3" />
            </svg>
            <span className="db-brand__name">Dichtbij</span>
            <span className="db-brand__tagline">{t('shell.tagline')}</span>
          </a>
          <div className="db-header__tools">
            <LanguageSwitch />
            {session && (
              <>
                <span className="db-header__user">
                  <span className="db-visually-hidden">{t('shell.signedInAs')} </span>
                  {session.account.username}
                  <span className="db-header__role"> · {t(`roles.${session.account.role}`)}</span>
                </span>
                <button
                  type="button"
                  className="db-header__signout"
                  onClick={async () => {
                    await signOut();
                    navigate('/inloggen');
                  }}
                >
                  {t('shell.signOut')}
                </button>
              </>
            )}
          </div>
        </div>
        {visible.length > 0 && (
          <nav className="db-nav" aria-label={t('shell.mainNavigation')}>
            <ul>
              {visible.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="inhoud" className="db-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="db-footer">
        <p>
          {t('shell.footer')}
          {session && (
            <>
              {' '}
              <NavLink to="/tweede-factor" className="ams-link">
                {t('shell.secondFactor')}
              </NavLink>
            </>
          )}
        </p>
      </footer>
    </div>
  );
}
