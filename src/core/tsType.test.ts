import { describe, expect, it } from 'vitest';
import { tsType } from './tsType.js';

// The documented mapping, given → wanted, with the opaque types each introduces.
const CASES: ReadonlyArray<readonly [string, string, Record<string, string>?]> = [
  ['void', 'void'],
  ['bool', 'boolean'],
  ['int', 'number'],
  ['const size_t', 'number'],
  ['pid_t', 'number'],
  ['char', 'number'],
  ['const std::string&', 'string'],
  ['Try<Nothing>', 'Try<void>'],
  ['process::Future<Nothing>', 'Promise<void>'],
  ['process::Future<bool>', 'Promise<boolean>'],
  ['Future<AuthenticationResult>', 'Promise<AuthenticationResult>', { AuthenticationResult: 'AuthenticationResult' }],
  ['process::Future<Option<int>>', 'Promise<number | undefined>'],
  ['const Option<std::string>&', 'string | undefined'],
  ['const std::list<ContainerState>&', 'readonly ContainerState[]', { ContainerState: 'ContainerState' }],
  ['const std::vector<Offer::Operation>&', 'readonly OfferOperation[]', { OfferOperation: 'Offer::Operation' }],
  ['const Option<std::vector<Resources>>&', 'readonly Resources[] | undefined', { Resources: 'Resources' }],
  ['const hashset<ContainerID>&', 'ReadonlySet<ContainerID>', { ContainerID: 'ContainerID' }],
  ['const std::set<std::string>&', 'ReadonlySet<string>'],
  ['const hashmap<std::string, double>&', 'ReadonlyMap<string, number>'],
  ['const google::protobuf::Map<std::string, Value::Scalar>&', 'ReadonlyMap<string, ValueScalar>', { ValueScalar: 'Value::Scalar' }],
  ['process::Future<hashmap<SlaveID, hashmap<FrameworkID, mesos::master::InverseOfferStatus>>>', 'Promise<ReadonlyMap<SlaveID, ReadonlyMap<FrameworkID, MasterInverseOfferStatus>>>', { SlaveID: 'SlaveID', FrameworkID: 'FrameworkID', MasterInverseOfferStatus: 'mesos::master::InverseOfferStatus' }],
  ['process::Future<std::shared_ptr<const ObjectApprover>>', 'Promise<ObjectApprover>', { ObjectApprover: 'ObjectApprover' }],
  ['process::Future<process::Owned<ObjectApprover>>', 'Promise<ObjectApprover>', { ObjectApprover: 'ObjectApprover' }],
  ['const process::http::Request&', 'HttpRequest', { HttpRequest: 'process::http::Request' }],
  ['const process::UPID&', 'UPID', { UPID: 'process::UPID' }],
  ['const mesos::Parameters&', 'Parameters', { Parameters: 'mesos::Parameters' }],
  ['const authorization::Subject&', 'AuthorizationSubject', { AuthorizationSubject: 'authorization::Subject' }],
  ['FrameworkOptions&&', 'FrameworkOptions', { FrameworkOptions: 'FrameworkOptions' }],
  ['const lambda::function<process::Future<ResourceUsage>()>&', '() => Promise<ResourceUsage>', { ResourceUsage: 'ResourceUsage' }],
  ['const lambda::function<void(const FrameworkID&, const hashmap<SlaveID, Resources>&)>&', '(arg0: FrameworkID, arg1: ReadonlyMap<SlaveID, Resources>) => void', { FrameworkID: 'FrameworkID', SlaveID: 'SlaveID', Resources: 'Resources' }],
  ['const std::vector<Option<Resources>>&', 'readonly (Resources | undefined)[]', { Resources: 'Resources' }],
];

describe('tsType: C++ → TypeScript', () => {
  it.each(CASES.map(([cpp, text, opaque = {}]) => ({ cpp, text, opaque })))('$cpp → $text', ({ cpp, text, opaque }) => {
    const mapped = tsType(cpp);
    expect(mapped.text).toBe(text);
    expect(Object.fromEntries(mapped.opaque)).toEqual(opaque);
  });

  it('refuses a template it has no mapping for, rather than guessing', () => {
    expect(() => tsType('boost::optional<int>')).toThrow(/no TypeScript mapping for the C\+\+ template boost::optional/);
  });
});
