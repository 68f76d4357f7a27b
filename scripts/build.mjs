// Builds the Apps Script bundle (dist/) and the local tools (build/dev/).
// Apps Script has no modules: the bundle is an IIFE assigned to one global, and each export of
// src/main.ts gets a top-level function that calls into it, so Apps Script can see it.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL_NAME = 'PinterestAdsAddon';

/** Export names of src/main.ts, from an ESM pass (the IIFE metafile lists none). */
async function exportNames() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'main.js',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

async function buildBundle() {
  const names = await exportNames();
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  const stubs = names
    .map((name) => `function ${name}(...args) {\n  return ${GLOBAL_NAME}.${name}(...args);\n}`)
    .join('\n');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/Code.js'), `${result.outputFiles[0].text}\n${stubs}\n`);
  copyFileSync(join(root, 'appsscript.json'), join(root, 'dist/appsscript.json'));
  return names;
}

/** The sidebar: its TypeScript bundled and inlined with its CSS into one HTML file. */
async function buildSidebar() {
  const script = await build({
    entryPoints: [join(root, 'src/ui/sidebar.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(join(root, 'src/ui/sidebar.css'), 'utf8');
  const html = readFileSync(join(root, 'src/ui/sidebar.html'), 'utf8')
    .replace('/*STYLE*/', () => css)
    .replace('/*SCRIPT*/', () => js);
  writeFileSync(join(root, 'dist/Sidebar.html'), html);
}

async function buildDevTools() {
  const tools = {
    'sandbox.cjs': 'dev/sandbox/cli.ts',
    'start.cjs': 'dev/start.ts',
    'bench.cjs': 'bench/refresh.ts',
  };
  await Promise.all(
    Object.entries(tools).map(([out, entry]) =>
      build({
        entryPoints: [join(root, entry)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        packages: 'external',
        outfile: join(root, 'build/dev', out),
        logLevel: 'warning',
      }),
    ),
  );
}

const started = Date.now();
const names = await buildBundle();
await buildSidebar();
await buildDevTools();
console.error(
  `built dist/Code.js (${names.length} entry points) and build/dev in ${Date.now() - started} ms`,
);
