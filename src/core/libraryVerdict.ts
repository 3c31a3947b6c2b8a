import type { Host } from './host.js';
import type { LibraryOutcome } from './libraryOutcome.js';
import type { Verdict } from './stage.js';
import { verifyModule } from './verifyModule.js';

/**
 * What `ModuleManager::load` reports for one module of one library on `host`, given what
 * building and opening the library did. `library` is the string Mesos passed to dlopen
 * (`file`, or the expanded `name`). Texts: loader-facts §6 (`0.23.1:src/module/manager.cpp`,
 * stout `DynamicLibrary`), §7 for 1.x (unchanged).
 */
export function libraryVerdict(host: Host, library: string, moduleName: string, outcome: LibraryOutcome): Verdict {
  switch (outcome.stage) {
    case 'manifest':
      return verifyModule(host, moduleName, outcome.manifest);
    case 'open':
      return {
        loadable: false,
        stage: 'open',
        // 0.21.x dropped DynamicLibrary's error; 0.22.0 appended it.
        message: host.loader.openErrorDetail
          ? `Error opening library: '${library}': Could not load library '${library}': ${outcome.dlerror}`
          : `Error opening library: '${library}'`,
      };
    case 'symbol':
      return {
        loadable: false,
        stage: 'symbol',
        // Sic: stout puts a space before the colon.
        message: `Error loading module '${moduleName}': Error looking up symbol '${moduleName}' in '${library}' : ${outcome.dlerror}`,
      };
    case 'compile':
    case 'crash':
    case 'timeout':
    case 'protocol':
      return { loadable: false, stage: outcome.stage, message: outcome.message };
  }
}
