// `creditkit`: core + tokenizer + sdk. Importing it registers no element and touches no DOM global.
export * from './core/index.js';
export * from './tokenizer/index.js';
export * from './sdk/index.js';
