import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureClip } from '@/utils/capture';
import { publishCapture } from '@/utils/capture/handoff';

/** The converter, imported by the content script on the first clip (utils/capture/handoff.ts). */
export default defineUnlistedScript(() => publishCapture({ captureClip }));
