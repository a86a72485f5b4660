import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from '@shared/identity';
import { Layout } from './components/Layout';
// Shared by both roles:
import { AboutScreen } from './features/about/AboutScreen';
import { AuditScreen } from './features/audit/AuditScreen';
import { BackupScreen } from './features/backup/BackupScreen';
import { RecoveryGate } from './features/backup/RecoveryGate';
import { FrameworkScreen } from './features/framework/FrameworkScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { KeysScreen } from './features/keys/KeysScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { SetupScreen } from './features/setup/SetupScreen';
// The commune's own (the reviewing unit's go in features/review/):
import { AssessmentScreen } from './features/commune/assessment/AssessmentScreen';
import { LoadScreen } from './features/commune/assessment/LoadScreen';
import { SummaryScreen } from './features/commune/assessment/SummaryScreen';
import { ExportScreen } from './features/commune/package/ExportScreen';
import { SurveyRoutes } from './features/commune/survey/SurveyRoutes';
// The reviewing unit's own:
import { RosterScreen } from './features/review/roster/RosterScreen';
import { FrameworksScreen } from './features/review/frameworks/FrameworksScreen';
import { BoardScreen } from './features/review/import/BoardScreen';
import { ImportScreen } from './features/review/import/ImportScreen';
import { ReportScreen } from './features/review/report/ReportScreen';
import { AppraisalList } from './features/review/appraisal/AppraisalList';
import { AppraisalScreen } from './features/review/appraisal/AppraisalScreen';
import { EnrolmentScreen } from './features/review/enrolment/EnrolmentScreen';
import { redirectFor } from './route-roles';
import { useAppStore } from './stores/app-store';

/** A damaged database shows the recovery screen instead of the app (features/backup). */
export function App() {
  return (
    <RecoveryGate>
      <MainApp />
    </RecoveryGate>
  );
}

function MainApp() {
  const { t } = useTranslation();
  const { status, identity, load, loadError } = useAppStore();
  useEffect(() => {
    void load();
  }, [load]);
  if (status === 'loading') return <div className="splash">{t('common.loading')}</div>;
  if (status === 'error')
    return (
      <div className="splash" role="alert">
        <p>{t('errors.INTERNAL')}</p>
        <pre className="details">{loadError}</pre>
        <button type="button" onClick={() => void load()}>{t('common.retry')}</button>
      </div>
    );
  return (
    <HashRouter>
      {identity === null ? (
        <Routes>
          <Route path="*" element={<SetupScreen />} />
        </Routes>
      ) : (
        <Layout>
          <Routes>
            {/* Who may open each path, and where the other role goes instead: route-roles.ts (every path here is in it). */}
            <Route element={<RoleGate role={identity.role} />}>
              <Route path="/" element={<HomeScreen />} />
              <Route path="/framework" element={<FrameworkScreen />} />
              <Route path="/assessment" element={<AssessmentScreen />} />
              <Route path="/assessment/load" element={<LoadScreen />} />
              <Route path="/assessment/summary" element={<SummaryScreen />} />
              <Route path="/keys" element={<KeysScreen />} />
              <Route path="/package" element={<ExportScreen />} />
              <Route path="/audit" element={<AuditScreen />} />
              <Route path="/roster" element={<RosterScreen />} />
              <Route path="/survey/*" element={<SurveyRoutes />} />
              <Route path="/review/import" element={<ImportScreen />} />
              <Route path="/review/board" element={<BoardScreen />} />
              <Route path="/review/report" element={<ReportScreen />} />
              <Route path="/review/appraisal" element={<AppraisalList />} />
              <Route path="/review/appraisal/:code" element={<AppraisalScreen />} />
              <Route path="/review/frameworks" element={<FrameworksScreen />} />
              <Route path="/review/enrolment" element={<EnrolmentScreen />} />
              <Route path="/settings" element={<SettingsScreen />} />
              <Route path="/backup" element={<BackupScreen />} />
              <Route path="/about" element={<AboutScreen />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        </Layout>
      )}
    </HashRouter>
  );
}

/**
 * The screens of the role set up here: a path of the other role's is replaced by this role's
 * equivalent (or Home) before anything of it is drawn (route-roles.ts). The layout route around
 * every screen: it renders the matched screen (Outlet) only when it is this role's.
 */
function RoleGate({ role }: { role: Role }) {
  const { pathname } = useLocation();
  const to = redirectFor(role, pathname);
  return to === null ? <Outlet /> : <Navigate to={to} replace />;
}
