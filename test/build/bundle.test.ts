// The built bundle is what clasp pushes: these tests load dist/Code.js as Apps Script would (a
// plain script, no modules) and check that every entry point is a global that reaches the code.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const BUNDLE = join(__dirname, '..', '..', 'dist', 'Code.js');
const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'showConnectDialog',
  'authCallback',
  'getConnection',
  'getConnectUrl',
  'disconnectPinterest',
  'listAdAccounts',
  'listReports',
  'saveReport',
  'createDefaultReport',
  'refreshReport',
  'refreshAllReports',
];

function emptyProperties(initial: Record<string, string> = {}) {
  const values = new Map<string, string>(Object.entries(initial));
  return {
    getProperty: (key: string) => values.get(key) ?? null,
    setProperty: (key: string, value: string) => values.set(key, value),
    deleteProperty: (key: string) => values.delete(key),
    getKeys: () => [...values.keys()],
  };
}

function load(scriptProperties: Record<string, string> = {}): vm.Context {
  const menuItems: string[] = [];
  const script = emptyProperties(scriptProperties);
  const context = vm.createContext({
    console,
    PropertiesService: {
      getScriptProperties: () => script,
      getDocumentProperties: emptyProperties,
      getUserProperties: emptyProperties,
    },
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({}),
      getUi: () => {
        const menu = {
          addItem: (_: string, fn: string) => (menuItems.push(fn), menu),
          addToUi: () => undefined,
        };
        return { createAddonMenu: () => menu };
      },
    },
    menuItems,
  });
  vm.runInContext(readFileSync(BUNDLE, 'utf8'), context, { filename: 'Code.js' });
  return context;
}

describe('the Apps Script bundle', () => {
  it('uses no module syntax, which Apps Script cannot run', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it.each(ENTRY_POINTS)('defines %s as a top-level function', (name) => {
    expect(typeof load()[name]).toBe('function');
  });

  it('builds the add-on menu from onOpen with handlers that exist as globals', () => {
    const context = load();
    vm.runInContext('onOpen()', context);
    const handlers: string[] = context.menuItems;
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) expect(typeof context[handler]).toBe('function');
  });

  it('reaches the use cases: an unconfigured deployment names the property to set', () => {
    const result = vm.runInContext('getConnection()', load());
    expect(result.ok).toBe(true);
    expect(result.value.connected).toBe(false);
    expect(result.value.setupMessage).toMatch(/PINTEREST_CLIENT_ID and PINTEREST_CLIENT_SECRET/);
  });

  it('says what to do when the OAuth2 library did not load, instead of failing blank', () => {
    const configured = load({ PINTEREST_CLIENT_ID: '1', PINTEREST_CLIENT_SECRET: 's' });
    const result = vm.runInContext('getConnection()', configured);
    expect(result.ok).toBe(false);
    expect(result.error.message).toMatch(/OAuth2 library .* did not load\. Reload/);
  });
});
