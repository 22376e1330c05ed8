// custom-elements.json, generated from the elements' JSDoc (@summary @slot @fires @csspart
// @cssproperty) by `cem analyze --litelement`; package.json's "customElements" points at it.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.strings.ts', 'src/elements/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
