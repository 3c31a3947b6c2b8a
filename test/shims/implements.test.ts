import { describe, expect, it } from 'vitest';
import { DESCRIPTORS, type KindInterface } from '../../src/shims/index.js';
import type { ContainerID, ContainerLimitation, ContainerPrepareInfo, ContainerState, ExecutorInfo, ResourceStatistics, Resources } from '../../src/shims/mesosTypes.js';

// What an #if MESOS_VERSION_INT ladder becomes: one class per release, checked by tsc.
class Isolator0241 implements KindInterface<'0.24.1', 'Isolator'> {
  async recover(_states: readonly ContainerState[], _orphans: ReadonlySet<ContainerID>): Promise<void> {}
  async prepare(_containerId: ContainerID, _executorInfo: ExecutorInfo, _directory: string, _user: string | undefined): Promise<ContainerPrepareInfo | undefined> {
    return undefined;
  }
  async isolate(_containerId: ContainerID, _pid: number): Promise<void> {}
  watch(_containerId: ContainerID): Promise<ContainerLimitation> {
    return new Promise(() => undefined);
  }
  async update(_containerId: ContainerID, _resources: Resources): Promise<void> {}
  usage(_containerId: ContainerID): Promise<ResourceStatistics> {
    return new Promise(() => undefined);
  }
  async cleanup(_containerId: ContainerID): Promise<void> {}
}

// 0.23.1's prepare() also took the rootfs: a 0.23.1 Isolator is not a 0.24.1 Isolator.
class Isolator0231As0241 implements KindInterface<'0.24.1', 'Isolator'> {
  recover = Isolator0241.prototype.recover;
  isolate = Isolator0241.prototype.isolate;
  watch = Isolator0241.prototype.watch;
  update = Isolator0241.prototype.update;
  usage = Isolator0241.prototype.usage;
  cleanup = Isolator0241.prototype.cleanup;
  // @ts-expect-error prepare(containerId, executorInfo, directory, rootfs, user) has one parameter too many for 0.24.1
  async prepare(_containerId: ContainerID, _executorInfo: ExecutorInfo, _directory: string, _rootfs: string | undefined, _user: string | undefined): Promise<ContainerPrepareInfo | undefined> {
    return undefined;
  }
}

describe('generated shims', () => {
  it('describe each release and kind they declare', () => {
    expect(new Isolator0241()).toBeInstanceOf(Isolator0241);
    expect(Isolator0231As0241.name).toBe('Isolator0231As0241');
    expect(DESCRIPTORS['0.23.1'].Isolator).toMatchObject({ cppClass: 'mesos::slave::Isolator', structure: 'wrapper', implements: 'mesos::slave::IsolatorProcess' });
    expect(DESCRIPTORS['0.24.1'].Isolator).toMatchObject({ cppClass: 'mesos::slave::Isolator', structure: 'abstract', header: 'include/mesos/slave/isolator.hpp' });
    expect(DESCRIPTORS['0.24.1'].Isolator.methods.map((method) => method.name)).toEqual(['~Isolator', 'namespaces', 'recover', 'prepare', 'isolate', 'watch', 'update', 'usage', 'cleanup']);
    expect(Object.keys(DESCRIPTORS)).toEqual(['0.23.1', '0.24.1', '0.25.0', '0.26.0']);
    expect('Authorizer' in DESCRIPTORS['0.23.1']).toBe(false);
  });
});
