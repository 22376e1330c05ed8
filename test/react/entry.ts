// What the creditkit/react test needs, bundled by esbuild (see web-test-runner.config.mjs).
export { default as React } from 'react';
export { default as ReactDOM } from 'react-dom';
export { createRoot } from 'react-dom/client';
export * from '../../src/react/index.js';
export { parseCatalog } from '../../src/core/index.js';
