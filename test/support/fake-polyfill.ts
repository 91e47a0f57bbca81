export { fakeBrowser as default } from 'wxt/testing/fake-browser';
