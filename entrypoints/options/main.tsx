import { render } from 'preact';
import { browser } from 'wxt/browser';
import { connectionApi, settingsApi } from '@/components/options/api';
import { downloadText } from '@/utils/download';
import { Options } from '@/components/options/Options';
import { createBackupStore } from '@/utils/backup';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { createStore } from '@/utils/store';
import { pageSyncApi } from '@/utils/sync/page';
import 'github-markdown-css/github-markdown.css';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');

render(
  <Options
    api={{
      ...settingsApi,
      backup: createBackupStore(createStore().contents),
      download: (fileName, text) => downloadText(document, fileName, text),
      sync: pageSyncApi,
      connection: connectionApi(
        () => sendMessage('checkGitHubToken'),
        () => sendMessage('checkGitHubAccess'),
      ),
    }}
  />,
  document.getElementById('app')!,
);
