import type { Advice } from '../core/loadAdvice.js';

/** One line of what to do, for a person. */
export function describeAdvice(advice: Advice): string {
  switch (advice.advice) {
    case 'rebuild': {
      const admits =
        advice.exactOnly || advice.minimum === advice.host
          ? `${advice.host} admits ${advice.kind} builds for ${advice.host} only${advice.exactOnly && advice.minimum !== advice.host ? ' (the module has no compatible())' : ''}`
          : `${advice.host} admits ${advice.kind} builds from ${advice.minimum} to ${advice.host}`;
      return `built against ${advice.builtFor}; ${admits} — rebuild against ${advice.host}`;
    }
    case 'kind-unavailable':
      if (advice.since !== null) return `${advice.host} has no ${advice.kind} modules: the kind first appears in ${advice.since}`;
      return advice.similar !== null ? `no release knows the kind ${advice.kind}; kinds are case-sensitive: did you mean ${advice.similar}?` : `no release of the table knows the kind ${advice.kind}`;
    case 'api-version':
      return `every release 0.21.0 – 1.11.0 requires module API version ${advice.required}: build against a Mesos header of those releases`;
    case 'version-unreadable':
      return advice.readableFrom === null ? `no release's version parser reads '${advice.version}'` : `this release's version parser cannot read '${advice.version}'; ${advice.readableFrom}'s can`;
    case 'fill-fields':
      return 'a manifest field is NULL: set all of moduleApiVersion, mesosVersion, kind, authorName, authorEmail and description';
    case 'vetoed':
      return "the module's compatible() returned false for this release";
    case 'library-not-found':
      return advice.searched ? 'a file without a slash is searched like dlopen does (LD_LIBRARY_PATH, then the system paths): give a path or set LD_LIBRARY_PATH' : 'check the path';
    case 'symbol-not-found':
      return advice.emptyFile
        ? 'an empty "file" makes Mesos dlopen("") its own binary, which has no module: name the library'
        : `'${advice.library}' exports no such module: a module is a global variable named like it (see nm -D)`;
    case 'name-library':
      return 'give the library a "file" or a "name"';
    case 'duplicate':
      return advice.policy === 'reject-before-lookup'
        ? 'up to 0.27.x a module name may appear once; from 0.28.0 an identical re-declaration is accepted'
        : 'declare the module once, or identically: same library, same parameters';
    case 'crashed':
      return 'the library crashed the process that opened it: Mesos would crash the same way';
    case 'hung':
      return 'the library did not return: Mesos would hang the same way';
    case 'unknown-flag':
      return '--modules_dir exists from 1.0.0 on: use --modules for this release';
    case 'one-flag':
      return 'give either --modules or --modules_dir';
    case 'as-found':
      return advice.text;
    case 'none':
      return '';
  }
}
