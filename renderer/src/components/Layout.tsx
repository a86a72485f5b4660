import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router-dom';
import { subscribe } from '../lib/api';
import { useAppStore } from '../stores/app-store';

/** The frame around every screen once the app is set up: title bar, unit, navigation. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const navigate = useNavigate();
  // The application menu (main process) asks for screens by path.
  useEffect(() => subscribe('menu:navigate', (path) => { if (typeof path === 'string') navigate(path); }), [navigate]);
  return (
    <div className="layout">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden>CCHC</span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        {identity && (
          <div className="unit-chip" data-testid="unit-chip">
            <strong>{identity.unitName}</strong> · {identity.unitCode} · {identity.year}
          </div>
        )}
      </header>
      <div className="body">
        <nav className="sidenav" aria-label={t('app.name')}>
          <NavLink to="/" end>{t('nav.home')}</NavLink>
          {identity?.role === 'commune' && (
            <>
              <NavLink to="/assessment" data-testid="nav-assessment">{t('nav.assessment')}</NavLink>
              <NavLink to="/survey">{t('survey.nav')}</NavLink>
              <NavLink to="/package" data-testid="nav-package">{t('package.nav.export')}</NavLink>
              <NavLink to="/keys" data-testid="nav-keys">{t('package.nav.keys')}</NavLink>
              <NavLink to="/framework">{t('nav.framework')}</NavLink>
            </>
          )}
          {/* The reviewing unit's own screens, in the order of its year; none of the commune's. */}
          {identity?.role === 'reviewer' && (
            <>
              <NavLink to="/roster" data-testid="nav-roster">{t('roster.nav')}</NavLink>
              <NavLink to="/review/enrolment" data-testid="nav-review-enrolment">{t('reviewEnrolment.nav')}</NavLink>
              <NavLink to="/review/import" data-testid="nav-review-import">{t('reviewImport.nav.import')}</NavLink>
              <NavLink to="/review/board" data-testid="nav-review-board">{t('reviewImport.nav.board')}</NavLink>
              <NavLink to="/review/appraisal" data-testid="nav-review-appraisal">{t('appraisal.nav')}</NavLink>
              <NavLink to="/review/report" data-testid="nav-review-report">{t('reviewReport.nav')}</NavLink>
              <NavLink to="/review/frameworks" data-testid="nav-review-frameworks">{t('reviewFrameworks.nav')}</NavLink>
              <NavLink to="/keys" data-testid="nav-keys">{t('nav.reviewerKey')}</NavLink>
            </>
          )}
          <NavLink to="/audit">{t('nav.audit')}</NavLink>
          <NavLink to="/backup" data-testid="nav-backup">{t('nav.backup')}</NavLink>
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
          <NavLink to="/about">{t('nav.about')}</NavLink>
        </nav>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
