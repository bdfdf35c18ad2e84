import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { en } from '../i18n/en';
import { provideMessages } from '../i18n/useMessages';

// jsdom lacks the encoders react-router uses.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// jsdom has no matchMedia or ResizeObserver; Mantine asks for both when it mounts.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoResizeObserver });

// The interface's strings in English at once, before every test (a test may have switched to French):
// component tests need not wait for the language's chunk.
beforeEach(() => provideMessages('en', en));

// A busy shared machine (CI runs every workspace's tests at once) answers the fake API and re-renders
// slowly: the first find of a page that loads its route and data took over Testing Library's 1 s default.
// One wait for every component test, so no spec sets its own.
configure({ asyncUtilTimeout: 10_000 });
