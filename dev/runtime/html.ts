// HtmlService stand-in: HtmlOutput, HTML files next to the bundle, and templates whose scriptlets
// run in the current execution's context (so `<?!= include('x') ?>` can call bundle functions).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { Env } from './env';

export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

export class HtmlOutput {
  #content: string;
  #title = '';
  #width = 600;
  #height = 400;
  #xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;

  constructor(content: string) {
    this.#content = content;
  }

  append(addedContent: unknown): HtmlOutput {
    this.#content += String(addedContent ?? '');
    return this;
  }

  getContent(): string {
    return this.#content;
  }

  setTitle(title: unknown): HtmlOutput {
    this.#title = String(title);
    return this;
  }

  getTitle(): string {
    return this.#title;
  }

  setWidth(width: number): HtmlOutput {
    this.#width = Number(width);
    return this;
  }

  setHeight(height: number): HtmlOutput {
    this.#height = Number(height);
    return this;
  }

  setXFrameOptionsMode(mode: string): HtmlOutput {
    this.#xFrameOptionsMode = String(mode);
    return this;
  }

  /** Host-side view for the Ui stand-in and for tests. */
  static describe(output: HtmlOutput) {
    return {
      title: output.#title,
      content: output.#content,
      width: output.#width,
      height: output.#height,
      xFrameOptionsMode: output.#xFrameOptionsMode,
    };
  }
}

const escapeHtml = (value: unknown) =>
  value === undefined || value === null
    ? ''
    : String(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
const raw = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Turns `<? code ?>`, `<?= escaped ?>` and `<?!= raw ?>` into the body of a function. */
function compileTemplate(source: string): string {
  let code = '';
  let rest = source;
  while (rest.length > 0) {
    const start = rest.indexOf('<?');
    if (start < 0) {
      code += `__out += ${JSON.stringify(rest)};\n`;
      break;
    }
    code += `__out += ${JSON.stringify(rest.slice(0, start))};\n`;
    const end = rest.indexOf('?>', start + 2);
    if (end < 0) throw new Error('Unterminated scriptlet');
    const body = rest.slice(start + 2, end);
    if (body.startsWith('!=')) code += `__out += __raw(${body.slice(2)});\n`;
    else if (body.startsWith('=')) code += `__out += __escape(${body.slice(1)});\n`;
    else code += `${body}\n`;
    rest = rest.slice(end + 2);
  }
  return code;
}

export class HtmlTemplate {
  readonly #env: Env;
  readonly #source: string;

  constructor(env: Env, source: string) {
    this.#env = env;
    this.#source = source;
  }

  getRawContent(): string {
    return this.#source;
  }

  /** Template properties set by the bundle are visible to the scriptlets as variables. */
  evaluate(): HtmlOutput {
    const context = this.#env.execution?.context;
    if (!context) throw new Error('HtmlTemplate.evaluate() needs a running execution');
    const scope: Record<string, unknown> = {};
    for (const key of Object.keys(this)) scope[key] = (this as Record<string, unknown>)[key];
    const body = compileTemplate(this.#source);
    const wrapped = `(function (__scope, __escape, __raw) {
      with (__scope) { let __out = '';\n${body}\nreturn __out; }
    })`;
    const render = vm.runInContext(wrapped, context) as (...args: unknown[]) => string;
    return new HtmlOutput(render(scope, escapeHtml, raw));
  }
}

export function createHtmlService(env: Env) {
  const readFile = (name: unknown): string => {
    const base = String(name).replace(/\.html$/, '');
    const file = path.join(env.bundleDir, `${base}.html`);
    if (base.includes('/') || base.includes('\\') || !fs.existsSync(file)) {
      env.fail(`No HTML file named ${base} was found.`);
    }
    return fs.readFileSync(file, 'utf8');
  };
  return {
    XFrameOptionsMode,
    createHtmlOutput: (html?: unknown) => new HtmlOutput(html === undefined ? '' : String(html)),
    createHtmlOutputFromFile: (filename: unknown) => new HtmlOutput(readFile(filename)),
    createTemplateFromFile: (filename: unknown) => new HtmlTemplate(env, readFile(filename)),
    createTemplate: (html: unknown) => new HtmlTemplate(env, String(html)),
  };
}
