// SARIF rule metadata (reportingDescriptor, SARIF 2.1.0 §3.49): each rule's documentation page
// embedded as help (code scanning shows it beside an alert, with no link to follow), its "What"
// section as the full description, and a helpUri only where the project has a public home page.
import fs from 'node:fs';
import { packageRoot } from '../package-root';
import { ruleDocPath } from '../rules/support/docs-location';
import type { RuleMeta } from '../rules/support/rule-meta';
import { toolHomepage } from '../version';

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * The public base for links, from package.json `homepage`: only an https URL on a real host (a
 * build machine's file: path or an example.invalid placeholder would give every alert a dead link).
 */
export function publicHomepage(homepage: unknown = toolHomepage): string | undefined {
  if (typeof homepage !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(homepage);
  } catch {
    return undefined;
  }
  if (
    url.protocol !== 'https:' ||
    /(^|\.)(invalid|example|localhost|test)$/.test(url.hostname) ||
    /^example\.(com|org|net)$/.test(url.hostname)
  )
    return undefined;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

interface RuleDoc {
  markdown: string;
  what: string;
}

/** The page without its front matter, and the text of its `## What` section; undefined if absent. */
function readRuleDoc(id: string): RuleDoc | undefined {
  let text: string;
  try {
    text = fs.readFileSync(ruleDocPath(packageRoot(), id), 'utf8');
  } catch {
    return undefined;
  }
  const markdown = text
    .replace(/\r\n/g, '\n')
    .replace(/^---\n[\s\S]*?\n---\n+/, '')
    .trim();
  const what = /(?:^|\n)## What\n+([\s\S]*?)(?=\n## |(?![\s\S]))/.exec(markdown)?.[1].trim();
  return { markdown, what: what ?? '' };
}

export function sarifRule(rule: RuleMeta, homepage: string | undefined) {
  const doc = readRuleDoc(rule.id);
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: doc?.what || rule.description },
    help: doc ? { text: doc.markdown, markdown: doc.markdown } : { text: rule.description },
    ...(homepage ? { helpUri: new URL(`docs/rules/${rule.id}.md`, homepage).href } : {}),
    defaultConfiguration: { level: sarifLevel[rule.level] },
    properties: { fixable: rule.fixable },
  };
}

export { sarifLevel };
