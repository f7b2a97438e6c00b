// Expands VS Code snippet bodies the way the editor does when the user tabs through every stop and keeps
// each default: `$1`/`${1}` mirrors, `${1:default}` (nested too), `${1|a,b|}` (first choice, or the one a
// test picks), `${1/regex/format/options}` transforms applied to mirrors, `$0` removed, variables such as
// `$TM_FILENAME_BASE` replaced by fixed values, and `\$`, `\}`, `\\` escapes.
// Invariants: follows the grammar of VS Code's snippet parser (code-server 4.100's snippetParser: text
// that does not parse as a placeholder stays text); the in-editor suite checks the same bodies in VS Code.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'placeholder'; index: number; children: SnippetNode[]; choices?: string[]; transform?: Transform }
  | { kind: 'variable'; name: string; children: SnippetNode[]; hasDefault: boolean; transform?: Transform };

interface Transform {
  regexp: RegExp;
  format: FormatPart[];
}

type FormatPart =
  | { kind: 'text'; value: string }
  | { kind: 'group'; index: number; shorthand?: string; ifValue?: string; elseValue?: string };

export interface ExpandOptions {
  /** Which choice to take per tab stop (index into its options); the first otherwise. */
  choices?: Readonly<Record<number, number>>;
  /** Text typed over a tab stop's default (its mirrors follow). */
  values?: Readonly<Record<number, string>>;
  /** Values of snippet variables; a few file variables have fixed defaults. */
  variables?: Readonly<Record<string, string>>;
}

const defaultVariables: Readonly<Record<string, string>> = {
  TM_FILENAME: 'main.bicep',
  TM_FILENAME_BASE: 'main',
  TM_DIRECTORY: '/workspace',
  TM_FILEPATH: '/workspace/main.bicep',
  RELATIVE_FILEPATH: 'main.bicep',
  WORKSPACE_NAME: 'workspace',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  CLIPBOARD: '',
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '01',
  UUID: '00000000-0000-0000-0000-000000000000',
};

/** Expands a snippet body (lines joined with `\n`) into the text the editor leaves after tabbing through. */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  const nodes = new Parser(text).parseAll();
  const defining = new Map<number, Extract<SnippetNode, { kind: 'placeholder' }>>();
  walk(nodes, (node) => {
    if (
      node.kind === 'placeholder' &&
      node.index !== 0 &&
      !defining.has(node.index) &&
      (node.children.length > 0 || node.choices)
    ) {
      defining.set(node.index, node);
    }
  });
  const values = new Map<number, string>();
  const valueOf = (index: number, stack: Set<number>): string => {
    const given = options.values?.[index];
    if (given !== undefined) return given;
    const cached = values.get(index);
    if (cached !== undefined) return cached;
    const definition = defining.get(index);
    if (!definition || stack.has(index)) return '';
    stack.add(index);
    const value = definition.choices
      ? (definition.choices[options.choices?.[index] ?? 0] ?? definition.choices[0]!)
      : render(definition.children, stack);
    stack.delete(index);
    values.set(index, value);
    return value;
  };
  const render = (list: readonly SnippetNode[], stack: Set<number>): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'placeholder': {
            if (node.index === 0) return render(node.children, stack);
            const value = valueOf(node.index, stack);
            return node.transform ? applyTransform(node.transform, value) : value;
          }
          case 'variable': {
            const known = options.variables?.[node.name] ?? defaultVariables[node.name];
            // VS Code turns an unknown variable into a placeholder holding its default, or its name.
            const value = known ?? (node.hasDefault ? render(node.children, stack) : node.name);
            return node.transform && known !== undefined ? applyTransform(node.transform, value) : value;
          }
        }
      })
      .join('');
  return render(nodes, new Set());
}

function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind !== 'text') walk(node.children, visit);
  }
}

function applyTransform(transform: Transform, value: string): string {
  let matched = false;
  let result = value.replace(transform.regexp, (...args: unknown[]) => {
    matched = true;
    return formatGroups(transform.format, args.slice(0, -2) as (string | undefined)[]);
  });
  if (!matched && transform.format.some((part) => part.kind === 'group' && part.elseValue !== undefined)) {
    result = formatGroups(transform.format, []);
  }
  return result;
}

