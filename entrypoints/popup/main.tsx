import { startPopup } from './app';

startPopup('popup');
