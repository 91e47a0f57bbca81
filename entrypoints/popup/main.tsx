import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { startReading } from '@/components/popup/usePopupData';
import { downloadText } from '@/utils/download';
import { getSettings, setSettings } from '@/utils/settings';
import { createStore } from '@/utils/store';
import { CLIP_COMMAND } from '@/utils/triggers';
import '@/components/theme.css';
import './style.css';

const store = createStore();
const firstReads = startReading({ store, loadSettings: getSettings });

render(
  <PopupApp
    api={{
      store,
      firstReads,
      loadSettings: getSettings,
      selectTemplate: (templateId) => setSettings({ templateId }),
      shortcut: async () => (await browser.commands.getAll()).find((command) => command.name === CLIP_COMMAND)?.shortcut || undefined,
      copy: (text) => navigator.clipboard.writeText(text),
      download: (markdown, fileName) => downloadText(document, fileName, markdown, 'text/markdown'),
      openTab: async (url) => void (await browser.tabs.create({ url })),
      openOptions: () => browser.runtime.openOptionsPage(),
    }}
  />,
  document.getElementById('app')!,
);
