/** The output formats of `mesos-matrix gate`, declared apart from the renderers so the command line loads none of them. */
export const GATE_FORMATS = ['text', 'json'] as const;
export type GateFormat = (typeof GATE_FORMATS)[number];
