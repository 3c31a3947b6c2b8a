import type { GateResult } from '../core/gateResult.js';
import type { ReportFormat } from './formats.js';
import { renderGateText } from './renderGate.js';
import { renderGateGithub } from './renderGateGithub.js';
import { renderGateHtml } from './renderGateHtml.js';
import { renderGateJunit } from './renderGateJunit.js';
import { renderGateMarkdown } from './renderGateMarkdown.js';
import type { GateReportOptions } from './renderGateSummary.js';

export type { GateReportOptions };

/** `mesos-matrix gate` output by format; JSON is the result itself. A format missing here fails to compile. */
export const GATE_RENDERERS = {
  text: renderGateText,
  json: (result) => `${JSON.stringify(result, null, 2)}\n`,
  markdown: (result) => renderGateMarkdown(result),
  junit: (result) => renderGateJunit(result),
  github: renderGateGithub,
  html: (result) => renderGateHtml(result),
} as const satisfies Record<ReportFormat, (result: GateResult, options: GateReportOptions) => string>;
