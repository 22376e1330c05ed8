// custom-elements.json, generated from the elements' JSDoc (@summary @slot @fires @csspart
// @cssproperty) by `cem analyze --litelement`; package.json's "customElements" points at it.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.strings.ts', 'src/elements/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    {
      // The analyzer also lists `dispatchEvent(new SomeEvent(x))` under the name of x (`error`,
      // `diff`, or none): the elements fire only the credit-* events their JSDoc declares.
      name: 'only-declared-credit-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules)
          for (const declaration of module.declarations ?? [])
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('credit-'));
      },
    },
  ],
};
