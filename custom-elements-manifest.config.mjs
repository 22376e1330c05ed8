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
      // Lit's `static properties = { x: { state: true } }` is internal reactive state, not an
      // attribute or public API; the analyzer lists it as both. Drop the attribute, mark it private.
      name: 'state-is-private',
      analyzePhase({ ts, node, moduleDoc }) {
        if (node.kind !== ts.SyntaxKind.ClassDeclaration || !node.name) return;
        const properties = node.members.find((m) => m.name?.getText() === 'properties' && m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword));
        const object = properties?.initializer;
        if (!object || !ts.isObjectLiteralExpression(object)) return;
        const state = object.properties
          .filter((p) => ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer))
          .filter((p) => p.initializer.properties.some((o) => o.name?.getText() === 'state' && o.initializer?.kind === ts.SyntaxKind.TrueKeyword))
          .map((p) => p.name.getText());
        if (!state.length) return;
        (moduleDoc.stateFields ??= {})[node.name.getText()] = state;
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          const stateFields = module.stateFields ?? {};
          delete module.stateFields;
          for (const declaration of module.declarations ?? []) {
            const state = new Set(stateFields[declaration.name] ?? []);
            if (!state.size) continue;
            declaration.attributes = (declaration.attributes ?? []).filter((a) => !state.has(a.fieldName ?? a.name));
            for (const member of declaration.members ?? []) if (state.has(member.name)) member.privacy = 'private';
          }
        }
      },
    },
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
