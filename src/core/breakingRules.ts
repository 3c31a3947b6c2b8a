/**
 * The rules that decide whether a build of a kind compiled against one release still works in
 * a host of another: one entry per way an interface can change, with whether it breaks a build
 * and why, in the one direction Mesos admits — a build of an older release B loaded into a
 * newer host H (a build newer than its host is refused by every release, loader-facts §5). The
 * host calls the build's object through the vtable layout of H's header; the object was laid
 * out by B's header. So the question is always "does every call H makes through H's layout
 * reach the function the build compiled for it, with the types it was compiled for?".
 *
 * A gate must never cry wolf: a change that breaks nothing is a rule too (`breaks: false`),
 * said once here with its reason, so that findings and `diff` can show why it is harmless.
 * References: the Itanium C++ ABI, "Virtual Table Layout" (https://itanium-cxx-abi.github.io/cxx-abi/abi.html#vtable),
 * and Mesos's own rule, docs/modules.md "Module Versioning and backwards compatibility".
 */
export const INTERFACE_RULE_CODES = [
  'structure-changed',
  'class-changed',
  'method-added',
  'method-removed',
  'signature-changed',
  'slot-moved',
  'became-pure',
  'became-optional',
  'const-changed',
  'default-argument-changed',
  'header-moved',
] as const;
export type InterfaceRuleCode = (typeof INTERFACE_RULE_CODES)[number];

/** One rule: what changed between the build's interface (B) and the host's (H), and what that does to the build. */
export interface InterfaceRule {
  readonly code: InterfaceRuleCode;
  readonly title: string;
  /** Whether a build of B can fail in H because of it. */
  readonly breaks: boolean;
  /** Why it breaks a build (or why it does not), in terms of what the host's call reaches. */
  readonly why: string;
}

const RULES = {
  'structure-changed': {
    title: 'the structure changed (non-virtual wrapper ↔ abstract class)',
    breaks: true,
    why: "the host drives the object create() returns as its own release declares it (a wrapper forwarding to an IsolatorProcess, or the abstract class itself); the build made the other one, so the host's calls reach functions of another class",
  },
  'class-changed': {
    title: 'the class create() returns, or the class authors implement, changed',
    breaks: true,
    why: "the build derives from and links against its release's class (typeinfo, constructors and destructor are mangled with that name); the host knows only its own, so the build's base-class symbols may not resolve and the object is not of the class the host takes it for",
  },
  'method-added': {
    title: 'the host has a virtual method the build does not',
    breaks: true,
    why: "the build's vtable was laid out without it: the host's call through that slot reaches another of the build's functions, or runs past the end of its vtable (a default body in the host's header does not help: the build never compiled it in)",
  },
  'method-removed': {
    title: 'the build has a virtual method the host no longer has',
    breaks: true,
    why: "the build's vtable keeps the slot: every later method the host calls lands one slot early, in the wrong function, and what the build implemented there is never called",
  },
  'signature-changed': {
    title: "a method's return or parameter types changed",
    breaks: true,
    why: "the host calls the build's function with arguments, and expects a result, of types the build was not compiled for",
  },
  'slot-moved': {
    title: 'methods both have were reordered in the vtable',
    breaks: true,
    why: "the host calls by slot, not by name: a reordered method's call reaches another of the build's functions",
  },
  'became-pure': {
    title: 'a default-bodied method became pure',
    breaks: true,
    why: "a build may rely on the default body of its release instead of implementing the method; the host requires an implementation and calls what the build's slot holds: that old default (compiled into the build from its header), or a symbol of the old libmesos the host no longer defines",
  },
  'became-optional': {
    title: 'a pure method gained a default body',
    breaks: false,
    why: "every build implemented it (it was pure in the build's release), in the same slot with the same signature: the host calls the build's own implementation",
  },
  'const-changed': {
    title: "a method's const qualifier changed",
    breaks: false,
    why: "`this` is passed the same way to const and non-const methods, and the slot is the same: the host's call reaches the build's implementation",
  },
  'default-argument-changed': {
    title: "a parameter's default argument changed",
    breaks: false,
    why: "default arguments are filled in by the caller when it is compiled: the host passes its own value, which the build's function receives like any argument",
  },
  'header-moved': {
    title: 'the header declaring the class moved',
    breaks: false,
    why: 'where a class is declared matters only when compiling; nothing of it is in the binary',
  },
} as const satisfies Record<InterfaceRuleCode, Omit<InterfaceRule, 'code'>>;

/** Every rule by code. */
export const INTERFACE_RULES: Readonly<Record<InterfaceRuleCode, InterfaceRule>> = Object.fromEntries(
  INTERFACE_RULE_CODES.map((code) => [code, { code, ...RULES[code] }]),
) as Record<InterfaceRuleCode, InterfaceRule>;
