import { Route, Routes } from 'react-router-dom';
import { ClientListPage } from './client-list.page.js';
import { ClientPage } from './client.page.js';
import { RegisterClientPage } from './register-client.page.js';
import './clients.css';

/** The clients module: search and caseload, registering, and one client's page with its tabs. */
export default function ClientsPage() {
  return (
    <Routes>
      <Route index element={<ClientListPage />} />
      <Route path="uusi" element={<RegisterClientPage />} />
      <Route path=":id/*" element={<ClientPage />} />
    </Routes>
  );
}
