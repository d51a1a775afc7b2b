import '@patternfly/react-core/dist/styles/base.css';
import './shared/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { I18nProvider } from './shared/i18n/i18n';
import { followColorScheme } from './shared/theme';

followColorScheme();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <App path={window.location.pathname} search={window.location.search} />
    </I18nProvider>
  </StrictMode>,
);
