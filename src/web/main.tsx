import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { forgetSessionOnUnauthorized } from './app/auth.js';
import { setupI18n } from './app/i18n.js';
import { createAppRouter } from './app/router.js';
import './styles.css';

const i18n = setupI18n();

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => forgetSessionOnUnauthorized(queryClient, error) }),
  mutationCache: new MutationCache({ onError: (error) => forgetSessionOnUnauthorized(queryClient, error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers will not change by asking again.
      retry: (failureCount, error) => {
        const status = (error as { status?: number }).status ?? 0;
        return failureCount < 2 && (status === 0 || status >= 500);
      },
    },
  },
});

// Server texts (service names, error messages) follow Accept-Language: refetch them in the new language.
i18n.on('languageChanged', () => void queryClient.invalidateQueries());

const router = createAppRouter();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
