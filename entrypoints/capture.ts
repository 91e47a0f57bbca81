import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureClip } from '@/utils/capture';
import { handOver } from '@/utils/page/scripts';

/** The converter, imported by the clipper when a clip button is pressed (utils/page/scripts.ts). */
export default defineUnlistedScript(() => handOver('capture', { captureClip }));
