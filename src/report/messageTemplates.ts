/** The parts of a cell a message is likely to repeat: host, built for, kind, module name. */
export interface MessageParts {
  readonly h: string;
  readonly b: string;
  readonly k: string;
  readonly m: string;
}

/**
 * Mesos's messages, deduplicated as templates: each cell's message with its module name, kind,
 * host and build release replaced by `{m}`, `{k}`, `{h}`, `{b}` (and a literal `{` by `{o}`, so
 * that expanding gives back exactly the message, whatever it contains). The 46,000 messages of
 * the whole history become a few dozen templates. The page expands them with the same rule.
 */
export function messageTemplates(): { readonly list: string[]; index(message: string, parts: MessageParts): number } {
  const list: string[] = [];
  const indexes = new Map<string, number>();
  return {
    list,
    index(message, parts) {
      const escaped = message.replaceAll('{', '{o}');
      let template = escaped;
      // Longest first: the module name holds the kind; host and build may be equal.
      for (const key of ['m', 'k', 'h', 'b'] as const) if (parts[key] !== '') template = template.replaceAll(parts[key], `{${key}}`);
      // A part that is itself a piece of a placeholder (a kind named `o`) would not come back: keep the message whole.
      if (expandTemplate(template, parts) !== message) template = escaped;
      let at = indexes.get(template);
      if (at === undefined) {
        at = list.push(template) - 1;
        indexes.set(template, at);
      }
      return at;
    },
  };
}

/** The inverse, as the page runs it: `{h}` back to the host, and so on. */
export function expandTemplate(template: string, parts: MessageParts): string {
  return template.replace(/\{([hbkmo])\}/g, (_, key: 'h' | 'b' | 'k' | 'm' | 'o') => (key === 'o' ? '{' : parts[key]));
}
