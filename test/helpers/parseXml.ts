/** An element of a parsed XML document. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A strict well-formedness check of XML 1.0 as JUnit files use it (prolog, comments, elements,
 * quoted attributes, CDATA, the five entities and character references), so that a test can
 * tell that a report parses without an XML library. Throws with the offset of the first fault.
 */
export function parseXml(xml: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML at offset ${at}: ${what} (…${xml.slice(Math.max(0, at - 40), at + 40)}…)`);
  };
  const skipSpace = () => {
    while (/\s/.test(xml[at] ?? '')) at += 1;
  };
  const name = () => {
    NAME.lastIndex = at;
    const match = NAME.exec(xml);
    if (!match) fail('a name');
    at += (match as RegExpExecArray)[0].length;
    return (match as RegExpExecArray)[0];
  };
  const decode = (raw: string) =>
    raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail(`an unterminated reference ${whole}`);
      if (ref in ENTITIES) return ENTITIES[ref] as string;
      const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#([0-9]+)$/.exec(ref)?.[1];
      if (code === undefined) return fail(`an unknown entity &${ref};`);
      return String.fromCodePoint(Number.parseInt(code, ref.startsWith('#x') ? 16 : 10));
    });
  const past = (marker: string, what: string) => {
    const end = xml.indexOf(marker, at);
    if (end < 0) fail(what);
    at = end + marker.length;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (xml.startsWith('<?', at)) past('?>', 'the end of a processing instruction');
      else if (xml.startsWith('<!--', at)) past('-->', 'the end of a comment');
      else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[at] !== '<') fail("'<'");
    at += 1;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (xml[at] === '>') break;
      const key = name();
      skipSpace();
      if (xml[at] !== '=') fail("'=' after an attribute name");
      at += 1;
      skipSpace();
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") fail('a quoted attribute value');
      const end = xml.indexOf(quote as string, at + 1);
      if (end < 0) fail('the closing quote');
      const raw = xml.slice(at + 1, end);
      if (raw.includes('<')) fail("no '<' in an attribute value");
      if (key in attributes) fail(`attribute ${key} once`);
      attributes[key] = decode(raw);
      at = end + 1;
    }
    at += 1;
    const node: XmlElement = { name: tag, attributes, children: [], text: '' };
    for (;;) {
      if (xml.startsWith('</', at)) {
        at += 2;
        if (name() !== tag) fail(`</${tag}>`);
        skipSpace();
        if (xml[at] !== '>') fail("'>'");
        at += 1;
        return node;
      }
      if (xml.startsWith('<![CDATA[', at)) {
        const end = xml.indexOf(']]>', at);
        if (end < 0) fail('the end of CDATA');
        node.text += xml.slice(at + 9, end);
        at = end + 3;
      } else if (xml.startsWith('<!--', at)) past('-->', 'the end of a comment');
      else if (xml[at] === '<') node.children.push(element());
      else {
        const end = xml.indexOf('<', at);
        if (end < 0) fail(`</${tag}>`);
        node.text += decode(xml.slice(at, end));
        at = end;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (at !== xml.length) fail('nothing after the root element');
  return root;
}

/** Every element named `name` below `root`, depth first. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  return [...(root.name === name ? [root] : []), ...root.children.flatMap((child) => elementsNamed(child, name))];
}
