import { Route, Routes } from 'react-router-dom';
import { FormsScreen } from './FormsScreen';
import { ImportScreen } from './ImportScreen';
import { KeyingScreen } from './KeyingScreen';
import { ResultsScreen } from './ResultsScreen';

/** The survey's screens under /survey. */
export function SurveyRoutes() {
  return (
    <Routes>
      <Route index element={<KeyingScreen pass={1} />} />
      <Route path="verify" element={<KeyingScreen pass={2} />} />
      <Route path="forms" element={<FormsScreen />} />
      <Route path="results" element={<ResultsScreen />} />
      <Route path="import" element={<ImportScreen />} />
    </Routes>
  );
}
