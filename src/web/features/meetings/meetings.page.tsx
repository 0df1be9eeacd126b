import { Route, Routes } from 'react-router-dom';
import { ChecklistPage } from './checklist.page.js';
import { MeetingDetailPage } from './meeting-detail.page.js';
import { MeetingListPage } from './meeting-list.page.js';
import { PrepareMeetingPage } from './prepare-meeting.page.js';
import './meetings.css';

/** Network meetings (verkostopalaverit): prepare with the client, run with the agenda, record minutes → tasks. */
export default function MeetingsPage() {
  return (
    <Routes>
      <Route index element={<MeetingListPage />} />
      <Route path="uusi" element={<PrepareMeetingPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path=":id/muistilista" element={<ChecklistPage />} />
    </Routes>
  );
}
