import { Route, Routes } from 'react-router-dom';
import { PupilPage } from './pupil-page.js';
import './school.css';
import { WelfareOverviewPage } from './welfare-overview.js';

/** Koulupoissaolot: the student welfare group's view of a school and each pupil's page. */
export default function SchoolPage() {
  return (
    <Routes>
      <Route index element={<WelfareOverviewPage />} />
      <Route path="oppilas/:clientId" element={<PupilPage />} />
    </Routes>
  );
}
