import { createRequire } from 'node:module';
import type { Builder } from 'junit-report-builder';

/**
 * A fresh JUnit report builder (junit-report-builder's default export is one shared builder;
 * `newBuilder()` gives one per report, so that renderers stay pure). Required on first use, not
 * imported: it loads lodash and xmlbuilder, which a `--format text` run should not pay for.
 * Only its string output (`build()`) is used, never its file writer.
 */
export function newJunitBuilder(): Builder {
  const shared = createRequire(import.meta.url)('junit-report-builder') as Builder;
  return shared.newBuilder();
}

/** The builder's `failure(message)` keeps one line well; the detail goes into the element's text. */
export type JunitTestCase = ReturnType<ReturnType<Builder['testSuite']>['testCase']>;

/**
 * Text the builder can put into XML whatever it holds. Characters XML 1.0 cannot carry (most
 * control characters) become U+FFFD instead of making xmlbuilder throw. And xmlbuilder 15 splits
 * only the first `]]>` of a CDATA section (`String.replace` with a string): every later one is
 * split here, leaving the first to it, so that a message cannot end the section early.
 */
export function junitText(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
  const legal = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
  const first = legal.indexOf(']]>');
  return first < 0 ? legal : legal.slice(0, first + 3) + legal.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}
