import { Route, Routes } from 'react-router-dom';
import { ClientConsentsPage } from './client-consents.page.js';
import { InboxPage } from './inbox.page.js';
import { NewReferralPage } from './new-referral.page.js';
import { ReferralDetailPage } from './referral-detail.page.js';
import './referrals.css';

/** Referrals (lähetteet): incoming and outgoing inboxes, one referral, a new referral, and a client's consents. */
export default function ReferralsPage() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="uusi" element={<NewReferralPage />} />
      <Route path="asiakas/:clientId/suostumukset" element={<ClientConsentsPage />} />
      <Route path=":id" element={<ReferralDetailPage />} />
    </Routes>
  );
}
