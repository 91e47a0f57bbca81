import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage, sendMessage } from '@/utils/messaging';
import { startClipper } from '@/utils/page/clipper';
import './style.css';

export default defineContentScript({
  matches: ['https://github.com/*'],
  main(ctx) {
    const clipper = startClipper(document, (capture) => sendMessage('saveClip', capture), ctx.signal);
    ctx.onInvalidated(onMessage('clipSelection', () => clipper.clipSelection()));
  },
});
