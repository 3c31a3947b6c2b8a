/**
 * A module manifest (`ModuleBase` + `create`) as read from a library, or as the table intends
 * it. String fields are `null` where the C pointer is NULL.
 */
export interface Manifest {
  readonly moduleApiVersion: string | null;
  readonly mesosVersion: string | null;
  readonly kind: string | null;
  readonly authorName: string | null;
  readonly authorEmail: string | null;
  readonly description: string | null;
  readonly compatible: CompatibleOutcome;
  /** Whether `create` is non-NULL (not checked by `verifyModule`, only at `create<T>()`). */
  readonly create: boolean;
}

/** What calling `compatible()` once did: Mesos calls it only when every earlier check passed. */
export type CompatibleOutcome =
  | { readonly present: false }
  | { readonly present: true; readonly returned: boolean }
  | { readonly present: true; readonly failed: 'crash' | 'timeout'; readonly detail: string };

export const MANIFEST_STRING_FIELDS = [
  'moduleApiVersion',
  'mesosVersion',
  'kind',
  'authorName',
  'authorEmail',
  'description',
] as const;
