import '@testing-library/jest-dom';
import { preloadAll } from '../../src/app/onDemand';

// The tab's on-demand chunks (src/app/onDemand.tsx) are loaded up front, so the component tests
// render dialogs synchronously, as before; test/web/src/app/onDemand.test.tsx covers the loading.
beforeAll(() => preloadAll());
