// `creditkit`: core + tokenizer + sdk. No element is registered by importing this.
export * from './core/index.js';
