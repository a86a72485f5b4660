import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

/** The survey's own tabs: keying, second pass, the forms, results, import. */
export function SurveyTabs() {
  const { t } = useTranslation();
  return (
    <nav className="survey-tabs" aria-label={t('survey.title')}>
      <NavLink to="/survey" end>{t('survey.tabs.key')}</NavLink>
      <NavLink to="/survey/verify">{t('survey.tabs.verify')}</NavLink>
      <NavLink to="/survey/forms">{t('survey.tabs.forms')}</NavLink>
      <NavLink to="/survey/results">{t('survey.tabs.results')}</NavLink>
      <NavLink to="/survey/import">{t('survey.tabs.import')}</NavLink>
    </nav>
  );
}
