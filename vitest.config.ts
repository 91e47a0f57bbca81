import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          environmentOptions: {
            // Captured GitHub pages link GitHub's scripts and styles: a test document runs and loads none.
            happyDOM: {
              settings: {
                disableJavaScriptEvaluation: true,
                disableJavaScriptFileLoading: true,
                disableCSSFileLoading: true,
                handleDisabledFileLoadingAsSuccess: true,
              },
            },
          },
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/i18n.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          // A browser is slower than a unit test: give polled expectations time (a new tab, a worker waking up).
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          environment: 'node',
          include: ['test/e2e-firefox/**/*.test.ts'],
          // Starting Firefox and installing the add-on takes several seconds on a small machine.
          testTimeout: 60_000,
          hookTimeout: 90_000,
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
          // After the unit and Chromium projects, so two browsers never compete for the CPU.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
