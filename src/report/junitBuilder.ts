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
