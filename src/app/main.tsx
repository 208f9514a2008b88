// Composition root: language, storage, stores, service worker, then the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createStorage } from '../storage';
import { createImporter } from '../runtime/importer';
import { createTableQueries } from '../runtime/table-queries';
import { provideImportService } from '../stores/import-store';
import { provideTableQueryService } from '../stores/query-store';
import { connectAttachmentStore } from '../stores/attachment-store';
import { connectLinkStore } from '../stores/link-store';
import { connectTableStore } from '../stores/table-store';
import { connectWorkspaceStore } from '../stores/workspace-store';
import { App } from './app';
import { initI18n } from './i18n';
import { registerServiceWorker } from './pwa';
import './styles.css';

async function start(): Promise<void> {
  const i18n = await initI18n();
  const storage = createStorage();
  await connectWorkspaceStore(storage, i18n.t('workspace.defaultName'));
  connectTableStore(storage);
  connectLinkStore(storage);
  connectAttachmentStore(storage, { locale: () => i18n.language });
  provideTableQueryService(
    createTableQueries({ dbName: storage.connection.db.name, locale: () => i18n.language }),
  );
  provideImportService(createImporter(undefined, { dbName: storage.connection.db.name }));
  registerServiceWorker();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
