import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api.tsx';
import { App } from './App.tsx';
import { LanguageProvider } from './i18n/context.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <ApiProvider>
        <App />
      </ApiProvider>
    </LanguageProvider>
  </StrictMode>,
);
