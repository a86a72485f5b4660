import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/identity';

export function RoleStep({ onChoose }: { onChoose(role: Role): void }) {
  const { t } = useTranslation();
  return (
    <div className="setup">
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      <p className="muted">{t('setup.step1')}</p>
      <div className="role-cards">
        <button type="button" className="role-card" onClick={() => onChoose('commune')} data-testid="role-commune" autoFocus>
          <span className="role-title">{t('roles.commune')}</span>
          <span className="role-hint">{t('roles.communeHint')}</span>
        </button>
        <button type="button" className="role-card" onClick={() => onChoose('reviewer')} data-testid="role-district">
          <span className="role-title">{t('roles.district')}</span>
          <span className="role-hint">{t('roles.districtHint')}</span>
        </button>
      </div>
    </div>
  );
}
