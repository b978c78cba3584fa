import { Heading, Paragraph } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listMatches } from '../../api/matches';
import { LoadError, Loading } from '../../components/PageState';
import { ProfileSection } from './ProfileSection';
import { VolunteerMatch } from './VolunteerMatch';

/**
 * A volunteer's own part of matching: the matches a coordinator approved for
 * them (the request's essentials only, until they accept), and their profile.
 */
export function MyHelp() {
  const { t } = useTranslation();
  const matches = useQuery({ queryKey: ['matches', 'mine'], queryFn: () => listMatches({ pageSize: 100 }) });
  const open = (matches.data?.items ?? []).filter((match) => ['approved', 'accepted', 'active'].includes(match.status));
  return (
    <>
      <Heading level={1}>{t('myHelp.heading')}</Heading>
      <Paragraph className="db-lead">{t('myHelp.intro')}</Paragraph>
      <section aria-labelledby="my-matches-heading" className="db-block">
        <Heading level={2} id="my-matches-heading">
          {t('myHelp.matches')}
        </Heading>
        {matches.isPending ? (
          <Loading />
        ) : matches.isError ? (
          <LoadError error={matches.error} />
        ) : open.length === 0 ? (
          <Paragraph>{t('myHelp.noMatches')}</Paragraph>
        ) : (
          <ul className="db-cards">
            {open.map((match) => (
              <li key={match.id}>
                <VolunteerMatch match={match} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ProfileSection />
    </>
  );
}
