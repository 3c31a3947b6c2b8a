import { describe, expect, it } from 'vitest';
import { DESCRIPTORS, RELEASES, type KindInterface, type Release } from '../../src/shims/index.js';
import type {
  ContainerConfig,
  ContainerID,
  ContainerLaunchInfo,
  ContainerLimitation,
  ContainerPrepareInfo,
  ContainerState,
  Credentials,
  ExecutorInfo,
  ResourceStatistics,
  Resources,
  Try,
  UPID,
  ValueScalar,
} from '../../src/shims/mesosTypes.js';

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

// The last release: every Isolator method has a default body, prepare() takes a ContainerConfig,
// and update() the resource limits (a google::protobuf::Map, optional through its `= {}`).
class Isolator1110 implements KindInterface<'1.11.0', 'Isolator'> {
  async prepare(_containerId: ContainerID, _containerConfig: ContainerConfig): Promise<ContainerLaunchInfo | undefined> {
    return undefined;
  }
  async update(_containerId: ContainerID, _requests: Resources, _limits?: ReadonlyMap<string, ValueScalar>): Promise<void> {}
}

// 1.4.2 re-exports an earlier release's file; the type map still answers for it.
class Isolator142 implements KindInterface<'1.4.2', 'Isolator'> {
  async cleanup(_containerId: ContainerID): Promise<void> {}
}

// A 0.24.1 Isolator is no 1.11.0 Isolator: its prepare() has the old parameters.
// @ts-expect-error Types of property 'prepare' are incompatible
class Isolator0241As1110 extends Isolator0241 implements KindInterface<'1.11.0', 'Isolator'> {}

// One class for an old and a new release, where the interface did not change (0.23.0 – 1.11.0).
class Authenticator implements KindInterface<'0.23.1', 'Authenticator'>, KindInterface<'1.11.0', 'Authenticator'> {
  initialize(_credentials: Credentials | undefined): Try<void> {
    return { ok: true, value: undefined };
  }
  async authenticate(_pid: UPID): Promise<string | undefined> {
    return undefined;
  }
}

// Before 0.23.0 initialize() took the client's pid: one class cannot be both.
// @ts-expect-error Types of property 'initialize' are incompatible
class AuthenticatorOldAndNew extends Authenticator implements KindInterface<'0.22.0', 'Authenticator'> {}

describe('generated shims', () => {
  it('cover every release of the table, in version order', () => {
    expect(RELEASES).toHaveLength(60);
    expect(RELEASES[0]).toBe('0.21.0');
    expect(RELEASES.at(-1)).toBe('1.11.0');
    const release: Release = '1.4.2';
    expect(Object.keys(DESCRIPTORS[release])).toContain('Isolator');
    expect('Authorizer' in DESCRIPTORS['0.23.1']).toBe(false);
  });

  it('describe each release and kind, and which release declares an interface that did not change', () => {
    for (const instance of [new Isolator0241(), new Isolator1110(), new Isolator142(), new Authenticator()]) expect(instance).toBeTruthy();
    expect([Isolator0231As0241.name, Isolator0241As1110.name, AuthenticatorOldAndNew.name]).toHaveLength(3);
    expect(DESCRIPTORS['0.23.1'].Isolator).toMatchObject({ release: '0.23.1', cppClass: 'mesos::slave::Isolator', structure: 'wrapper', implements: 'mesos::slave::IsolatorProcess' });
    expect(DESCRIPTORS['0.24.1'].Isolator).toMatchObject({ release: '0.24.1', declaredIn: '0.24.0', structure: 'abstract', header: 'include/mesos/slave/isolator.hpp' });
    expect(DESCRIPTORS['0.24.1'].Isolator.methods.map((method) => method.name)).toEqual(['~Isolator', 'namespaces', 'recover', 'prepare', 'isolate', 'watch', 'update', 'usage', 'cleanup']);
    expect(DESCRIPTORS['1.11.0'].Isolator).toMatchObject({ release: '1.11.0', declaredIn: '1.10.0' });
    expect(DESCRIPTORS['1.11.0'].Authenticator.declaredIn).toBe('0.23.0');
    // Releases sharing a declaring release have equal descriptors but for their own release.
    const { release: _a, ...shared } = DESCRIPTORS['0.24.2'].Isolator;
    const { release: _b, ...declaring } = DESCRIPTORS['0.24.0'].Isolator;
    expect(shared).toEqual(declaring);
  });
});
