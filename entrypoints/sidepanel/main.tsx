import { startPopup } from '../popup/app';

startPopup('panel');