function formatGroups(format: readonly FormatPart[], groups: readonly (string | undefined)[]): string {
  return format
    .map((part) => {
      if (part.kind === 'text') return part.value;
      const value = groups[part.index] ?? '';
      switch (part.shorthand) {
        case 'upcase':
          return value.toLocaleUpperCase();
        case 'downcase':
          return value.toLocaleLowerCase();
        case 'capitalize':
          return value ? value[0]!.toLocaleUpperCase() + value.slice(1) : '';
        default:
          break;
      }
      if (value && part.ifValue !== undefined) return part.ifValue;
      if (!value && part.elseValue !== undefined) return part.elseValue;
      return value;
    })
    .join('');
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseAll(): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    while (this.pos < this.text.length) nodes.push(this.parseOne(false));
    return mergeText(nodes);
  }

  /** One node; inside a placeholder a bare `}` ends it (the caller checks first). */
  private parseOne(inside: boolean): SnippetNode {
    const ch = this.text[this.pos]!;
    if (ch === '\\') {
      const next = this.text[this.pos + 1];
      if (next === '$' || next === '}' || next === '\\') {
        this.pos += 2;
        return { kind: 'text', value: next };
      }
      this.pos += 1;
      return { kind: 'text', value: '\\' };
    }
    if (ch === '$') {
      const start = this.pos;
      const node = this.tryDollar();
      if (node) return node;
      this.pos = start + 1;
      return { kind: 'text', value: '$' };
    }
    void inside;
    this.pos += 1;
    return { kind: 'text', value: ch };
  }

  private tryDollar(): SnippetNode | undefined {
    this.pos += 1; // '$'
    const simple = /^(\d+|[A-Za-z_][A-Za-z_0-9]*)/.exec(this.text.slice(this.pos));
    if (simple) {
      this.pos += simple[0].length;
      return /^\d/.test(simple[0])
        ? { kind: 'placeholder', index: Number(simple[0]), children: [] }
        : { kind: 'variable', name: simple[0], children: [], hasDefault: false };
    }
    if (this.text[this.pos] !== '{') return undefined;
    this.pos += 1;
    const head = /^(\d+|[A-Za-z_][A-Za-z_0-9]*)/.exec(this.text.slice(this.pos));
    if (!head) return undefined;
    this.pos += head[0].length;
    const isIndex = /^\d/.test(head[0]);
    const after = this.text[this.pos];
    if (after === '}') {
      this.pos += 1;
      return isIndex
        ? { kind: 'placeholder', index: Number(head[0]), children: [] }
        : { kind: 'variable', name: head[0], children: [], hasDefault: false };
    }
    if (after === ':') {
      this.pos += 1;
      const children: SnippetNode[] = [];
      while (this.pos < this.text.length && this.text[this.pos] !== '}') children.push(this.parseOne(true));
      if (this.text[this.pos] !== '}') return undefined;
      this.pos += 1;
      return isIndex
        ? { kind: 'placeholder', index: Number(head[0]), children: mergeText(children) }
        : { kind: 'variable', name: head[0], children: mergeText(children), hasDefault: true };
    }
    if (after === '|' && isIndex && Number(head[0]) > 0) {
      this.pos += 1;
      const choices = this.parseChoices();
      if (!choices) return undefined;
      return { kind: 'placeholder', index: Number(head[0]), children: [], choices };
    }
    if (after === '/') {
      this.pos += 1;
      const transform = this.parseTransform();
      if (!transform) return undefined;
      return isIndex
        ? { kind: 'placeholder', index: Number(head[0]), children: [], transform }
        : { kind: 'variable', name: head[0], children: [], hasDefault: false, transform };
    }
    return undefined;
  }

  /** `a,b\,c|}`: options separated by commas; `\,`, `\|`, `\\` are escapes. */
  private parseChoices(): string[] | undefined {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '\\' && [',', '|', '\\'].includes(this.text[this.pos + 1] ?? '')) {
        current += this.text[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        if (current === '') return undefined;
        options.push(current);
        current = '';
        this.pos += 1;
      } else if (ch === '|') {
        if (current === '' || this.text[this.pos + 1] !== '}') return undefined;
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += ch;
        this.pos += 1;
      }
    }
    return undefined;
  }

  /** `regex/format/options}`. */
  private parseTransform(): Transform | undefined {
    let regex = '';
    while (this.text[this.pos] !== '/') {
      if (this.pos >= this.text.length) return undefined;
      if (this.text[this.pos] === '\\' && this.text[this.pos + 1] === '/') {
        regex += '/';
        this.pos += 2;
      } else {
        regex += this.text[this.pos];
        this.pos += 1;
      }
    }
    this.pos += 1;
    const format: FormatPart[] = [];
    while (this.text[this.pos] !== '/') {
      if (this.pos >= this.text.length) return undefined;
      const ch = this.text[this.pos]!;
      if (ch === '\\' && (this.text[this.pos + 1] === '\\' || this.text[this.pos + 1] === '/')) {
        format.push({ kind: 'text', value: this.text[this.pos + 1]! });
        this.pos += 2;
      } else if (ch === '$') {
        const part = this.parseFormatGroup();
        format.push(part ?? { kind: 'text', value: '$' });
      } else {
        format.push({ kind: 'text', value: ch });
        this.pos += 1;
      }
    }
    this.pos += 1;
    const close = this.text.indexOf('}', this.pos);
    if (close < 0) return undefined;
    const flags = this.text.slice(this.pos, close);
    this.pos = close + 1;
    try {
      return { regexp: new RegExp(regex, flags), format };
    } catch {
      return undefined;
    }
  }

  private parseFormatGroup(): FormatPart | undefined {
    const start = this.pos;
    const fail = () => {
      this.pos = start + 1;
      return undefined;
    };
    this.pos += 1;
    const simple = /^\d+/.exec(this.text.slice(this.pos));
    if (simple) {
      this.pos += simple[0].length;
      return { kind: 'group', index: Number(simple[0]) };
    }
    if (this.text[this.pos] !== '{') return fail();
    this.pos += 1;
    const index = /^\d+/.exec(this.text.slice(this.pos));
    if (!index) return fail();
    this.pos += index[0].length;
    const group = Number(index[0]);
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return { kind: 'group', index: group };
    }
    if (this.text[this.pos] !== ':') return fail();
    this.pos += 1;
    const marker = this.text[this.pos];
    if (marker === '/') {
      const name = /^\/([A-Za-z_]+)\}/.exec(this.text.slice(this.pos));
      if (!name) return fail();
      this.pos += name[0].length;
      return { kind: 'group', index: group, shorthand: name[1] };
    }
    if (marker === '+' || marker === '-') {
      this.pos += 1;
      const value = this.until('}');
      if (value === undefined) return fail();
      return marker === '+'
        ? { kind: 'group', index: group, ifValue: value }
        : { kind: 'group', index: group, elseValue: value };
    }
    if (marker === '?') {
      this.pos += 1;
      const ifValue = this.until(':');
      const elseValue = ifValue === undefined ? undefined : this.until('}');
      if (ifValue === undefined || elseValue === undefined) return fail();
      return { kind: 'group', index: group, ifValue, elseValue };
    }
    const elseValue = this.until('}');
    if (elseValue === undefined) return fail();
    return { kind: 'group', index: group, elseValue };
  }

  /** Text up to `end`, with `\$`, `\}`, `\\` unescaped; any other escape fails, as in VS Code. */
  private until(end: string): string | undefined {
    let value = '';
    while (this.text[this.pos] !== end) {
      if (this.pos >= this.text.length) return undefined;
      const ch = this.text[this.pos]!;
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next !== '$' && next !== '}' && next !== '\\') return undefined;
        value += next;
        this.pos += 2;
      } else {
        value += ch;
        this.pos += 1;
      }
    }
    this.pos += 1;
    return value;
  }
}

function mergeText(nodes: SnippetNode[]): SnippetNode[] {
  const merged: SnippetNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.kind === 'text' && last?.kind === 'text')
      merged[merged.length - 1] = { kind: 'text', value: last.value + node.value };
    else merged.push(node);
  }
  return merged;
}

/** The tab stops of a body that offer choices, with their options. */
export function snippetChoices(body: string | readonly string[]): Map<number, string[]> {
  const nodes = new Parser(typeof body === 'string' ? body : body.join('\n')).parseAll();
  const found = new Map<number, string[]>();
  walk(nodes, (node) => {
    if (node.kind === 'placeholder' && node.choices && !found.has(node.index)) found.set(node.index, node.choices);
  });
  return found;
}
