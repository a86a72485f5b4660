import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';
import { useApiLoad } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';
import { NoKeyCard } from '../keys/NoKeyCard';
import { FrameworkOverview } from '../framework/FrameworkOverview';
import { CommuneChecklist } from './CommuneChecklist';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const { data: framework, error } = useApiLoad((api) => api.framework.active(), []);
  if (!identity) return null;
  const commune = identity.role === 'commune';
  const roleLabel = commune ? t('roles.communeShort') : identity.level === 'province' ? t('roles.provinceShort') : t('roles.districtShort');
  return (
    <div className="home" data-testid={commune ? 'home-commune' : 'home-reviewer'}>
      <h1>{identity.unitName}</h1>
      <p className="lead">
        {commune
          ? t('home.communeLead', { name: identity.unitName, year: identity.year })
          : t('home.reviewerLead', { name: identity.unitName, year: identity.year })}
      </p>
      <NoKeyCard />
      {commune && <CommuneChecklist />}
      <section className="card">
        <h2>{t('home.identity')}</h2>
        <dl className="facts" data-testid="identity-facts">
          <dt>{t('home.role')}</dt><dd>{roleLabel}</dd>
          <dt>{t('home.unitCode')}</dt><dd>{identity.unitCode}</dd>
          <dt>{t('home.province')}</dt><dd>{identity.provinceCode}</dd>
          {identity.reviewerCode && (<><dt>{t('home.reviewer')}</dt><dd>{identity.reviewerCode}</dd></>)}
          <dt>{t('home.year')}</dt><dd>{identity.year}</dd>
          {identity.officerName && (
            <><dt>{t('home.officer')}</dt><dd>{identity.officerName}{identity.officerTitle ? ` — ${identity.officerTitle}` : ''}</dd></>
          )}
          <dt>{t('home.since')}</dt><dd>{formatDateTime(identity.createdAt, i18n.language)}</dd>
        </dl>
      </section>
      <ErrorNotice error={error} />
      {framework && identity.framework && <FrameworkOverview framework={framework} sha256={identity.framework.sha256} />}
    </div>
  );
}
