// A Web Test Runner command for tests that check what assistive technology is given:
// `executeServerCommand('ax-roles')` returns the role of every node in Chromium's full
// accessibility tree of the test page (through CDP; Playwright no longer has page.accessibility).
export function axRolesPlugin() {
  return {
    name: 'creditkit-ax-roles',
    async executeCommand({ command, session }) {
      if (command !== 'ax-roles') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes.filter((n) => !n.ignored).map((n) => n.role?.value ?? '');
      } finally {
        await cdp.detach();
      }
    },
  };
}
